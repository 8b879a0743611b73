import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import en from '../locales/en.json';
import vi from '../locales/vi.json';

/** Vietnamese first: the hotline serves the province; English is for visiting staff and support. */
export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'tannha.locale';
const DEFAULT_LOCALE: Locale = 'vi';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

// Storage can be missing (unit tests in Node) or throw (privacy modes); the app must still start.
function readStoredLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function rememberLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembering the choice is acceptable; the switch still works for this visit.
  }
}

function applyDocumentLanguage(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** The app's i18next instance; components reach it through react-i18next hooks. */
export const i18n = i18next.createInstance();

/**
 * Each feature keeps its own strings in `features/<feature>/locales/{vi,en}.json`, loaded
 * as the namespace `<feature>` (`useTranslation('jobs')`), so features never edit one
 * shared file. Typed in `i18next.d.ts`.
 */
const featureLocales = import.meta.glob<{ default: Record<string, unknown> }>(
  '../features/*/locales/*.json',
  {
    eager: true,
  },
);

function buildResources() {
  const resources: Record<Locale, Record<string, Record<string, unknown>>> = {
    vi: { translation: vi },
    en: { translation: en },
  };
  for (const [file, mod] of Object.entries(featureLocales)) {
    const match = /features\/([^/]+)\/locales\/(vi|en)\.json$/.exec(file);
    if (!match) continue;
    const [, feature, lng] = match as unknown as [string, string, Locale];
    resources[lng][feature] = mod.default;
  }
  return resources;
}

void i18n.use(initReactI18next).init({
  resources: buildResources(),
  lng: readStoredLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: LOCALES,
  interpolation: { escapeValue: false },
  // Resources are bundled, so initialising synchronously avoids a first render without text.
  initAsync: false,
});

applyDocumentLanguage(currentLocale());
i18n.on('languageChanged', (language) => {
  if (isLocale(language)) applyDocumentLanguage(language);
});

/** The locale in use, for headers such as Accept-Language. */
export function currentLocale(): Locale {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

/** Switches the UI language, remembers it for the next visit and updates `<html lang>`. */
export async function setLocale(locale: Locale): Promise<void> {
  rememberLocale(locale);
  await i18n.changeLanguage(locale);
}
