import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import styles from './admin.module.css';

export type AdminTab = { id: string; label: string; content: ReactNode };

/** Tabs of the admin area; each tab's content is composed by the page. */
export function AdminTabs({ tabs }: { tabs: AdminTab[] }) {
  const { t } = useTranslation('admin');
  const [active, setActive] = useState(tabs[0]?.id);
  const current = tabs.find((x) => x.id === active) ?? tabs[0];
  return (
    <>
      <div role="tablist" aria-label={t('tabs.label')} className={styles.tabs}>
        {tabs.map((x) => (
          <button
            key={x.id}
            role="tab"
            id={`tab-${x.id}`}
            aria-selected={x.id === current?.id}
            aria-controls={`panel-${x.id}`}
            className={styles.tab}
            onClick={() => setActive(x.id)}
          >
            {x.label}
          </button>
        ))}
      </div>
      {current && (
        <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`}>
          {current.content}
        </div>
      )}
    </>
  );
}
