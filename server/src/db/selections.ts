import { citizens, jobs, procedures, units, users } from './schema';

/**
 * Column sets several repositories select, written once. Each names the joins it needs; a
 * repository spreads it into its own `select` and keeps its own query.
 */

/**
 * A staff account as pickers and sessions show it: login, name, role, unit and its name, and
 * whether it is disabled. Needs `units` joined on `users.unitId`.
 */
export const staffColumns = {
  username: users.username,
  fullName: users.fullName,
  role: users.role,
  unitId: users.unitId,
  unitName: units.name,
  disabled: users.disabled,
};

/**
 * The names printed beside a job on slips, records and receipts: the citizen's and the
 * procedure's (null when the job has none). Needs `citizens` joined on `jobs.citizenId` and
 * `procedures` left-joined on `jobs.procedureId`.
 */
export const jobNameColumns = {
  citizenName: citizens.fullName,
  procedureName: procedures.name,
};

/** A job as every list of jobs heads it: its id, readable code, type and status. */
export const jobHeadColumns = {
  id: jobs.id,
  code: jobs.code,
  type: jobs.type,
  status: jobs.status,
};
