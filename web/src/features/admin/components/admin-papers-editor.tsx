import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';

import styles from './admin.module.css';

/** One line of the list while it is edited: a stable key so React keeps focus on reorder. */
export type PaperLine = { key: number; text: string };

/**
 * The papers of a procedure as an editable list: each line one paper ("Bản sao CCCD"),
 * added at the end, removed, or moved up and down (the order the courier checks them in).
 * `errors` are the server's messages by line (`requiredPapers.<i>`).
 */
export function PapersEditor({
  lines,
  onChange,
  errors,
  nextKey,
}: {
  lines: PaperLine[];
  onChange: (lines: PaperLine[]) => void;
  errors: (i: number) => string | undefined;
  nextKey: () => number;
}) {
  const { t } = useTranslation('admin');
  const move = (i: number, by: -1 | 1) => {
    const next = [...lines];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange(next);
  };
  return (
    <fieldset className={styles.papers}>
      <legend>{t('procedure.papers')}</legend>
      <p className={styles.hint}>{t('procedure.papersHint')}</p>
      {lines.length === 0 && <p>{t('procedure.noPapers')}</p>}
      <ol>
        {lines.map((line, i) => (
          <li key={line.key} className={styles.paperLine}>
            <TextField
              label={t('procedure.paperN', { n: i + 1 })}
              value={line.text}
              maxLength={300}
              error={errors(i)}
              onChange={(e) =>
                onChange(
                  lines.map((l) => (l.key === line.key ? { ...l, text: e.target.value } : l)),
                )
              }
            />
            <Button
              variant="ghost"
              disabled={i === 0}
              aria-label={t('procedure.moveUp', { n: i + 1 })}
              onClick={() => move(i, -1)}
            >
              ↑
            </Button>
            <Button
              variant="ghost"
              disabled={i === lines.length - 1}
              aria-label={t('procedure.moveDown', { n: i + 1 })}
              onClick={() => move(i, 1)}
            >
              ↓
            </Button>
            <Button
              variant="ghost"
              aria-label={t('procedure.removePaper', { n: i + 1, name: line.text })}
              onClick={() => onChange(lines.filter((l) => l.key !== line.key))}
            >
              {t('procedure.remove')}
            </Button>
          </li>
        ))}
      </ol>
      <Button
        variant="secondary"
        onClick={() => onChange([...lines, { key: nextKey(), text: '' }])}
      >
        {t('procedure.addPaper')}
      </Button>
    </fieldset>
  );
}
