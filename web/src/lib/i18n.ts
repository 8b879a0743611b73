import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

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
 * shared file. Typed in `i18next.d.ts`. Vietnamese (the default, and every missing key's
 * fallback) comes with the app; English is fetched only when someone picks it, so a phone on
 * a slow network does not download a language it does not show.
 */
const featureLocalesVi = import.meta.glob<{ default: Record<string, unknown> }>(
  '../features/*/locales/vi.json',
  { eager: true },
);
const featureLocalesEn = import.meta.glob<{ default: Record<string, unknown> }>(
  '../features/*/locales/en.json',
);

function featureOf(file: string): string | undefined {
  return /features\/([^/]+)\/locales\/(vi|en)\.json$/.exec(file)?.[1];
}

function vietnameseResources() {
  const bundles: Record<string, Record<string, unknown>> = { translation: vi };
  for (const [file, mod] of Object.entries(featureLocalesVi)) {
    const feature = featureOf(file);
    if (feature) bundles[feature] = mod.default;
  }
  return { vi: bundles };
}

/** Fetches the strings of `locale` once (Vietnamese is always there). */
async function loadLocale(locale: Locale): Promise<void> {
  if (locale === DEFAULT_LOCALE || i18n.hasResourceBundle(locale, 'translation')) return;
  const [base, features] = await Promise.all([
    import('../locales/en.json'),
    Promise.all(
      Object.entries(featureLocalesEn).map(async ([file, load]) => ({
        feature: featureOf(file),
        strings: (await load()).default,
      })),
    ),
  ]);
  for (const { feature, strings } of features) {
    if (feature) i18n.addResourceBundle(locale, feature, strings, true, true);
  }
  i18n.addResourceBundle(locale, 'translation', base.default, true, true);
}

const storedLocale = readStoredLocale();

void i18n.use(initReactI18next).init({
  resources: vietnameseResources(),
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: LOCALES,
  // English arrives later (loadLocale); its namespaces are added then.
  partialBundledLanguages: true,
  interpolation: { escapeValue: false },
  // Vietnamese is bundled, so initialising synchronously avoids a first render without text.
  initAsync: false,
});

/**
 * Resolves once the remembered language is ready: at once for Vietnamese, after its strings
 * arrive for English (the app waits for it, so nobody sees the other language first).
 */
export const localeReady: Promise<void> =
  storedLocale === DEFAULT_LOCALE
    ? Promise.resolve()
    : loadLocale(storedLocale)
        .then(() => i18n.changeLanguage(storedLocale))
        .then(
          () => undefined,
          () => undefined,
        );

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
  await loadLocale(locale);
  rememberLocale(locale);
  await i18n.changeLanguage(locale);
}
