import { useParams } from 'react-router';

import { CourierJobScreen } from '@/features/courier/components/courier-job-screen';

/** `/courier/jobs/:id`. */
export function CourierJobPage() {
  const { id = '' } = useParams();
  return <CourierJobScreen id={id} />;
}
