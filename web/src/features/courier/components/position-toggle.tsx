import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';

import { startSharing, stopSharing, type SharingState } from '../offline/position';
import styles from './courier.module.css';

const KEY = 'tannha.courier.sharing';

/**
 * "On duty": shares the position with the dispatch map. Off until the courier switches it on
 * (the browser then asks for permission); remembered on this phone.
 */
export function PositionToggle() {
  const { t } = useTranslation('courier');
  const [state, setState] = useState<SharingState>('off');
  useEffect(() => {
    // Resumes sharing on this phone if the courier left it on (permission was given before).
    if (localStorage.getItem(KEY) === 'on') startSharing(setState);
  }, []);
  const on = state === 'on';
  return (
    <div className={styles.row}>
      <Button
        variant={on ? 'secondary' : 'primary'}
        aria-pressed={on}
        onClick={() => {
          if (on) {
            stopSharing();
            localStorage.setItem(KEY, 'off');
            setState('off');
          } else {
            localStorage.setItem(KEY, 'on');
            startSharing(setState);
          }
        }}
      >
        {on ? t('position.stop') : t('position.start')}
      </Button>
      <span className={styles.muted}>{t(`position.${state}`)}</span>
    </div>
  );
}
