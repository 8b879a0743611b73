import { useTranslation } from 'react-i18next';

import { buttonClassName } from '@/components/ui/button';
import { Page, Section } from '@/components/ui/page';

import { sampleExportUrl } from '../api/imports.api';
import { ImportHistory } from './import-history';
import { ImportPanel } from './import-panel';
import styles from './intake.module.css';

/** The sample export's two formats, labelled as synthetic data. */
function SampleExport() {
  const { t } = useTranslation('intake');
  return (
    <div className={styles.stack}>
      <p>{t('sample.text')}</p>
      <div className={styles.row}>
        <a className={buttonClassName('secondary')} href={sampleExportUrl('xlsx')} download>
          {t('sample.xlsx')}
        </a>
        <a className={buttonClassName('secondary')} href={sampleExportUrl('csv')} download>
          {t('sample.csv')}
        </a>
      </div>
    </div>
  );
}

/**
 * The results import: a file, its preview, the commit; the sample file; the past imports.
 * `boardHref` links the result to the dispatch board for those who have one.
 */
export function IntakeImport({ boardHref }: { boardHref?: string }) {
  const { t } = useTranslation('intake');
  return (
    <>
      <Section title={t('tabs.import')}>
        <p>{t('import.intro')}</p>
        <ImportPanel boardHref={boardHref} />
      </Section>
      <Section title={t('sample.title')}>
        <SampleExport />
      </Section>
      <Section title={t('history.title')}>
        <ImportHistory />
      </Section>
    </>
  );
}

/** `/dispatch/intake`: the dispatcher's own way to the results import. */
export function IntakeImportScreen() {
  const { t } = useTranslation('intake');
  return (
    <Page title={t('title')}>
      <IntakeImport boardHref="/dispatch" />
    </Page>
  );
}
