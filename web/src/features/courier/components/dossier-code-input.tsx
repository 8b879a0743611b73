import { parseDossierCode } from '@tannha/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';

import { CodeScanner } from './code-scanner';
import styles from './courier.module.css';

export type DossierCodeInputProps = {
  value: string;
  onChange: (code: string) => void;
  /** The code the job expects (result delivery): a different dossier is shown as an error. */
  expected?: string | null | undefined;
};

/**
 * The dossier code, scanned from the slip's QR or 1-D barcode with the camera (the phone's
 * BarcodeDetector or the ZXing polyfill, so every phone can) or typed; checked against the
 * code format.
 */
export function DossierCodeInput({ value, onChange, expected }: DossierCodeInputProps) {
  const { t } = useTranslation('courier');
  const [scanning, setScanning] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // A slip's QR may carry more than the code (a link, several fields): take the code in it.
  const onCode = (raw: string) => {
    const hit = raw
      .split(/[\s|;/?=&]/)
      .concat(raw)
      .map((part) => parseDossierCode(part))
      .find((r) => r.ok);
    if (!hit?.ok) {
      setNotice(t('dossier.badFormat'));
      return false;
    }
    setNotice(null);
    onChange(hit.code);
    return true;
  };

  const parsed = value ? parseDossierCode(value) : null;
  const mismatch =
    parsed?.ok && expected && parsed.code !== expected
      ? t('dossier.mismatch', { code: parsed.code, expected })
      : undefined;
  const error =
    parsed && !parsed.ok
      ? parsed.reason === 'invalid_date'
        ? t('dossier.badDate')
        : t('dossier.badFormat')
      : mismatch;

  return (
    <div className={styles.stack}>
      <TextField
        label={t('dossier.label')}
        value={value}
        onChange={(e) => onChange(e.target.value.toUpperCase())}
        hint={t('dossier.hint')}
        error={error}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
      />
      {scanning ? (
        <CodeScanner
          mode="single"
          label={t('dossier.scan')}
          onCode={onCode}
          notice={notice}
          onClose={() => {
            setScanning(false);
            setNotice(null);
          }}
        />
      ) : (
        <Button variant="secondary" onClick={() => setScanning(true)}>
          {t('dossier.scan')}
        </Button>
      )}
    </div>
  );
}
