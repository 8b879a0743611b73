import { currentLocale } from '@/lib/i18n';

import type { Localized } from './imports.api';

/** A server message in the user's language, whether it came in both or already in one. */
export function localized(message: Localized | undefined | null): string {
  if (!message) return '';
  return typeof message === 'string' ? message : message[currentLocale()];
}
