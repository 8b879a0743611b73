import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { TextField } from '@/components/ui/text-field';

import type { ChecklistPaper } from '../utils/paper-kind';
import styles from './courier.module.css';

export type PaperChecklistProps = {
  papers: ChecklistPaper[];
  onChange: (papers: ChecklistPaper[]) => void;
};

/**
 * The pickup checklist: each paper present or missing, original or copy (pre-chosen only
 * when its name says so), and papers the citizen brings beyond the published list.
 */
export function PaperChecklist({ papers, onChange }: PaperChecklistProps) {
  const { t } = useTranslation('courier');
  const [extra, setExtra] = useState('');
  const missing = papers.filter((p) => !p.present).map((p) => p.name);
  const update = (i: number, patch: Partial<ChecklistPaper>) =>
    onChange(papers.map((p, k) => (k === i ? { ...p, ...patch } : p)));
  return (
    <>
      <ul className={styles.list}>
        {papers.map((p, i) => (
          <li key={p.name} className={styles.paper}>
            <Checkbox
              className={styles.check}
              label={p.name}
              checked={p.present}
              onChange={(on) => update(i, { present: on })}
            />
            <select
              className={styles.select}
              aria-label={t('pickup.copyOf', { name: p.name })}
              value={p.copy ?? ''}
              onChange={(e) =>
                update(i, { copy: (e.target.value || null) as ChecklistPaper['copy'] })
              }
            >
              {p.copy === null && <option value="">{t('pickup.choose')}</option>}
              <option value="original">{t('pickup.original')}</option>
              <option value="copy">{t('pickup.copy')}</option>
            </select>
          </li>
        ))}
      </ul>
      <div className={styles.row}>
        <TextField
          label={t('pickup.addPaper')}
          value={extra}
          onChange={(e) => setExtra(e.target.value)}
        />
        <Button
          variant="secondary"
          onClick={() => {
            if (extra.trim())
              onChange([...papers, { name: extra.trim(), copy: null, present: true }]);
            setExtra('');
          }}
        >
          {t('pickup.add')}
        </Button>
      </div>
      {missing.length > 0 && (
        <p className={styles.pendingNote}>{t('pickup.missing', { list: missing.join(', ') })}</p>
      )}
    </>
  );
}
