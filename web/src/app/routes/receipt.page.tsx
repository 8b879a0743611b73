import { useParams } from 'react-router';

import { ReceiptScreen } from '@/features/courier/components/receipt-screen';

/** `/bien-lai/:id`: the public e-receipt. */
export function ReceiptPage() {
  const { id = '' } = useParams();
  return <ReceiptScreen id={id} />;
}
