import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { procedures } from '../../db/schema';

/**
 * Catalogue search that ignores diacritics and tolerates typos: every folded query word
 * must appear in the folded name, code, agency or field (substring), or the whole
 * query must be trigram-similar to the name. Ranked by word similarity, so the
 * procedure whose name best matches comes first.
 */
export async function searchProcedures(db: DbOrTx, folded: string, limit: number) {
  if (!folded) {
    return db
      .select()
      .from(procedures)
      .where(eq(procedures.active, true))
      .orderBy(asc(procedures.name))
      .limit(limit);
  }
  const words = folded.split(' ').filter(Boolean);
  const hay = sql`vn_fold(${procedures.name} || ' ' || ${procedures.code} || ' ' || ${procedures.agency} || ' ' || ${procedures.field})`;
  const allWords = sql.join(
    words.map((w) => sql`${hay} like ${'%' + w.replace(/[%_\\]/g, (c) => '\\' + c) + '%'}`),
    sql` and `,
  );
  return db
    .select()
    .from(procedures)
    .where(
      sql`${procedures.active} and ((${allWords}) or word_similarity(${folded}, vn_fold(${procedures.name})) > 0.45)`,
    )
    .orderBy(
      sql`word_similarity(${folded}, vn_fold(${procedures.name})) desc`,
      sql`similarity(${folded}, vn_fold(${procedures.name})) desc`,
      asc(procedures.name),
    )
    .limit(limit);
}
