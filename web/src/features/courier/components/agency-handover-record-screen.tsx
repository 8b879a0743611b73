import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

import { Button, buttonClassName } from '@/components/ui/button';
import { Alert, ErrorState, LoadingState } from '@/components/ui/feedback';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { cx } from '@/lib/cx';

import { useAgencyHandover } from '../api/agency-handovers.api';
import s from './agency-handover.module.css';
import { AgencyHandoverRecord } from './agency-handover-record';
import styles from './courier.module.css';

/** `/courier/handover/:id`: one handover record, on the screen and printed on A4. */
export function AgencyHandoverRecordScreen({ id }: { id: string }) {
  const { t } = useTranslation('courier');
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const record = useAgencyHandover(id);
  useDocumentTitle(
    record.data ? t('agency.record.title', { no: record.data.recordNo }) : t('agency.title'),
  );

  let body;
  if (record.isError && !record.data)
    body = <ErrorState error={record.error} onRetry={() => void record.refetch()} />;
  else if (!record.data) body = <LoadingState />;
  else
    body = (
      <>
        {created && (
          <Alert tone="success" className={cx(s.noPrint, s.created)}>
            <p>{t('agency.created')}</p>
          </Alert>
        )}
        <AgencyHandoverRecord record={record.data} />
        <div className={cx(s.actions, s.noPrint)}>
          <Button onClick={() => window.print()}>{t('agency.print')}</Button>
          <Link to="/courier" className={buttonClassName('secondary')}>
            {t('agency.toJobs')}
          </Link>
        </div>
      </>
    );

  return (
    <div className={s.sheet}>
      <p className={s.noPrint}>
        <Link to="/courier/handover" className={styles.linkButton}>
          {t('agency.back')}
        </Link>
      </p>
      {body}
    </div>
  );
}
