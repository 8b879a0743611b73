import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Alert } from '@/components/ui/feedback';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/api-client';

import { useCreateProcedure, useUpdateProcedure, type AdminProcedure } from '../api/admin.api';
import styles from './admin.module.css';
import { PapersEditor, type PaperLine } from './admin-papers-editor';

type Draft = Record<
  'code' | 'name' | 'agency' | 'field' | 'processingDays' | 'feeVnd' | 'postalChargeVnd',
  string
>;

const draftOf = (p: AdminProcedure | undefined): Draft => ({
  code: p?.code ?? '',
  name: p?.name ?? '',
  agency: p?.agency ?? '',
  field: p?.field ?? '',
  processingDays: p ? String(p.processingDays) : '',
  feeVnd: p ? String(p.feeVnd) : '0',
  postalChargeVnd: p ? String(p.postalChargeVnd) : '0',
});

/** A typed number as the server reads it; blank or not a number goes as is, for its message. */
const numberOf = (s: string): number | string => (/^\d+$/.test(s) ? Number(s) : s);

/**
 * Add one procedure (`procedure` absent) or edit one: name, codes, fee, in-person only,
 * active and the papers as an editable list. The server's message shows under each wrong
 * field; Cancel (or Esc) closes the form with nothing written.
 */
export function ProcedureForm({
  procedure,
  onDone,
}: {
  procedure?: AdminProcedure | undefined;
  onDone: (saved?: AdminProcedure) => void;
}) {
  const { t } = useTranslation('admin');
  const create = useCreateProcedure();
  const update = useUpdateProcedure();
  const save = procedure ? update : create;
  const [form, setForm] = useState(() => draftOf(procedure));
  const [inPersonOnly, setInPersonOnly] = useState(procedure?.inPersonOnly ?? false);
  const [active, setActive] = useState(procedure?.active ?? true);
  const initialPapers = procedure?.requiredPapers ?? [];
  // New lines get keys after the initial ones (0…n-1), so React keeps each input on reorder.
  const keys = useRef(initialPapers.length);
  const nextKey = () => keys.current++;
  const [papers, setPapers] = useState<PaperLine[]>(() =>
    initialPapers.map((text, key) => ({ key, text })),
  );
  const fields = save.error instanceof ApiError ? save.error.fields : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      name: form.name,
      agency: form.agency,
      field: form.field,
      processingDays: numberOf(form.processingDays),
      feeVnd: numberOf(form.feeVnd),
      postalChargeVnd: numberOf(form.postalChargeVnd),
      requiredPapers: papers.map((p) => p.text),
      inPersonOnly,
      active,
    } as Omit<AdminProcedure, 'id' | 'code' | 'sample'>;
    if (procedure) update.mutate({ id: procedure.id, ...body }, { onSuccess: onDone });
    else create.mutate({ code: form.code, ...body }, { onSuccess: onDone });
  };
  const text = (name: keyof Draft, numeric = false) => ({
    label: t(`procedure.${name}`),
    value: form[name],
    error: fields?.[name],
    ...(numeric ? { inputMode: 'numeric' as const } : {}),
    onChange: (e: { target: { value: string } }) =>
      setForm((f) => ({
        ...f,
        [name]: numeric ? e.target.value.replace(/[.\s]/g, '') : e.target.value,
      })),
  });
  return (
    <form
      className={styles.procedureForm}
      aria-label={
        procedure ? t('procedure.editTitle', { code: procedure.code }) : t('procedure.addTitle')
      }
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
      noValidate
    >
      <h3>
        {procedure ? t('procedure.editTitle', { code: procedure.code }) : t('procedure.addTitle')}
      </h3>
      <div className={styles.form}>
        {procedure ? (
          <p>
            {t('procedure.code')}: <strong>{procedure.code}</strong>
          </p>
        ) : (
          <TextField {...text('code')} hint={t('procedure.codeHint')} />
        )}
        <TextField {...text('name')} className={styles.wide} />
        <TextField {...text('agency')} />
        <TextField {...text('field')} />
        <TextField {...text('processingDays', true)} />
        <TextField {...text('feeVnd', true)} hint={t('procedure.vndHint')} />
        <TextField {...text('postalChargeVnd', true)} hint={t('procedure.vndHint')} />
        <Checkbox
          className={styles.check}
          label={t('procedure.inPersonOnly')}
          checked={inPersonOnly}
          onChange={setInPersonOnly}
        />
        <Checkbox
          className={styles.check}
          label={t('procedure.active')}
          checked={active}
          onChange={setActive}
        />
      </div>
      <PapersEditor
        lines={papers}
        onChange={setPapers}
        nextKey={nextKey}
        errors={(i) => fields?.[`requiredPapers.${i}`]}
      />
      {fields?.requiredPapers && <p className={styles.error}>{fields.requiredPapers}</p>}
      {save.error && (
        <Alert tone="danger">{fields ? t('procedure.fixFields') : save.error.message}</Alert>
      )}
      <div className={styles.actions}>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending
            ? t('procedure.saving')
            : procedure
              ? t('procedure.save')
              : t('procedure.add')}
        </Button>
        <Button variant="ghost" onClick={() => onDone()}>
          {t('edit.cancel')}
        </Button>
      </div>
    </form>
  );
}
