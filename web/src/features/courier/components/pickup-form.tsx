import { parseDossierCode, type Job } from '@tannha/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { DateField } from '@/components/ui/date-field';
import { TextField } from '@/components/ui/text-field';

import { useProcedurePapers } from '../api/courier.api';
import { queueJson, queueUpload } from '../offline/actions';
import { checklistFrom, type ChecklistPaper } from '../utils/paper-kind';
import { CccdField, cccdProblem } from './cccd-field';
import { CccdScan } from './cccd-scan';
import { DossierCodeInput } from './dossier-code-input';
import { PaperChecklist } from './paper-checklist';
import { PhotoPicker } from './photo-picker';
import { SignaturePad } from './signature-pad';
import styles from './courier.module.css';

/**
 * Home pickup: the procedure's papers checked one by one (original or copy, present or
 * missing; the list travels with the job, so it is there offline), the CCCD of the person
 * handing the dossier over (typed or read from the card's QR, checked against the one on
 * file), scans of the pages, and both signatures on the dossier slip.
 */
export function PickupForm({ job }: { job: Job }) {
  const { t } = useTranslation('courier');
  // Jobs cached before the papers travelled with them still ask the catalogue.
  const inJob = job.procedure?.requiredPapers;
  const asked = useProcedurePapers(inJob ? undefined : job.procedure?.code);
  const [edited, setPapers] = useState<ChecklistPaper[] | null>(null);
  const papers = edited ?? checklistFrom(inJob ?? asked.data ?? []);
  const [cccd, setCccd] = useState('');
  const [reason, setReason] = useState('');
  const [scans, setScans] = useState<Blob[]>([]);
  const [citizenSig, setCitizenSig] = useState<Blob | null>(null);
  const [courierSig, setCourierSig] = useState<Blob | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (papers.length === 0) return setError(t('pickup.errPapers'));
    const unchosen = papers.filter((p) => p.present && p.copy === null).map((p) => p.name);
    if (unchosen.length > 0) return setError(t('pickup.errKind', { list: unchosen.join(', ') }));
    const idProblem = cccdProblem(cccd, job.citizen.cccdLast4, reason);
    if (idProblem) return setError(t(idProblem));
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
    const id = cccd.trim()
      ? {
          idNumber: cccd.replace(/\s/g, ''),
          ...(reason.trim() ? { idOverrideReason: reason.trim() } : {}),
        }
      : {};
    await queueJson(
      job.id,
      `/api/jobs/${job.id}/dossier-slip`,
      {
        // An absent paper keeps the kind the procedure asks for; the original when unsaid.
        papers: papers.map((p) => ({ ...p, copy: p.copy ?? 'original' })),
        citizenSignatureId: `@ref:${c}`,
        courierSignatureId: `@ref:${k}`,
        ...id,
      },
      t('pickup.qSlip'),
      'collected',
    );
  };

  return (
    <section className={styles.card} aria-labelledby="pickup-h">
      <h2 id="pickup-h">{t('pickup.title')}</h2>
      <PaperChecklist papers={papers} onChange={setPapers} />
      <CccdScan expectedName={job.citizen.fullName} onRead={(card) => setCccd(card.idNumber)} />
      <CccdField
        label={t('idCheck.pickupLabel')}
        value={cccd}
        onChange={setCccd}
        onFileLast4={job.citizen.cccdLast4}
        reason={reason}
        onReason={setReason}
      />
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
