import { OFFICE, definePolicy, unitScope } from './policy';

/** SMS about a job: office staff of the job's unit and above read them. */
export const notificationsPolicy = definePolicy({
  'notifications.read': { roles: OFFICE, record: unitScope },
});
