import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { cx } from '@/lib/cx';

import { useCodeScanner, type ScannerState } from '../hooks/use-code-scanner';
import { SLIP_FORMATS, type CodeFormat } from '../utils/code-detector';
import styles from './code-scanner.module.css';

export type CodeScannerProps = {
  /**
   * Each distinct code read (trimmed). Return `false` to refuse it (not counted; in single
   * mode the scanner stays open), and say why through `notice`.
   */
  onCode: (code: string, format: string) => boolean | void;
  /** What to read; by default what result and appointment slips carry (QR, Code 128, …). */
  formats?: readonly CodeFormat[];
  /** The scanner's name for screen readers and its heading ("Quét mã hồ sơ"). */
  label: string;
  /** Close asked by the courier, or, in single mode, after the code was taken. */
  onClose: () => void;
  /** `continuous` keeps reading a batch; `single` closes after one code taken. */
  mode?: 'single' | 'continuous';
  /** A line from the caller about the last code (e.g. why it was refused). */
  notice?: string | null | undefined;
};

const PROBLEMS: ReadonlySet<ScannerState> = new Set(['denied', 'no_camera', 'failed']);

/**
 * The camera code scanner: the rear camera's picture with a frame to aim at, read a few times
 * a second (the phone's own BarcodeDetector or the ZXing polyfill), a beep for each code
 * taken. When the camera cannot open it says why; the caller's typed input stays the way in.
 */
export function CodeScanner({
  onCode,
  formats = SLIP_FORMATS,
  label,
  onClose,
  mode = 'continuous',
  notice,
}: CodeScannerProps) {
  const { t } = useTranslation('courier');
  const videoRef = useRef<HTMLVideoElement>(null);
  const { state, taken } = useCodeScanner({
    videoRef,
    formats,
    onCode,
    single: mode === 'single',
    onDone: onClose,
  });
  const problem = PROBLEMS.has(state);
  const status =
    state === 'scanning'
      ? mode === 'single'
        ? t('scanner.aimOne')
        : t('scanner.aimBatch', { count: taken })
      : t(`scanner.${state}`);

  return (
    <section
      className={cx(styles.scanner, state === 'scanning' && styles.scanning)}
      aria-label={label}
      data-scanner-state={state}
    >
      <h3 className={styles.title}>{label}</h3>
      <div className={styles.viewport} hidden={problem}>
        <video ref={videoRef} playsInline muted aria-hidden="true" />
        <div className={styles.frame} aria-hidden="true" />
      </div>
      <p
        className={cx(styles.status, problem && styles.problem)}
        role={problem ? 'alert' : 'status'}
      >
        {status}
      </p>
      {notice && !problem && (
        <p className={styles.notice} role="alert">
          {notice}
        </p>
      )}
      <Button variant="secondary" onClick={onClose}>
        {t('scanner.close')}
      </Button>
    </section>
  );
}
