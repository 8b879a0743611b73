import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';

import {
  applyUpdate,
  postponeUpdate,
  subscribeUpdate,
  updateSnapshot,
} from '../offline/register-sw';
import styles from './courier.module.css';

/**
 * "Có phiên bản mới — Cập nhật": a new version of the app is ready. It takes over only when
 * the courier says so (a form half filled in is never reloaded away); what waits to sync stays.
 */
export function UpdatePrompt() {
  const { t } = useTranslation('courier');
  const { waiting } = useSyncExternalStore(subscribeUpdate, updateSnapshot, updateSnapshot);
  if (!waiting) return null;
  return (
    <section className={styles.updatePrompt} role="status" aria-label={t('update.title')}>
      <p>
        <strong>{t('update.title')}</strong> — {t('update.body')}
      </p>
      <div className={styles.row}>
        <Button onClick={applyUpdate}>{t('update.apply')}</Button>
        <Button variant="ghost" onClick={postponeUpdate}>
          {t('update.later')}
        </Button>
      </div>
    </section>
  );
}
