import { useTranslation } from 'react-i18next';

import { useDocumentTitle } from '@/hooks/use-document-title';

import { useAgencyHandover } from '../api/agency-handovers.api';
import { AgencyHandoverRecord } from './agency-handover-record';
import { RecordSheet } from './record-sheet';

/** `/courier/handover/:id`: one handover record, on the screen and printed on A4. */
export function AgencyHandoverRecordScreen({ id }: { id: string }) {
  const { t } = useTranslation('courier');
  const record = useAgencyHandover(id);
  useDocumentTitle(
    record.data ? t('agency.record.title', { no: record.data.recordNo }) : t('agency.title'),
  );

  return (
    <RecordSheet
      record={record}
      back={{ to: '/courier/handover', label: t('agency.back') }}
      createdText={() => t('agency.created')}
      printLabel={t('agency.print')}
      toJobsLabel={t('agency.toJobs')}
    >
      {(data) => <AgencyHandoverRecord record={data} />}
    </RecordSheet>
  );
}
