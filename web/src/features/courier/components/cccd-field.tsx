import { useTranslation } from 'react-i18next';

import { TextField } from '@/components/ui/text-field';
import { cx } from '@/lib/cx';

import { checkCccd, type CccdProblem } from '../utils/cccd-check';
import styles from './courier.module.css';

export type CccdFieldProps = {
  /** The field's label (whose CCCD it is). */
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The last 4 digits on file; null: none on file; undefined: not compared (a proxy). */
  onFileLast4: string | null | undefined;
  /** The reason for going on although the number differs from the one on file. */
  reason: string;
  onReason: (value: string) => void;
};

/**
 * The CCCD typed (or read from the card's QR) at the door, checked as it is typed: a number
 * that cannot be a CCCD gets a field error, then the screen says whether it matches the one
 * on file, differs from it (a reason field appears; without it the step is refused) or
 * whether none is on file (the number will be kept on the citizen's card).
 */
export function CccdField(props: CccdFieldProps) {
  const { t } = useTranslation('courier');
  const check = checkCccd(props.value, props.onFileLast4 ?? null);
  const compared = props.onFileLast4 !== undefined;
  return (
    <div className={styles.stack}>
      <TextField
        label={props.label}
        inputMode="numeric"
        autoComplete="off"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        hint={t('idCheck.hint')}
        error={check.kind === 'invalid' ? t(`idCheck.problem.${check.problem}`) : undefined}
      />
      {compared && check.kind === 'match' && (
        <p className={cx(styles.doneNote, styles.idNote)} role="status">
          {t('idCheck.match')}
        </p>
      )}
      {compared && check.kind === 'none' && (
        <p className={cx(styles.pendingNote, styles.idNote)} role="status">
          {t('idCheck.none')}
        </p>
      )}
      {compared && check.kind === 'mismatch' && (
        <>
          <p className={cx(styles.errorText, styles.idNote)} role="status">
            {t('idCheck.mismatch', { last4: check.onFile })}
          </p>
          <TextField
            label={t('idCheck.reason')}
            value={props.reason}
            onChange={(e) => props.onReason(e.target.value)}
            hint={t('idCheck.reasonHint')}
          />
        </>
      )}
    </div>
  );
}

/** The i18n key of a typed CCCD's problem. */
export type CccdProblemKey = 'idCheck.errReason' | `idCheck.problem.${CccdProblem}`;

/**
 * What stops a step with this CCCD before it is queued (an i18n key), or null: a number that
 * cannot be a CCCD, or a mismatch with no reason of at least 5 characters.
 */
export function cccdProblem(
  value: string,
  onFileLast4: string | null | undefined,
  reason: string,
): CccdProblemKey | null {
  const check = checkCccd(value, onFileLast4 ?? null);
  if (check.kind === 'invalid') return `idCheck.problem.${check.problem}`;
  if (onFileLast4 !== undefined && check.kind === 'mismatch' && reason.trim().length < 5)
    return 'idCheck.errReason';
  return null;
}
