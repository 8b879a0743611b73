import { toVnDate } from '@tannha/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { DateField } from '@/components/ui/date-field';

import { BUDGET_MS } from '../hooks/use-plan-editor';
import styles from './plans.module.css';

/** The day and start time to plan; submitting asks the server for a proposal. */
export function PlanForm({
  disabled,
  again,
  onPropose,
}: {
  disabled: boolean;
  /** A plan is on screen already: the button offers to plan again. */
  again: boolean;
  onPropose: (date: string, startTime: string) => void;
}) {
  const { t } = useTranslation('plans');
  const [date, setDate] = useState(() => toVnDate(new Date()));
  const [startTime, setStartTime] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onPropose(date, startTime);
      }}
    >
      <fieldset className={styles.form} aria-label={t('form.label')}>
        <DateField label={t('form.date')} value={date} required onChange={setDate} name="date" />
        <label>
          {t('form.startTime')}
          <input
            type="time"
            value={startTime}
            onChange={(e) => setStartTime(e.target.value)}
            name="startTime"
          />
        </label>
        <Button type="submit" disabled={disabled}>
          {again ? t('form.again') : t('form.submit')}
        </Button>
      </fieldset>
      <p className={styles.hint}>{t('form.startTimeHint')}</p>
    </form>
  );
}

/** While the server solves: a bar filling over the search budget and the seconds spent. */
export function SolveProgress({ elapsed }: { elapsed: number }) {
  const { t } = useTranslation('plans');
  return (
    <div role="status" aria-live="polite">
      <progress
        className={styles.progress}
        max={BUDGET_MS + 1500}
        value={Math.min(elapsed, BUDGET_MS + 1500)}
      />
      <p>{t('solving', { seconds: (elapsed / 1000).toFixed(1) })}</p>
      <p className={styles.hint}>{t('solvingHint')}</p>
    </div>
  );
}
