import { parseDossierCode } from '@tannha/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';

import styles from './courier.module.css';

type Detector = { detect: (source: HTMLVideoElement) => Promise<{ rawValue: string }[]> };
type DetectorCtor = new (opts: { formats: string[] }) => Detector;

function barcodeDetector(): DetectorCtor | undefined {
  return (globalThis as unknown as { BarcodeDetector?: DetectorCtor }).BarcodeDetector;
}

export type DossierCodeInputProps = {
  value: string;
  onChange: (code: string) => void;
  /** The code the job expects (result delivery), to warn on a different dossier. */
  expected?: string | null | undefined;
};

/**
 * The dossier code, scanned from the slip's QR or 1-D barcode with the camera (the browser's
 * BarcodeDetector, where the phone has it) or typed; checked against the code format.
 */
export function DossierCodeInput({ value, onChange, expected }: DossierCodeInputProps) {
  const { t } = useTranslation('courier');
  const [scanning, setScanning] = useState(false);
  const [scanError, setScanError] = useState<string | null>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const canScan = !!barcodeDetector() && !!navigator.mediaDevices?.getUserMedia;

  useEffect(() => {
    if (!scanning) return;
    let stream: MediaStream | null = null;
    let stop = false;
    const Ctor = barcodeDetector()!;
    const detector = new Ctor({
      formats: ['qr_code', 'code_128', 'code_39', 'ean_13', 'pdf417', 'data_matrix'],
    });
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment' },
        });
        const video = videoRef.current!;
        video.srcObject = stream;
        await video.play();
        while (!stop) {
          const found = await detector.detect(video).catch(() => []);
          const hit = found
            .map((f) =>
              parseDossierCode(
                f.rawValue.split(/[\s|;]/).find((x) => parseDossierCode(x).ok) ?? f.rawValue,
              ),
            )
            .find((r) => r.ok);
          if (hit?.ok) {
            onChange(hit.code);
            setScanning(false);
            break;
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      } catch {
        setScanError(t('dossier.cameraError'));
        setScanning(false);
      }
    })();
    return () => {
      stop = true;
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [scanning, onChange, t]);

  const parsed = value ? parseDossierCode(value) : null;
  const error =
    parsed && !parsed.ok
      ? parsed.reason === 'invalid_date'
        ? t('dossier.badDate')
        : t('dossier.badFormat')
      : undefined;
  const mismatch =
    parsed?.ok && expected && parsed.code !== expected
      ? t('dossier.mismatch', { expected })
      : undefined;

  return (
    <div className={styles.stack}>
      <TextField
        label={t('dossier.label')}
        value={value}
        onChange={(e) => onChange(e.target.value.toUpperCase())}
        hint={mismatch ?? t('dossier.hint')}
        error={error}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
      />
      {canScan && !scanning && (
        <Button variant="secondary" onClick={() => setScanning(true)}>
          {t('dossier.scan')}
        </Button>
      )}
      {!canScan && <p className={styles.muted}>{t('dossier.noScanner')}</p>}
      {scanning && (
        <div className={styles.scanner}>
          <video ref={videoRef} playsInline muted />
          <Button variant="secondary" onClick={() => setScanning(false)}>
            {t('dossier.stopScan')}
          </Button>
        </div>
      )}
      {scanError && <p className={styles.errorText}>{scanError}</p>}
    </div>
  );
}
