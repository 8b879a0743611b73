import { idNumberLooksValid, type IdType, type Job } from '@tannha/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';

import { queueJson, queueUpload } from '../offline/actions';
import { CccdField, cccdProblem } from './cccd-field';
import { CccdScan } from './cccd-scan';
import { PhotoPicker } from './photo-picker';
import { RadioChoice } from './radio-choice';
import { SelectField } from './select-field';
import { SignaturePad } from './signature-pad';
import styles from './courier.module.css';

/**
 * Handing the result over at the door: applicant or proxy (relation, authorisation letter),
 * the ID paper checked (typed, or read from the QR on a chip CCCD; the number is compared on
 * the server with the one on file; only a hash and the last 4 digits are kept), the
 * recipient's signature, a photo, papers taken back.
 */
export function DeliveryForm({ job }: { job: Job }) {
  const { t } = useTranslation('courier');
  const [kind, setKind] = useState<'applicant' | 'proxy'>('applicant');
  const [name, setName] = useState(job.citizen.fullName);
  const [relation, setRelation] = useState('');
  const [idType, setIdType] = useState<IdType>('cccd');
  const [idNumber, setIdNumber] = useState('');
  const [idReason, setIdReason] = useState('');
  const [signature, setSignature] = useState<Blob | null>(null);
  const [photos, setPhotos] = useState<Blob[]>([]);
  const [letter, setLetter] = useState<Blob[]>([]);
  const [papers, setPapers] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async () => {
    const problems: string[] = [];
    if (name.trim().length < 2) problems.push(t('delivery.errName'));
    // A proxy's CCCD has nothing on file to compare with; the applicant's has.
    const onFile = kind === 'applicant' ? job.citizen.cccdLast4 : undefined;
    const idProblem = idType === 'cccd' ? cccdProblem(idNumber, onFile, idReason) : null;
    if (idProblem) problems.push(t(idProblem));
    else if (!idNumberLooksValid(idType, idNumber)) problems.push(t('delivery.errId'));
    if (!signature) problems.push(t('delivery.errSignature'));
    if (kind === 'proxy' && (!relation.trim() || letter.length === 0))
      problems.push(t('delivery.errProxy'));
    if (problems.length) return setError(problems.join(' '));
    setError(null);
    setSending(true);
    const sig = await queueUpload(job.id, 'signature', signature!, t('delivery.qSignature'), {
      signer: 'recipient',
    });
    const photo = photos[0]
      ? await queueUpload(job.id, 'handover_photo', photos[0], t('delivery.qPhoto'))
      : undefined;
    const auth =
      kind === 'proxy' && letter[0]
        ? await queueUpload(job.id, 'authorisation_letter', letter[0], t('delivery.qLetter'))
        : undefined;
    await queueJson(
      job.id,
      `/api/jobs/${job.id}/handover`,
      {
        recipientKind: kind,
        recipientName: name.trim(),
        ...(kind === 'proxy'
          ? { proxyRelation: relation.trim(), authorisationId: `@ref:${auth}` }
          : {}),
        idType,
        idNumber: idNumber.replace(/\s/g, ''),
        ...(idType === 'cccd' && idReason.trim() ? { idOverrideReason: idReason.trim() } : {}),
        signatureId: `@ref:${sig}`,
        ...(photo ? { photoId: `@ref:${photo}` } : {}),
        papersTakenBack: papers
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      },
      t('delivery.qHandover'),
      'delivered',
    );
    setSending(false);
  };

  return (
    <section className={styles.card} aria-labelledby="delivery-h">
      <h2 id="delivery-h">{t('delivery.title')}</h2>
      <RadioChoice
        legend={t('delivery.recipient')}
        name="rk"
        value={kind}
        onChange={setKind}
        options={[
          { value: 'applicant', label: t('delivery.applicant') },
          { value: 'proxy', label: t('delivery.proxy') },
        ]}
      />
      <TextField
        label={t('delivery.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      {kind === 'proxy' && (
        <>
          <TextField
            label={t('delivery.relation')}
            value={relation}
            onChange={(e) => setRelation(e.target.value)}
          />
          <PhotoPicker label={t('delivery.letter')} photos={letter} onChange={setLetter} />
        </>
      )}
      <CccdScan
        onRead={(card) => {
          setIdType('cccd');
          setIdNumber(card.idNumber);
          setName(card.fullName);
        }}
      />
      <SelectField id="id-type" label={t('delivery.idType')} value={idType} onChange={setIdType}>
        <option value="cccd">{t('delivery.cccd')}</option>
        <option value="cmnd">{t('delivery.cmnd')}</option>
        <option value="passport">{t('delivery.passport')}</option>
      </SelectField>
      {idType === 'cccd' ? (
        <CccdField
          label={t('delivery.idNumber')}
          value={idNumber}
          onChange={setIdNumber}
          onFileLast4={kind === 'applicant' ? job.citizen.cccdLast4 : undefined}
          reason={idReason}
          onReason={setIdReason}
        />
      ) : (
        <TextField
          label={t('delivery.idNumber')}
          inputMode={idType === 'passport' ? 'text' : 'numeric'}
          autoComplete="off"
          value={idNumber}
          onChange={(e) => setIdNumber(e.target.value)}
          hint={t('delivery.idHint')}
        />
      )}
      <SignaturePad label={t('delivery.signature')} onChange={setSignature} />
      <PhotoPicker label={t('delivery.photo')} photos={photos} onChange={setPhotos} />
      <label className={styles.fieldLabel} htmlFor="papers-back">
        {t('delivery.papersBack')}
      </label>
      <textarea
        id="papers-back"
        className={styles.textarea}
        rows={2}
        value={papers}
        onChange={(e) => setPapers(e.target.value)}
        placeholder={t('delivery.papersBackHint')}
      />
      {error && (
        <p className={styles.errorText} role="alert">
          {error}
        </p>
      )}
      <Button block onClick={() => void submit()} disabled={sending}>
        {t('delivery.submit')}
      </Button>
    </section>
  );
}
