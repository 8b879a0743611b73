import { useTranslation } from 'react-i18next';

import { useDocumentTitle } from '@/hooks/use-document-title';

import { useResultPickup } from '../api/result-pickups.api';
import { CounterPickupRecord } from './counter-pickup-record';
import { RecordSheet } from './record-sheet';

/** `/courier/counter-pickup/:id`: one counter pickup record, on the screen and printed on A4. */
export function CounterPickupRecordScreen({ id }: { id: string }) {
  const { t } = useTranslation('courier');
  const record = useResultPickup(id);
  useDocumentTitle(
    record.data ? t('counter.record.title', { no: record.data.recordNo }) : t('counter.title'),
  );

  return (
    <RecordSheet
      record={record}
      back={{ to: '/courier/counter-pickup', label: t('counter.back') }}
      createdText={(data) => t('counter.created', { count: data.items.length })}
      printLabel={t('counter.print')}
      toJobsLabel={t('counter.toJobs')}
    >
      {(data) => <CounterPickupRecord record={data} />}
    </RecordSheet>
  );
}
