import { useTranslation } from 'react-i18next';

import styles from './feedback.module.css';

/** The state of one save, as a react-query mutation exposes it. */
export type SaveState = {
  isPending: boolean;
  isSuccess: boolean;
  error: Error | null;
};

/**
 * What became of an inline save, beside the field: "Đang lưu…", then "Đã lưu" or the
 * server's reason (announced). Nothing before the first save.
 */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  if (state.error)
    return (
      <span role="alert" className={styles.saveError}>
        {state.error.message}
      </span>
    );
  return (
    <span role="status" className={styles.saveStatus}>
      {state.isPending ? t('save.saving') : state.isSuccess ? t('save.saved') : ''}
    </span>
  );
}
