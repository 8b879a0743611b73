import type { AgencyHandover } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { Fact } from '@/components/ui/fact';
import { cx } from '@/lib/cx';

import { formatSignedAt } from '../utils/agency-handover';
import s from './agency-handover.module.css';
import { RecordSignatures } from './record-signatures';

/**
 * The handover record (biên bản giao nhận) as it is printed: who handed over and who received,
 * the signing time (the legal filing time of every dossier listed), each dossier with its slip
 * number and whether it is complete, and both signatures.
 */
export function AgencyHandoverRecord({ record }: { record: AgencyHandover }) {
  const { t } = useTranslation('courier');
  const incomplete = record.items.filter((i) => !i.complete).length;
  return (
    <article className={s.record} aria-labelledby="record-h">
      <header className={s.recordHead}>
        <p>{record.unitName}</p>
        <h1 id="record-h">{t('agency.record.heading')}</h1>
        <p>
          {t('agency.record.no')} <strong data-testid="record-no">{record.recordNo}</strong>
        </p>
      </header>
      <dl className={s.facts}>
        <Fact term={t('agency.record.from')}>
          {t('agency.record.fromValue', { name: record.courierName, unit: record.unitName })}
        </Fact>
        <Fact term={t('agency.record.to')}>{record.agencyName}</Fact>
        <Fact term={t('agency.record.clerk')}>{record.clerkName}</Fact>
        <Fact term={t('agency.record.signedAt')} detailTestId="record-signed-at">
          {formatSignedAt(record.signedAt)}
        </Fact>
      </dl>
      <p>{t('agency.record.filingNote')}</p>
      <table className={s.table}>
        <thead>
          <tr>
            <th className={s.num}>{t('agency.record.index')}</th>
            <th>{t('agency.record.dossier')}</th>
            <th className={s.slipCol}>{t('agency.record.slipNo')}</th>
            <th>{t('agency.record.state')}</th>
          </tr>
        </thead>
        <tbody>
          {record.items.map((i, n) => (
            <tr key={i.jobId}>
              <td className={s.num}>{n + 1}</td>
              <td>
                <strong>{i.citizenName}</strong>
                <small>{i.jobCode}</small>
                {i.procedureName && <small>{i.procedureName}</small>}
                {/* On a phone the slip number goes here; on paper it has its own column. */}
                <small className={s.slipInline}>{t('agency.slip', { no: i.slipNo })}</small>
              </td>
              <td className={cx(s.slipCol, s.slipNo)}>{i.slipNo}</td>
              <td>
                <span className={cx(s.state, !i.complete && s.missing)}>
                  {i.complete ? t('agency.complete') : t('agency.incomplete')}
                </span>
                {i.note && <small>{i.note}</small>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('agency.record.total', {
          count: record.items.length,
          complete: record.items.length - incomplete,
          incomplete,
        })}
      </p>
      <RecordSignatures
        parties={[
          { title: t('agency.record.courierSign'), name: record.courierName },
          {
            title: t('agency.record.clerkSign'),
            name: record.clerkName,
            signature: record.clerkSignatureId
              ? {
                  id: record.clerkSignatureId,
                  alt: t('agency.record.signatureOf', { name: record.clerkName }),
                }
              : undefined,
          },
        ]}
      />
    </article>
  );
}
