import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

import { Button, buttonClassName } from '@/components/ui/button';
import { Alert, ErrorState, LoadingState } from '@/components/ui/feedback';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { cx } from '@/lib/cx';

import { useResultPickup } from '../api/result-pickups.api';
import s from './agency-handover.module.css';
import { CounterPickupRecord } from './counter-pickup-record';
import styles from './courier.module.css';

/** `/courier/counter-pickup/:id`: one counter pickup record, on the screen and printed on A4. */
export function CounterPickupRecordScreen({ id }: { id: string }) {
  const { t } = useTranslation('courier');
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const record = useResultPickup(id);
  useDocumentTitle(
    record.data ? t('counter.record.title', { no: record.data.recordNo }) : t('counter.title'),
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
            <p>{t('counter.created', { count: record.data.items.length })}</p>
          </Alert>
        )}
        <CounterPickupRecord record={record.data} />
        <div className={cx(s.actions, s.noPrint)}>
          <Button onClick={() => window.print()}>{t('counter.print')}</Button>
          <Link to="/courier" className={buttonClassName('secondary')}>
            {t('counter.toJobs')}
          </Link>
        </div>
      </>
    );

  return (
    <div className={s.sheet}>
      <p className={s.noPrint}>
        <Link to="/courier/counter-pickup" className={styles.linkButton}>
          {t('counter.back')}
        </Link>
      </p>
      {body}
    </div>
  );
}
