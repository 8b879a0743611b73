import { useTranslation } from 'react-i18next';

import styles from './operator-console.module.css';

/** The console's keyboard shortcuts (Alt+S only where calls can be simulated). */
export function ShortcutHelp({ telephony }: { telephony: 'twilio' | 'console' | undefined }) {
  const { t } = useTranslation('operator');
  const rows: [string, string][] = [
    ...(telephony === 'console' ? ([['Alt+S', t('keys.simulate')]] as [string, string][]) : []),
    ['Alt+N', t('keys.newCall')],
    ['Alt+A', t('keys.answer')],
    ['Alt+C', t('keys.content')],
    ['Alt+J', t('keys.job')],
    ['Alt+K', t('keys.catalogue')],
    ['Ctrl+Enter', t('keys.save')],
    ['Alt+L', t('keys.close')],
    ['Esc', t('keys.dismiss')],
  ];
  return (
    <section className={styles.card} aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('keys.title')}</h2>
      <dl className={styles.keys}>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
