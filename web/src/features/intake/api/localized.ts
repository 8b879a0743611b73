import { currentLocale } from '@/lib/i18n';

import type { Localized } from './imports.api';

/** A server message (sent in both languages) in the user's language. */
export function localized(message: Localized): string {
  return message[currentLocale()];
}
