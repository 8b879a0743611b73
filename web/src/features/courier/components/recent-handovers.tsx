import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useAgencyHandovers } from '../api/agency-handovers.api';
import { formatSignedAt } from '../utils/agency-handover';
import s from './agency-handover.module.css';
import styles from './courier.module.css';

/** The courier's latest handover records, each a link to view and print it again. */
export function RecentHandovers() {
  const { t } = useTranslation('courier');
  const records = useAgencyHandovers();
  if (!records.data || records.data.length === 0) return null;
  return (
    <section className={styles.card} aria-labelledby="recent-records-h">
      <h2 id="recent-records-h">{t('agency.recentTitle')}</h2>
      <ul className={s.recent}>
        {records.data.map((r) => (
          <li key={r.id}>
            <Link to={`/courier/handover/${r.id}`}>
              <strong>{r.recordNo}</strong>
              <span>
                {t('agency.recentItem', {
                  count: r.itemCount,
                  agency: r.agencyName,
                  at: formatSignedAt(r.signedAt),
                })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
