import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';

import styles from './intake.module.css';

/** Previous / next page with "Trang 2/7"; nothing when there is one page. */
export function Pager({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation('intake');
  if (pages <= 1) return null;
  return (
    <nav className={styles.pager} aria-label={t('rows.page', { page, pages })}>
      <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('rows.prev')}
      </Button>
      <span>{t('rows.page', { page, pages })}</span>
      <Button variant="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('rows.next')}
      </Button>
    </nav>
  );
}
