import type { LocalizedText } from '../lib/errors';
import type { AuthContext } from '../lib/http';

/** Managers may read what admins manage; only admins change it. */
export const ADMIN_READERS = ['manager', 'admin'] as const;
export const ADMINS = ['admin'] as const;

const PROVINCE_ONLY: LocalizedText = {
  vi: 'Chỉ quản trị viên cấp tỉnh mới thay đổi được danh mục, lịch nghỉ và cài đặt chung. Hãy nhờ quản trị viên cấp tỉnh.',
  en: 'Only a province-level admin may change the catalogue, the calendar and shared settings. Ask a province admin.',
};

/**
 * The catalogue, the holiday calendar and settings are province-wide: only staff of a top
 * unit (no parent) change them; an admin of a post office manages its users. The record
 * is whatever is being changed (it has no unit).
 */
export function provinceWide(auth: AuthContext, _record: object): LocalizedText | null {
  return auth.unitIsTop === true ? null : PROVINCE_ONLY;
}
