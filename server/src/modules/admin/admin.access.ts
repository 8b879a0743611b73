import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { units } from '../../db/schema';
import { forbidden } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';

/**
 * The catalogue, the holiday calendar, SMS texts and settings are province-wide: only an
 * admin of a top unit (no parent) changes them; an admin of a post office manages its users.
 */
export async function assertProvinceAdmin(db: DbOrTx, auth: AuthContext): Promise<void> {
  const [u] = await db
    .select({ parentId: units.parentId })
    .from(units)
    .where(eq(units.id, auth.user.unitId))
    .limit(1);
  if (!u || u.parentId !== null) {
    throw forbidden({
      vi: 'Chỉ quản trị viên cấp tỉnh mới thay đổi được danh mục, lịch nghỉ và cài đặt chung. Hãy nhờ quản trị viên cấp tỉnh.',
      en: 'Only a province-level admin may change the catalogue, the calendar and shared settings. Ask a province admin.',
    });
  }
}
