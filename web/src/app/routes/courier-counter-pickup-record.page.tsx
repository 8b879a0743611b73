import { useParams } from 'react-router';

import { CounterPickupRecordScreen } from '@/features/courier/components/counter-pickup-record-screen';

/** `/courier/counter-pickup/:id`. */
export function CourierCounterPickupRecordPage() {
  const { id = '' } = useParams();
  return <CounterPickupRecordScreen id={id} />;
}
