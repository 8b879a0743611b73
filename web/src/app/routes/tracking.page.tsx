import { useParams } from 'react-router';

import { useMe } from '@/features/auth/api/get-me.api';
import { TrackingView } from '@/features/tracking/components/tracking-view';

import { PlainLayout } from '../layouts/plain-layout';

/** `/tra-cuu/:code`: public tracking, outside every role area (no login needed). */
export function TrackingPage() {
  const { code } = useParams();
  const me = useMe();
  return (
    <PlainLayout me={me.data ?? null}>
      <TrackingView key={code ?? ''} code={code} />
    </PlainLayout>
  );
}
