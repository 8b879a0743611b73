import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Badge } from '@/components/ui/feedback';
import { TableHead } from '@/components/ui/table-head';

import type { IntakeProblem } from '@tannha/shared';

import type { PreviewRow, RowOutcome } from '../api/imports.api';
import { localized } from '../api/localized';
import { Pager } from './pager';
import styles from './intake.module.css';

/** Rows shown at once: a 10,000-row file is read page by page, never rendered whole. */
export const ROWS_PER_PAGE = 100;

type Filter = 'all' | 'problems' | 'updates';

/** A row as the table shows it: a previewed or committed row, or one an import record kept. */
export type TableRow = Pick<PreviewRow, 'line' | 'dossierCode' | 'outcome'> &
  Partial<Pick<PreviewRow, 'recipientName' | 'wardName' | 'unitName' | 'jobCode' | 'changes'>> & {
    problems: (IntakeProblem & { column?: string | null })[];
  };

const TONE: Record<RowOutcome, 'success' | 'info' | 'neutral' | 'danger'> = {
  created: 'success',
  updated: 'info',
  unchanged: 'neutral',
  refused: 'danger',
};

const FILTERS: Record<Filter, (r: TableRow) => boolean> = {
  all: () => true,
  problems: (r) => r.problems.length > 0,
  updates: (r) => r.outcome === 'updated',
};

function ProblemList({ row }: { row: TableRow }) {
  const { t } = useTranslation('intake');
  if (row.problems.length === 0) {
    return row.changes?.length ? (
      <span className={styles.muted}>{t('rows.changes', { fields: row.changes.join(', ') })}</span>
    ) : null;
  }
  return (
    <ul className={styles.problems}>
      {row.problems.map((p, i) => (
        <li key={i}>
          {p.column
            ? t('rows.problem', { line: row.line, column: p.column, message: localized(p.message) })
            : t('rows.problemNoColumn', { line: row.line, message: localized(p.message) })}
        </li>
      ))}
    </ul>
  );
}

function Row({ row }: { row: TableRow }) {
  const { t } = useTranslation('intake');
  return (
    <tr>
      <td>{row.line}</td>
      <td>
        {row.dossierCode || '—'}
        {row.jobCode && (
          <>
            <br />
            <small className={styles.muted}>{t('rows.job', { code: row.jobCode })}</small>
          </>
        )}
      </td>
      <td>{row.recipientName ?? '—'}</td>
      <td>{row.wardName ?? '—'}</td>
      <td>{row.unitName ?? '—'}</td>
      <td>
        <Badge tone={TONE[row.outcome]}>{t(`rows.outcomes.${row.outcome}`)}</Badge>
      </td>
      <td>
        <ProblemList row={row} />
      </td>
    </tr>
  );
}

/**
 * The rows of a file with their outcome and problems, filtered (all / with problems / updates)
 * and paged. `filter` off shows every row given (e.g. only the refused ones after a commit).
 */
export function RowsTable({
  rows,
  label,
  filter: withFilter = true,
}: {
  rows: TableRow[];
  label: string;
  filter?: boolean;
}) {
  const { t } = useTranslation('intake');
  const name = useId();
  const [filter, setFilter] = useState<Filter>(() =>
    rows.some(FILTERS.problems) ? 'problems' : 'all',
  );
  const [page, setPage] = useState(1);
  const shown = withFilter ? rows.filter(FILTERS[filter]) : rows;
  const pages = Math.max(1, Math.ceil(shown.length / ROWS_PER_PAGE));
  const current = Math.min(page, pages);
  const slice = shown.slice((current - 1) * ROWS_PER_PAGE, current * ROWS_PER_PAGE);
  return (
    <div className={styles.stack}>
      {withFilter && (
        <fieldset className={styles.filter}>
          <legend>{t('rows.filter')}</legend>
          {(Object.keys(FILTERS) as Filter[]).map((f) => (
            <label key={f}>
              <input
                type="radio"
                name={name}
                value={f}
                checked={filter === f}
                onChange={() => (setFilter(f), setPage(1))}
              />
              {t(`rows.${f}`, { count: rows.filter(FILTERS[f]).length })}
            </label>
          ))}
        </fieldset>
      )}
      {slice.length === 0 ? (
        <p className={styles.muted}>{t('rows.noneFiltered')}</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table} aria-label={label}>
            <TableHead
              scope="col"
              columns={[
                t('rows.line'),
                t('rows.dossier'),
                t('rows.recipient'),
                t('rows.ward'),
                t('rows.office'),
                t('rows.outcome'),
                t('rows.problemsCol'),
              ]}
            />
            <tbody>
              {slice.map((r) => (
                <Row key={`${r.line}-${r.dossierCode}`} row={r} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={current} pages={pages} onPage={setPage} />
    </div>
  );
}
