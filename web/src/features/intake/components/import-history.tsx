import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/feedback';
import { QueryView } from '@/components/ui/query-view';
import { TableHead } from '@/components/ui/table-head';
import { formatDateTime } from '@/lib/format';

import {
  IMPORTS_PAGE_SIZE,
  useImportDetail,
  useImports,
  type ImportRecord,
  type RecordProblem,
} from '../api/imports.api';
import styles from './intake.module.css';
import { Pager } from './pager';
import { RowsTable, type TableRow } from './rows-table';

/** A refused row the record kept; an API batch has no lines, so its item number stands in. */
function asRow(p: RecordProblem): TableRow {
  return {
    line: p.line ?? p.index + 1,
    dossierCode: p.dossierCode,
    outcome: 'refused',
    problems: p.problems,
  };
}

function ImportProblems({ record, onClose }: { record: ImportRecord; onClose: () => void }) {
  const { t } = useTranslation('intake');
  const detail = useImportDetail(record.id);
  const title = t('history.detail', { when: formatDateTime(record.createdAt) });
  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <h3>{title}</h3>
        <Button variant="secondary" onClick={onClose}>
          {t('history.close')}
        </Button>
      </div>
      <QueryView
        query={detail}
        isEmpty={(d) => d.problems.length === 0}
        empty={<p>{t('history.noProblems')}</p>}
      >
        {(d) => <RowsTable rows={d.problems.map(asRow)} label={title} filter={false} />}
      </QueryView>
    </div>
  );
}

function HistoryRow({ record, onOpen }: { record: ImportRecord; onOpen: () => void }) {
  const { t } = useTranslation('intake');
  return (
    <tr>
      <td>{formatDateTime(record.createdAt)}</td>
      <td>
        {record.apiKey
          ? t('history.apiKey', { name: record.apiKey.name })
          : (record.createdBy?.fullName ?? '—')}
      </td>
      <td>{record.fileName ?? <span className={styles.muted}>{t('history.viaApi')}</span>}</td>
      <td>{record.unit.name}</td>
      <td>{record.rowsTotal}</td>
      <td>
        {record.created} / {record.updated} / {record.unchanged} / {record.refused}
      </td>
      <td>
        {record.refused > 0 && (
          <Button variant="ghost" onClick={onOpen}>
            {t('history.open')}
          </Button>
        )}
      </td>
    </tr>
  );
}

/** Past imports (files and API batches), newest first; a row opens the rows it refused. */
export function ImportHistory() {
  const { t } = useTranslation('intake');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<ImportRecord | null>(null);
  const imports = useImports(page);
  return (
    <QueryView query={imports} empty={<EmptyState headingLevel={3} title={t('history.empty')} />}>
      {(data) => (
        <div className={styles.stack}>
          <div className={styles.tableWrap}>
            <table className={styles.table} aria-label={t('history.title')}>
              <TableHead
                scope="col"
                columns={[
                  t('history.when'),
                  t('history.who'),
                  t('history.file'),
                  t('history.unit'),
                  t('history.total'),
                  t('history.counts'),
                  '',
                ]}
              />
              <tbody>
                {data.items.map((r) => (
                  <HistoryRow key={r.id} record={r} onOpen={() => setOpen(r)} />
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={page}
            pages={Math.max(1, Math.ceil(data.total / IMPORTS_PAGE_SIZE))}
            onPage={setPage}
          />
          {open && <ImportProblems record={open} onClose={() => setOpen(null)} />}
        </div>
      )}
    </QueryView>
  );
}
