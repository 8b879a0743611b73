import { parseDossierCode, type Job } from '@tannha/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { DateField } from '@/components/ui/date-field';
import { TextField } from '@/components/ui/text-field';

import { useProcedurePapers } from '../api/courier.api';
import { queueJson, queueUpload } from '../offline/actions';
import { CccdScan } from './cccd-scan';
import { DossierCodeInput } from './dossier-code-input';
import { PhotoPicker } from './photo-picker';
import { SignaturePad } from './signature-pad';
import styles from './courier.module.css';

type Paper = { name: string; copy: 'original' | 'copy'; present: boolean };

/**
 * Home pickup: the procedure's papers checked one by one (original or copy, present or
 * missing), the citizen's chip CCCD read from its QR to check who hands the dossier over
 * (shown only, not sent), scans of the pages, and both signatures on the dossier slip.
 */
export function PickupForm({ job }: { job: Job }) {
  const { t } = useTranslation('courier');
  const required = useProcedurePapers(job.procedure?.code);
  const [edited, setPapers] = useState<Paper[] | null>(null);
  const papers: Paper[] =
    edited ?? (required.data ?? []).map((name) => ({ name, copy: 'original', present: true }));
  const [extra, setExtra] = useState('');
  const [scans, setScans] = useState<Blob[]>([]);
  const [citizenSig, setCitizenSig] = useState<Blob | null>(null);
  const [courierSig, setCourierSig] = useState<Blob | null>(null);
  const [error, setError] = useState<string | null>(null);

  const missing = papers.filter((p) => !p.present).map((p) => p.name);
  const update = (i: number, patch: Partial<Paper>) =>
    setPapers(papers.map((p, k) => (k === i ? { ...p, ...patch } : p)));

  const submit = async () => {
    if (papers.length === 0) return setError(t('pickup.errPapers'));
    if (!citizenSig || !courierSig) return setError(t('pickup.errSignatures'));
    setError(null);
    for (const [i, s] of scans.entries())
      await queueUpload(job.id, 'scan', s, t('pickup.qScan', { n: i + 1 }), {
        pageOrder: String(i),
      });
    const c = await queueUpload(job.id, 'signature', citizenSig, t('pickup.qCitizenSig'), {
      signer: 'citizen',
    });
    const k = await queueUpload(job.id, 'signature', courierSig, t('pickup.qCourierSig'), {
      signer: 'courier',
    });
    await queueJson(
      job.id,
      `/api/jobs/${job.id}/dossier-slip`,
      { papers, citizenSignatureId: `@ref:${c}`, courierSignatureId: `@ref:${k}` },
      t('pickup.qSlip'),
      'collected',
    );
  };

  return (
    <section className={styles.card} aria-labelledby="pickup-h">
      <h2 id="pickup-h">{t('pickup.title')}</h2>
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
              value={p.copy}
              onChange={(e) => update(i, { copy: e.target.value as Paper['copy'] })}
            >
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
              setPapers([...papers, { name: extra.trim(), copy: 'original', present: true }]);
            setExtra('');
          }}
        >
          {t('pickup.add')}
        </Button>
      </div>
      {missing.length > 0 && (
        <p className={styles.pendingNote}>{t('pickup.missing', { list: missing.join(', ') })}</p>
      )}
      <CccdScan expectedName={job.citizen.fullName} />
      <PhotoPicker label={t('pickup.scans')} multiple photos={scans} onChange={setScans} />
      <SignaturePad label={t('pickup.citizenSignature')} onChange={setCitizenSig} />
      <SignaturePad label={t('pickup.courierSignature')} onChange={setCourierSig} />
      {error && (
        <p className={styles.errorText} role="alert">
          {error}
        </p>
      )}
      <Button block onClick={() => void submit()}>
        {t('pickup.submit')}
      </Button>
    </section>
  );
}

/** "Submitted at the counter": the dossier code and the due date printed on the appointment slip. */
export function SubmissionForm({ job }: { job: Job }) {
  const { t } = useTranslation('courier');
  const [code, setCode] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <section className={styles.card} aria-labelledby="sub-h">
      <h2 id="sub-h">{t('submission.title')}</h2>
      <DossierCodeInput value={code} onChange={setCode} />
      <DateField label={t('submission.due')} value={due} onChange={setDue} />
      {error && (
        <p className={styles.errorText} role="alert">
          {error}
        </p>
      )}
      <Button
        block
        onClick={() => {
          const p = parseDossierCode(code);
          if (!p.ok) return setError(t('dossier.badFormat'));
          if (!due) return setError(t('submission.errDue'));
          setError(null);
          void queueJson(
            job.id,
            `/api/jobs/${job.id}/submission`,
            { dossierCode: p.code, resultDueDate: due },
            t('submission.queued', { code: p.code }),
            'submitted',
          );
        }}
      >
        {t('submission.submit')}
      </Button>
    </section>
  );
}
