import { useTranslation } from 'react-i18next';

import { ErrorState, LoadingState } from '@/components/ui/feedback';

import { useCall } from '../api/calls.api';
import { CallForm } from './call-form';

/** The call being handled: loads it, then shows its form. */
export function ActiveCall({
  callId,
  jobOpenSignal,
  onDone,
}: {
  callId: string;
  jobOpenSignal: number;
  onDone: () => void;
}) {
  const { t } = useTranslation('operator');
  const call = useCall(callId);
  if (call.isPending) return <LoadingState label={t('call.loading')} />;
  if (call.isError) return <ErrorState error={call.error} onRetry={() => void call.refetch()} />;
  return <CallForm call={call.data} jobOpenSignal={jobOpenSignal} onDone={onDone} />;
}
