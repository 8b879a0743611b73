import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Alert, EmptyState } from '@/components/ui/feedback';
import { Section } from '@/components/ui/page';
import { QueryView } from '@/components/ui/query-view';
import { SearchField } from '@/components/ui/search-field';
import { useDebouncedValue } from '@/hooks/use-debounced-value';

import {
  useSaveServiceWards,
  useServiceAreas,
  useWardSearch,
  type OfficeRef,
  type ServiceArea,
} from '../api/service-areas.api';
import styles from './intake.module.css';

/** A ward in an office's draft; `from` is the office it is taken from on save. */
type DraftWard = { code: string; fullName: string; from?: OfficeRef };

function WardSearch({
  area,
  draft,
  onAdd,
}: {
  area: ServiceArea;
  draft: DraftWard[];
  onAdd: (w: DraftWard) => void;
}) {
  const { t } = useTranslation('intake');
  const [q, setQ] = useState('');
  const term = useDebouncedValue(q.trim(), 250);
  const wards = useWardSearch(term);
  const inDraft = new Set(draft.map((w) => w.code));
  return (
    <div className={styles.stack}>
      <SearchField
        label={t('areas.search', { office: area.unit.name })}
        hint={t('areas.searchHint')}
        value={q}
        onValueChange={setQ}
      />
      {term && wards.data?.length === 0 && <p>{t('areas.noMatch', { q: term })}</p>}
      {term && wards.error && <Alert tone="danger">{wards.error.message}</Alert>}
      {term && !!wards.data?.length && (
        <ul className={styles.suggestions}>
          {wards.data.map((w) => {
            const here = inDraft.has(w.code);
            const elsewhere = w.office && w.office.id !== area.unit.id ? w.office : undefined;
            return (
              <li key={w.code}>
                <button
                  type="button"
                  disabled={here}
                  aria-label={t('areas.add', { ward: w.fullName })}
                  onClick={() => {
                    onAdd({
                      code: w.code,
                      fullName: w.fullName,
                      ...(elsewhere && { from: elsewhere }),
                    });
                    setQ('');
                  }}
                >
                  {w.fullName}{' '}
                  <small className={styles.muted}>
                    {here
                      ? t('areas.here')
                      : elsewhere
                        ? t('areas.servedBy', { office: elsewhere.name })
                        : ''}
                  </small>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function OfficeArea({ area, onSaved }: { area: ServiceArea; onSaved: (name: string) => void }) {
  const { t } = useTranslation('intake');
  const save = useSaveServiceWards();
  const [draft, setDraft] = useState<DraftWard[]>(area.wards);
  const dirty = draft.map((w) => w.code).join() !== area.wards.map((w) => w.code).join();
  // Told through the promise, not mutate's onSuccess: the saved list re-keys this section, and
  // an unmounted section's per-call callbacks never run.
  const submit = () =>
    save
      .mutateAsync({
        unitId: area.unit.id,
        wardCodes: draft.map((w) => w.code),
        move: draft.some((w) => w.from),
      })
      .then(
        () => onSaved(area.unit.name),
        () => undefined,
      );
  return (
    <section className={styles.office} aria-label={area.unit.name}>
      <h3>
        {area.unit.name}{' '}
        <small className={styles.muted}>{t('areas.count', { count: draft.length })}</small>
      </h3>
      {draft.length === 0 ? (
        <p className={styles.muted}>{t('areas.none')}</p>
      ) : (
        <ul className={styles.chips}>
          {draft.map((w) => (
            <li key={w.code} className={styles.chip}>
              <span>{w.fullName}</span>
              {w.from && <small>{t('areas.willMove', { office: w.from.name })}</small>}
              <button
                type="button"
                className={styles.chipRemove}
                aria-label={t('areas.remove', { ward: w.fullName })}
                onClick={() => setDraft((d) => d.filter((x) => x.code !== w.code))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <WardSearch area={area} draft={draft} onAdd={(w) => setDraft((d) => [...d, w])} />
      {dirty && (
        <div className={styles.row}>
          <Button disabled={save.isPending} onClick={submit}>
            {t('areas.save')}
          </Button>
          <Button variant="secondary" onClick={() => (setDraft(area.wards), save.reset())}>
            {t('areas.reset')}
          </Button>
          <span className={styles.muted}>{t('areas.unsaved')}</span>
        </div>
      )}
      {save.error && <Alert tone="danger">{save.error.message}</Alert>}
    </section>
  );
}

/** Each post office's wards: add (search, accents optional), remove, save. */
export function ServiceAreas() {
  const { t } = useTranslation('intake');
  const areas = useServiceAreas();
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <Section title={t('areas.title')}>
      <div className={styles.stack}>
        <p>{t('areas.intro')}</p>
        {saved && <Alert tone="success">{t('areas.saved', { office: saved })}</Alert>}
        <QueryView query={areas} empty={<EmptyState headingLevel={3} title={t('areas.empty')} />}>
          {(items) => (
            <div className={styles.stack}>
              {items.map((a) => (
                // A new key after a save starts the draft again from what the server holds.
                <OfficeArea
                  key={`${a.unit.id}:${a.wards.map((w) => w.code).join()}`}
                  area={a}
                  onSaved={setSaved}
                />
              ))}
            </div>
          )}
        </QueryView>
      </div>
    </Section>
  );
}
