import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JOB_STATUSES } from '@tannha/shared';
import { describe, expect, it } from 'vitest';
import { statusLabel } from './job-labels';

const WEB = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../web/src/features',
);

/** A feature's status words as its locale file holds them (`status` or `labels.status`). */
function statusWords(feature: string, locale: 'vi' | 'en'): Record<string, string> {
  const json = JSON.parse(
    readFileSync(path.join(WEB, feature, 'locales', `${locale}.json`), 'utf8'),
  );
  return json.status ?? json.labels.status;
}

describe('one vocabulary of job statuses for every staff role', () => {
  // The courier once read "Đã giao" (delivered) for what dispatch calls "Đã phân công".
  for (const feature of ['courier', 'jobs', 'manager'])
    for (const locale of ['vi', 'en'] as const)
      it(`${feature} (${locale}) names every status as the server's messages do`, () => {
        const words = statusWords(feature, locale);
        for (const s of JOB_STATUSES) expect(words[s], s).toBe(statusLabel(s)[locale]);
      });
});
