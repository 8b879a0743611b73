import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';

import { CodeScanner } from './code-scanner';
import styles from './code-scanner.module.css';

/**
 * "Quét bằng camera" beside the counter's code input: the scanner stays open for the whole
 * batch and hands each code it reads to `onCode`, the same way as a typed one (checked, and a
 * refused code shown with its reason, never taken).
 */
export function CounterPickupCamera({ onCode }: { onCode: (raw: string) => void }) {
  const { t } = useTranslation('courier');
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('scanner.camera')}
      </Button>
    );
  return (
    <div className={styles.wide}>
      <CodeScanner
        mode="continuous"
        label={t('scanner.batchTitle')}
        onCode={(code) => onCode(code)}
        onClose={() => setOpen(false)}
      />
    </div>
  );
}
