import { ChangePasswordScreen } from '@/features/account/components/change-password-screen';

/** `/account/password`: a desk role changes their own password. */
export function ChangePasswordPage() {
  return <ChangePasswordScreen />;
}

/** `/courier/password`: the same on the courier's phone frame. */
export function CourierChangePasswordPage() {
  return <ChangePasswordScreen compact />;
}
