import { foldVietnamese, maskCccd, parseCccdQr, type CccdQrData } from '@tannha/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { formatDate } from '@/lib/format';

import { CodeScanner } from './code-scanner';
import styles from './code-scanner.module.css';

const QR_ONLY = ['qr_code'] as const;

export type CccdScanProps = {
  /** The card read: the form fills what it has (ID type, number, name) and leaves it editable. */
  onRead?: (card: CccdQrData) => void;
  /** The name on file, to say whether the card's holder is that person (home pickup). */
  expectedName?: string | undefined;
};

/**
 * "Quét QR trên CCCD": the camera in single mode, QR only, until a chip CCCD's QR is read;
 * then what was read is shown (number masked). Nothing of it is logged or sent beyond what
 * the form itself sends (the server keeps a hash and the last 4 digits).
 */
export function CccdScan({ onRead, expectedName }: CccdScanProps) {
  const { t } = useTranslation('courier');
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [card, setCard] = useState<CccdQrData | null>(null);

  const onCode = (text: string) => {
    const parsed = parseCccdQr(text);
    if (!parsed.ok) {
      setNotice(t('cccdScan.notCccd'));
      return false;
    }
    setNotice(null);
    setCard(parsed.data);
    onRead?.(parsed.data);
    return true;
  };

  const summary = card && {
    name: card.fullName,
    masked: maskCccd(card.idNumber),
    birth: formatDate(card.birthDate),
  };
  const sameName =
    card && expectedName ? foldVietnamese(card.fullName) === foldVietnamese(expectedName) : null;

  return (
    <>
      {open ? (
        <CodeScanner
          mode="single"
          formats={QR_ONLY}
          label={t('cccdScan.title')}
          onCode={onCode}
          notice={notice}
          onClose={() => {
            setOpen(false);
            setNotice(null);
          }}
        />
      ) : (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('cccdScan.button')}
        </Button>
      )}
      {summary && (
        <p className={styles.read} role="status">
          {t(expectedName === undefined ? 'cccdScan.read' : 'cccdScan.readPickup', summary)}
          {sameName !== null && ' '}
          {sameName === true && t('cccdScan.nameMatches')}
          {sameName === false && t('cccdScan.nameDiffers', { expected: expectedName })}
        </p>
      )}
    </>
  );
}
