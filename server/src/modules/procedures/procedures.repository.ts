import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { findById, updateById } from '../../db/rows';
import { procedures } from '../../db/schema';
import type { ProcedureQuery } from './procedure-abbreviations';

const likeEscape = (s: string) => s.replace(/[%_\\]/g, (c) => '\\' + c);

/**
 * Catalogue search that ignores diacritics, reads abbreviations and tolerates typos: every
 * term of the query must appear in the folded name, code, agency or field (one of its
 * phrases as a substring, or its abbreviation as a whole word), or the whole query must be
 * trigram-similar to the name. Entries holding every term come first, then by word similarity
 * of the expanded query, so the procedure whose name best matches leads.
 */
export async function searchProcedures(db: DbOrTx, query: ProcedureQuery, limit: number) {
  if (query.terms.length === 0) {
    return db
      .select()
      .from(procedures)
      .where(eq(procedures.active, true))
      .orderBy(asc(procedures.name))
      .limit(limit);
  }
  const hay = sql`vn_fold(${procedures.name} || ' ' || ${procedures.code} || ' ' || ${procedures.agency} || ' ' || ${procedures.field})`;
  const termMatch = (t: ProcedureQuery['terms'][number]) => {
    const alternatives = t.phrases.map((p) => sql`${hay} like ${'%' + likeEscape(p) + '%'}`);
    if (t.word)
      alternatives.push(sql`${hay} ~ ${'\\m' + t.word.replace(/[^a-z0-9 ]/g, '') + '\\M'}`);
    return sql`(${sql.join(alternatives, sql` or `)})`;
  };
  const allTerms = sql.join(query.terms.map(termMatch), sql` and `);
  const rank = query.rankText;
  return db
    .select()
    .from(procedures)
    .where(
      sql`${procedures.active} and ((${allTerms}) or word_similarity(${rank}, vn_fold(${procedures.name})) > 0.45)`,
    )
    .orderBy(
      // Entries that hold every term before those found only by resemblance.
      sql`(${allTerms}) desc`,
      sql`word_similarity(${rank}, vn_fold(${procedures.name})) desc`,
      sql`similarity(${rank}, vn_fold(${procedures.name})) desc`,
      asc(procedures.name),
    )
    .limit(limit);
}

export type ProcedureRow = typeof procedures.$inferSelect;
export type ProcedureInsert = typeof procedures.$inferInsert;

/** The catalogue as the admin screen lists it: by field then name, optionally with inactive ones. */
export async function findCatalogue(
  db: DbOrTx,
  f: { folded: string; includeInactive: boolean; limit: number },
): Promise<ProcedureRow[]> {
  return db
    .select()
    .from(procedures)
    .where(
      sql`true ${f.includeInactive ? sql`` : sql`and ${procedures.active}`}
        ${f.folded ? sql`and (vn_fold(${procedures.name}) like ${'%' + f.folded + '%'} or lower(${procedures.code}) like ${'%' + f.folded + '%'})` : sql``}`,
    )
    .orderBy(asc(procedures.field), asc(procedures.name))
    .limit(f.limit);
}

/** One procedure, or undefined. */
export const findProcedureById = (db: DbOrTx, id: string) => findById(db, procedures, id);

/** The procedures with these codes (looked up in batches). */
export async function findProceduresByCodes(
  db: DbOrTx,
  codes: readonly string[],
): Promise<ProcedureRow[]> {
  const out: ProcedureRow[] = [];
  for (let i = 0; i < codes.length; i += 1000) {
    out.push(
      ...(await db
        .select()
        .from(procedures)
        .where(inArray(procedures.code, codes.slice(i, i + 1000)))),
    );
  }
  return out;
}

/** Inserts a procedure; undefined when its code is taken (only with `skipTakenCode`). */
export async function insertProcedure(
  db: DbOrTx,
  values: ProcedureInsert,
  opts: { skipTakenCode?: boolean } = {},
): Promise<ProcedureRow | undefined> {
  const q = db.insert(procedures).values(values);
  const [row] = await (opts.skipTakenCode
    ? q.onConflictDoNothing({ target: procedures.code }).returning()
    : q.returning());
  return row;
}

/** Changes one procedure and returns it. */
export const updateProcedureRow = (db: DbOrTx, id: string, set: Partial<ProcedureInsert>) =>
  updateById(db, procedures, id, set);
