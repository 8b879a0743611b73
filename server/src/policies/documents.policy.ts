import type { AuthContext } from '../lib/http';
import { EVERY_ROLE, definePolicy } from './policy';
import { ownJobOrUnit } from './jobs.policy';

/** Everyone who photographs, scans or signs for a job (not the call centre). */
const WRITERS = ['courier', 'dispatcher', 'manager', 'admin'] as const;

type DocumentRecord = {
  /** The job's unit and courier. */
  unitId: string;
  courierId: string | null;
  uploadedBy: string;
};

/** On top of reaching the job, a courier removes only the pages they took. */
function ownPageOnJob(auth: AuthContext, d: DocumentRecord) {
  const job = ownJobOrUnit(auth, d);
  if (job || auth.user.role !== 'courier' || d.uploadedBy === auth.user.id) return job;
  return { vi: 'Bạn chỉ xóa được ảnh do mình chụp.', en: 'You can only remove pages you took.' };
}

/** Scans, photos and signatures of a job: who may add, order, read and remove them. */
export const documentsPolicy = definePolicy({
  'documents.write': { roles: WRITERS, record: ownJobOrUnit },
  'documents.read': { roles: EVERY_ROLE, record: ownJobOrUnit },
  'documents.delete': { roles: WRITERS, record: ownPageOnJob },
});
