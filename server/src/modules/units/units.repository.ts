import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';

/** The unit and every unit below it (recursive), as ids. */
export async function findUnitSubtreeIds(db: DbOrTx, unitId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with recursive tree as (
      select id from units where id = ${unitId}
      union all
      select u.id from units u join tree t on u.parent_id = t.id
    )
    select id from tree`,
  );
  return rows.map((r) => r.id);
}
