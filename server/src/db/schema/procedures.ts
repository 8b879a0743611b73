import { bigint, boolean, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, foldIndex } from './columns';

/** The procedure catalogue operators answer from and jobs are priced from. */
export const procedures = pgTable(
  'procedures',
  {
    id: idColumn(),
    /** National procedure code (mã thủ tục) */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    agency: text('agency').notNull(),
    field: text('field').notNull(),
    processingDays: integer('processing_days').notNull(),
    /** Procedure fee (phí, lệ phí) collected on behalf of the agency, whole VND. */
    feeVnd: bigint('fee_vnd', { mode: 'number' }).notNull().default(0),
    /** Postal charge (cước) — the post office's own revenue, whole VND. */
    postalChargeVnd: bigint('postal_charge_vnd', { mode: 'number' }).notNull().default(0),
    requiredPapers: jsonb('required_papers').$type<string[]>().notNull().default([]),
    /** Must be done in person: cannot go by post, job creation refuses it. */
    inPersonOnly: boolean('in_person_only').notNull().default(false),
    active: boolean('active').notNull().default(true),
    /** Seeded sample data, not an official catalogue. */
    sample: boolean('sample').notNull().default(false),
    ...timestamps(),
  },
  (t) => [foldIndex('procedures_name_fold_idx', t.name)],
);
