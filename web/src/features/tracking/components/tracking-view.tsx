import type { TrackingView as View } from '@tannha/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { Button } from '@/components/ui/button';
import { Alert, ErrorState, LoadingState } from '@/components/ui/feedback';
import { TextField } from '@/components/ui/text-field';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ApiError } from '@/lib/api-client';
import { formatDate, formatDateTime, formatWindow } from '@/lib/format';

import { useRateJob, useTracking } from '../api/track.api';
import styles from './tracking.module.css';

/**
 * `/tra-cuu/:code` (the link on the receipt and in SMS): no login. Asks for the last four
 * digits of the phone, then shows the job's steps in plain words and, once it is
 * completed, asks for a rating.
 */
export function TrackingView({ code }: { code: string | undefined }) {
  const { t } = useTranslation('tracking');
  useDocumentTitle(t('title'));
  const navigate = useNavigate();
  const [typedCode, setTypedCode] = useState(code ?? '');
  const [digits, setDigits] = useState('');
  const [last4, setLast4] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const tracking = useTracking(code ?? '', code ? last4 : null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{4}$/.test(digits)) {
      setError(t('errors.last4'));
      return;
    }
    setError(undefined);
    const clean = typedCode.trim().toUpperCase();
    // The same code and digits again: the citizen asks once more, on purpose.
    if (digits === last4 && (!clean || clean === code)) void tracking.refetch();
    setLast4(digits);
    if (clean && clean !== code) void navigate(`/tra-cuu/${encodeURIComponent(clean)}`);
  };

  if (last4 && code && tracking.data) {
    return (
      <div className={styles.wrap}>
        <h1>{t('title')}</h1>
        <JobCard view={tracking.data} last4={last4} />
        <Button variant="ghost" onClick={() => setLast4(null)}>
          {t('changePhone')}
        </Button>
      </div>
    );
  }
  return (
    <div className={styles.wrap}>
      <h1>{t('title')}</h1>
      <form className={`${styles.card} ${styles.form}`} onSubmit={onSubmit} noValidate>
        <p>{t('intro')}</p>
        <TextField
          label={t('code')}
          value={typedCode}
          onChange={(e) => setTypedCode(e.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
          required
        />
        <TextField
          label={t('last4')}
          hint={t('last4Hint')}
          error={error}
          value={digits}
          onChange={(e) => setDigits(e.target.value.replace(/\D/g, '').slice(0, 4))}
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          autoFocus={Boolean(code)}
          required
        />
        {last4 && tracking.isError && (
          <LookupError error={tracking.error} since={tracking.errorUpdatedAt} />
        )}
        {last4 && tracking.isFetching && <LoadingState label={t('searching')} />}
        <Button type="submit" block disabled={tracking.isFetching && last4 !== null}>
          {t('submit')}
        </Button>
      </form>
    </div>
  );
}

/** A refused look-up (answered at `since`); after too many, when the citizen may try again. */
function LookupError({ error, since }: { error: Error; since: number }) {
  const { t } = useTranslation('tracking');
  if (error instanceof ApiError && error.status === 429) {
    const wait = error.retryAfterSeconds ?? 15 * 60;
    const at = formatDateTime(new Date(since + wait * 1000)).slice(0, 5);
    return (
      <Alert tone="danger">{t('errors.tooMany', { minutes: Math.ceil(wait / 60), at })}</Alert>
    );
  }
  return <ErrorState error={error} />;
}

function JobCard({ view, last4 }: { view: View; last4: string }) {
  const { t } = useTranslation('tracking');
  return (
    <>
      <section className={styles.card} aria-labelledby="tracking-status">
        <p>{view.code}</p>
        <h2 id="tracking-status" className={styles.status}>
          {view.statusLabel}
        </h2>
        {view.resultNote && <p className={styles.next}>{view.resultNote}</p>}
        {view.eta && <p className={styles.eta}>{t('eta', { time: formatDateTime(view.eta) })}</p>}
        <dl className={styles.facts}>
          <dt>{t('type')}</dt>
          <dd>{view.typeLabel}</dd>
          {view.procedureName && (
            <>
              <dt>{t('procedure')}</dt>
              <dd>{view.procedureName}</dd>
            </>
          )}
          {view.dossierCode && (
            <>
              <dt>{t('dossierCode')}</dt>
              <dd>{view.dossierCode}</dd>
            </>
          )}
          {view.dueDate && (
            <>
              <dt>{view.dueLabel}</dt>
              <dd>{formatDate(view.dueDate)}</dd>
            </>
          )}
          {view.window && (
            <>
              <dt>{t('window')}</dt>
              <dd>{formatWindow(view.window.start, view.window.end)}</dd>
            </>
          )}
          {view.courierFirstName && (
            <>
              <dt>{t('courier')}</dt>
              <dd>{view.courierFirstName}</dd>
            </>
          )}
          <dt>{t('unit')}</dt>
          <dd>{view.unitName}</dd>
        </dl>
      </section>
      <section className={styles.card} aria-labelledby="tracking-timeline">
        <h2 id="tracking-timeline">{t('timeline')}</h2>
        <ol className={styles.timeline}>
          {view.timeline.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              {e.label}
              {e.detail && ` — ${e.detail}`}
            </li>
          ))}
        </ol>
      </section>
      {(view.canRate || view.rating) && <RatingCard view={view} last4={last4} />}
    </>
  );
}

function RatingCard({ view, last4 }: { view: View; last4: string }) {
  const { t } = useTranslation('tracking');
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  const rate = useRateJob(view.code, last4);
  if (view.rating) {
    return (
      <section className={styles.card} aria-labelledby="tracking-rating">
        <h2 id="tracking-rating">{t('rate.title')}</h2>
        <Alert tone="success">
          {rate.isSuccess && <strong>{t('rate.thanks')} </strong>}
          {t('rate.yours', { stars: view.rating.stars })}
        </Alert>
      </section>
    );
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (stars < 1) {
      setError(t('rate.pickStars'));
      return;
    }
    setError(undefined);
    rate.mutate({ stars, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };
  return (
    <section className={styles.card} aria-labelledby="tracking-rating">
      <h2 id="tracking-rating">{t('rate.title')}</h2>
      <form className={styles.form} onSubmit={onSubmit}>
        <p>{t('rate.intro')}</p>
        <div role="radiogroup" aria-label={t('rate.stars')} className={styles.stars}>
          {[1, 2, 3, 4, 5].map((n) => (
            <button
              key={n}
              type="button"
              role="radio"
              aria-checked={stars >= n}
              aria-label={t('rate.star', { count: n })}
              className={styles.star}
              onClick={() => setStars(n)}
            >
              ★
            </button>
          ))}
        </div>
        {error && <Alert tone="danger">{error}</Alert>}
        <label>
          {t('rate.comment')}
          <textarea
            className={styles.textarea}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            maxLength={1000}
          />
        </label>
        {rate.isError && <ErrorState error={rate.error} />}
        <Button type="submit" block disabled={rate.isPending}>
          {rate.isPending ? t('rate.sending') : t('rate.submit')}
        </Button>
      </form>
    </section>
  );
}
