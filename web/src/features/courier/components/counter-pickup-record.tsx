import type { ResultPickup } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { Fact } from '@/components/ui/fact';

import { formatSignedAt } from '../utils/agency-handover';
import s from './agency-handover.module.css';
import { RecordSignatures } from './record-signatures';

/**
 * The counter pickup record (biên bản giao nhận kết quả) as it is printed: the agency and its
 * clerk handing over, the courier receiving, each result by dossier code, the codes refused at
 * the counter (left with the agency), and both signatures.
 */
export function CounterPickupRecord({ record }: { record: ResultPickup }) {
  const { t } = useTranslation('courier');
  return (
    <article className={s.record} aria-labelledby="pickup-record-h">
      <header className={s.recordHead}>
        <p>{record.unitName}</p>
        <h1 id="pickup-record-h">{t('counter.record.heading')}</h1>
        <p>
          {t('counter.record.no')} <strong data-testid="record-no">{record.recordNo}</strong>
        </p>
      </header>
      <dl className={s.facts}>
        <Fact term={t('counter.record.from')}>{record.agencyName}</Fact>
        <Fact term={t('counter.record.clerk')}>{record.clerkName}</Fact>
        <Fact term={t('counter.record.to')}>
          {t('counter.record.toValue', { name: record.courierName, unit: record.unitName })}
        </Fact>
        <Fact term={t('counter.record.signedAt')} detailTestId="record-signed-at">
          {formatSignedAt(record.signedAt)}
        </Fact>
      </dl>
      <table className={s.table} data-testid="pickup-record-items">
        <thead>
          <tr>
            <th className={s.num}>{t('counter.record.index')}</th>
            <th>{t('counter.record.dossierCode')}</th>
            <th>{t('counter.record.recipient')}</th>
          </tr>
        </thead>
        <tbody>
          {record.items.map((i, n) => (
            <tr key={i.jobId}>
              <td className={s.num}>{n + 1}</td>
              <td>
                <strong>{i.dossierCode}</strong>
                <small>{i.jobCode}</small>
              </td>
              <td>
                {i.citizenName}
                <small>{i.addressText}</small>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('counter.record.total', { count: record.items.length })}</p>
      {record.flagged.length > 0 && (
        <section aria-labelledby="pickup-flagged-h">
          <h2 id="pickup-flagged-h">{t('counter.record.flaggedTitle')}</h2>
          <ul data-testid="pickup-record-flagged">
            {record.flagged.map((f) => (
              <li key={f.code}>
                <strong>{f.code}</strong> — {t(`counter.reason.${f.reason}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <RecordSignatures
        parties={[
          {
            title: t('counter.record.clerkSign'),
            name: record.clerkName,
            signature: record.clerkSignatureId
              ? {
                  id: record.clerkSignatureId,
                  alt: t('counter.record.signatureOf', { name: record.clerkName }),
                }
              : undefined,
          },
          { title: t('counter.record.courierSign'), name: record.courierName },
        ]}
      />
    </article>
  );
}
