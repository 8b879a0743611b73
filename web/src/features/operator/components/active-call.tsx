import { useTranslation } from 'react-i18next';

import { ErrorState, LoadingState } from '@/components/ui/feedback';

import { useCall } from '../api/calls.api';
import type { CallHandlers } from '../hooks/use-call-form';
import { CallForm } from './call-form';

/** The call being handled: loads it, then shows its form. */
export function ActiveCall({ callId, ...handlers }: { callId: string } & CallHandlers) {
  const { t } = useTranslation('operator');
  const call = useCall(callId);
  if (call.isPending) return <LoadingState label={t('call.loading')} />;
  if (call.isError) return <ErrorState error={call.error} onRetry={() => void call.refetch()} />;
  return <CallForm call={call.data} {...handlers} />;
}
