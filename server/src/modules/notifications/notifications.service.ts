import type { Db } from '../../db/client';
import { notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { assertCan } from '../../policies';
import { findJob } from '../jobs/jobs.service';
import { presentSmsBasics } from '../sms/sms.service';
import { findJobMessages } from './notifications.repository';

/** Every SMS about a job and its delivery status (office staff of the job's unit); phones masked. */
export async function listJobMessages(db: Db, auth: AuthContext, jobId: string) {
  const job = await findJob(db, jobId);
  if (!job) throw notFound({ vi: 'Công việc', en: 'Job' });
  assertCan(auth, 'notifications.read', job);
  const rows = await findJobMessages(db, jobId);
  return rows.map((r) => ({ ...presentSmsBasics(r), providerStatus: r.providerStatus }));
}
