import { useParams } from 'react-router';

import { AgencyHandoverRecordScreen } from '@/features/courier/components/agency-handover-record-screen';

/** `/courier/handover/:id`. */
export function CourierAgencyHandoverRecordPage() {
  const { id = '' } = useParams();
  return <AgencyHandoverRecordScreen id={id} />;
}
