import { JOB_EVENT_KINDS, JOB_STATUSES } from '@tannha/shared';
import { describe, expect, it } from 'vitest';

import courierEn from '@/features/courier/locales/en.json';
import courierVi from '@/features/courier/locales/vi.json';
import jobsEn from '@/features/jobs/locales/en.json';
import jobsVi from '@/features/jobs/locales/vi.json';

type Labels = { status: Record<string, string>; eventKind: Record<string, string> };

// The two timelines staff and couriers read (the job drawer, the courier's job page).
const TIMELINES: [string, Labels][] = [
  ['jobs vi', jobsVi as Labels],
  ['jobs en', jobsEn as Labels],
  ['courier vi', courierVi as Labels],
  ['courier en', courierEn as Labels],
];

describe('job timelines have words for every entry the server writes', () => {
  it.each(TIMELINES)('%s names every event kind, and a generic update', (_name, labels) => {
    for (const kind of [...JOB_EVENT_KINDS, 'other'])
      expect(labels.eventKind?.[kind], kind).toMatch(/\S/);
  });

  it.each(TIMELINES)('%s names every job status', (_name, labels) => {
    for (const status of JOB_STATUSES) expect(labels.status?.[status], status).toMatch(/\S/);
  });
});
