import type { Procedure } from '@tannha/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Fact } from '@/components/ui/fact';
import { Badge, EmptyState, ErrorState, LoadingState } from '@/components/ui/feedback';
import { SearchField } from '@/components/ui/search-field';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { formatMoney } from '@/lib/format';

import { MIN_SEARCH_LENGTH, useCatalogueSearch } from '../api/search-procedures.api';
import styles from './procedure-search.module.css';

const DEBOUNCE_MS = 300;

/** A procedure chosen from the catalogue to create a job with. */
export type PickedProcedure = Pick<Procedure, 'id' | 'name'>;

/**
 * The catalogue look-up operators use while a citizen is on the line; with `onCreateJob`,
 * each procedure that can go by post offers "Tạo việc với thủ tục này".
 */
export function ProcedureSearch({
  onCreateJob,
}: { onCreateJob?: ((p: PickedProcedure) => void) | undefined } = {}) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const term = useDebouncedValue(input.trim(), DEBOUNCE_MS);
  const search = useCatalogueSearch(term);
  const tooShort = term.length > 0 && term.length < MIN_SEARCH_LENGTH;
  const items = search.data;

  let status = '';
  if (search.isFetching) status = t('procedures.searching');
  else if (tooShort) status = t('procedures.tooShort');
  else if (items && term.length >= MIN_SEARCH_LENGTH && items.length > 0)
    status = t('procedures.resultCount', { count: items.length });

  return (
    <section className={styles.search} aria-labelledby="procedure-search-heading">
      <h2 id="procedure-search-heading">{t('procedures.heading')}</h2>
      <search className={styles.searchBox}>
        <SearchField
          label={t('procedures.searchLabel')}
          hint={t('procedures.hint')}
          value={input}
          onValueChange={setInput}
          placeholder={t('procedures.placeholder')}
          spellCheck={false}
        />
      </search>
      <p className={styles.status} role="status" aria-live="polite">
        {status}
      </p>

      {term.length < MIN_SEARCH_LENGTH ? (
        <EmptyState title={t('procedures.emptyTitle')} icon={<SearchIcon />}>
          <p>{t('procedures.emptyBody')}</p>
        </EmptyState>
      ) : search.isError && !items ? (
        <ErrorState error={search.error} onRetry={() => void search.refetch()} />
      ) : !items ? (
        <LoadingState label={t('procedures.searching')} />
      ) : items.length === 0 ? (
        <EmptyState title={t('procedures.noResults', { query: term })} />
      ) : (
        <ul className={styles.results}>
          {items.map((procedure) => (
            <li key={procedure.id}>
              <ProcedureCard procedure={procedure} onCreateJob={onCreateJob} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ProcedureCard({
  procedure,
  onCreateJob,
}: {
  procedure: Procedure;
  onCreateJob: ((p: PickedProcedure) => void) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <article className={styles.card} aria-labelledby={`procedure-${procedure.id}`}>
      <header className={styles.cardHeader}>
        <h3 id={`procedure-${procedure.id}`}>{procedure.name}</h3>
        <span className={styles.badges}>
          {procedure.inPersonOnly ? (
            <Badge tone="warning">{t('procedures.inPersonOnly')}</Badge>
          ) : (
            <Badge tone="success">{t('procedures.byPost')}</Badge>
          )}
          {procedure.sample && <Badge tone="neutral">{t('procedures.sample')}</Badge>}
        </span>
      </header>
      <p className={styles.meta}>
        {t('procedures.code')}: {procedure.code} · {t('procedures.agency')}: {procedure.agency} ·{' '}
        {t('procedures.field')}: {procedure.field}
      </p>
      <dl className={styles.facts}>
        <Fact term={t('procedures.fee')}>
          {procedure.feeVnd === 0 ? t('procedures.free') : formatMoney(procedure.feeVnd)}
        </Fact>
        <Fact term={t('procedures.postalCharge')}>{formatMoney(procedure.postalChargeVnd)}</Fact>
        <Fact term={t('procedures.processingTime')}>
          {t('procedures.processingDays', { count: procedure.processingDays })}
        </Fact>
      </dl>
      <p className={styles.papersTitle}>{t('procedures.papers')}</p>
      {procedure.requiredPapers.length > 0 ? (
        <ul className={styles.papers}>
          {procedure.requiredPapers.map((paper) => (
            <li key={paper}>{paper}</li>
          ))}
        </ul>
      ) : (
        <p>{t('procedures.noPapers')}</p>
      )}
      {procedure.inPersonOnly && (
        <p className={styles.inPersonHint}>{t('procedures.inPersonOnlyHint')}</p>
      )}
      {procedure.sample && <p className={styles.sampleHint}>{t('procedures.sampleHint')}</p>}
      {onCreateJob && !procedure.inPersonOnly && (
        <p>
          <Button onClick={() => onCreateJob({ id: procedure.id, name: procedure.name })}>
            {t('procedures.createJob')}
          </Button>
        </p>
      )}
    </article>
  );
}

function SearchIcon() {
  return (
    <svg
      width="40"
      height="40"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" strokeLinecap="round" />
    </svg>
  );
}
