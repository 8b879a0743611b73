import { useTranslation } from 'react-i18next';

import { cx } from '@/lib/cx';
import { LOCALES, setLocale } from '@/lib/i18n';

import styles from './locale-switch.module.css';

export type LocaleSwitchProps = {
  className?: string;
};

/** VI | EN toggle; the choice is remembered and sets `<html lang>`. */
export function LocaleSwitch({ className }: LocaleSwitchProps) {
  const { t, i18n } = useTranslation();
  const active = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div role="group" aria-label={t('locale.label')} className={cx(styles.switch, className)}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          className={styles.option}
          aria-pressed={active === locale}
          // The visible text is the short code; the accessible name starts with it (what a voice
          // user says) and goes on with the language itself.
          aria-label={`${locale.toUpperCase()} · ${t(`locale.${locale}`)}`}
          lang={locale}
          onClick={() => void setLocale(locale)}
        >
          {locale.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
