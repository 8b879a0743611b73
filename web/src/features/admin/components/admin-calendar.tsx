import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnDate, toVnDate } from '@tannha/shared';

import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DateField } from '@/components/ui/date-field';
import { Alert, Badge, EmptyState, ErrorState, LoadingState } from '@/components/ui/feedback';
import { TextField } from '@/components/ui/text-field';
import { useFormFields } from '@/hooks/use-form-fields';
import { ApiError } from '@/lib/api-client';

import {
  useAddHoliday,
  useFillHolidays,
  useHolidays,
  useRemoveHoliday,
  type HolidayItem,
} from '../api/admin.api';
import styles from './admin.module.css';
import { AdminTable } from './admin-table';

/** Calendar tab: a year's holidays and swapped working days. */
export function AdminCalendar() {
  const { t } = useTranslation('admin');
  const [year, setYear] = useState(Number(toVnDate(new Date()).slice(0, 4)));
  const list = useHolidays(year);
  const add = useAddHoliday();
  const remove = useRemoveHoliday();
  const fill = useFillHolidays();
  const { form, setForm, field } = useFormFields({
    date: '',
    kind: 'holiday' as 'holiday' | 'working_day',
    name: '',
  });
  const [asking, setAsking] = useState<HolidayItem>();
  const fields = add.error instanceof ApiError ? add.error.fields : undefined;
  return (
    <>
      <div className={styles.form}>
        <label className={styles.field}>
          {t('calendar.year')}
          <input
            type="number"
            min={2000}
            max={2100}
            value={year}
            onChange={(e) => setYear(Number(e.target.value) || year)}
          />
        </label>
        <Button variant="secondary" disabled={fill.isPending} onClick={() => fill.mutate(year)}>
          {t('calendar.fill', { year })}
        </Button>
      </div>
      {fill.data && <Alert tone="success">{t('calendar.filled', fill.data)}</Alert>}
      {fill.error && <Alert tone="danger">{fill.error.message}</Alert>}
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(form, { onSuccess: () => setForm({ ...form, date: '', name: '' }) });
        }}
        aria-label={t('calendar.addTitle')}
      >
        <DateField
          label={t('calendar.date')}
          value={form.date}
          onChange={(date) => setForm((f) => ({ ...f, date }))}
          error={fields?.date}
          required
        />
        <label className={styles.field}>
          {t('calendar.kind')}
          <select {...field('kind')}>
            <option value="holiday">{t('calendar.holiday')}</option>
            <option value="working_day">{t('calendar.workingDay')}</option>
          </select>
        </label>
        <TextField label={t('calendar.name')} {...field('name')} error={fields?.name} required />
        <Button type="submit" disabled={add.isPending}>
          {t('calendar.add')}
        </Button>
      </form>
      {add.error && !fields && <Alert tone="danger">{add.error.message}</Alert>}
      {remove.error && <Alert tone="danger">{remove.error.message}</Alert>}
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <LoadingState />
      ) : list.data.length === 0 ? (
        <EmptyState title={t('calendar.empty', { year })}>{t('calendar.emptyHint')}</EmptyState>
      ) : (
        <AdminTable
          headings={[t('calendar.date'), t('calendar.kind'), t('calendar.name'), null]}
          wrap={false}
        >
          {list.data.map((h) => (
            <tr key={h.date}>
              <td>{formatVnDate(h.date)}</td>
              <td>
                {h.kind === 'holiday' ? (
                  <Badge tone="warning">{t('calendar.holiday')}</Badge>
                ) : (
                  <Badge tone="info">{t('calendar.workingDay')}</Badge>
                )}
              </td>
              <td>{h.name}</td>
              <td>
                <Button
                  variant="ghost"
                  disabled={remove.isPending}
                  onClick={() => (remove.reset(), setAsking(h))}
                  aria-label={t('calendar.removeOf', { date: formatVnDate(h.date) })}
                >
                  {t('calendar.remove')}
                </Button>
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      {asking && (
        <ConfirmDialog
          title={t('calendar.removeConfirm', {
            date: formatVnDate(asking.date),
            name: asking.name,
            kind: t(
              asking.kind === 'holiday' ? 'calendar.holiday' : 'calendar.workingDay',
            ).toLocaleLowerCase(),
          })}
          confirmLabel={t('calendar.remove')}
          busy={remove.isPending}
          onCancel={() => setAsking(undefined)}
          onConfirm={() => remove.mutate(asking.date, { onSettled: () => setAsking(undefined) })}
        >
          <p>{t('calendar.removeEffect')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
