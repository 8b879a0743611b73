import { OFFICE, definePolicy } from './policy';
import { ADMIN_READERS, ADMINS } from './province';

/** The SMS outbox and its templates. */
export const smsPolicy = definePolicy({
  'sms.list': { roles: OFFICE },
  /** Also messages linked to neither a job nor a call (sent to no unit). */
  'sms.list_unlinked': { roles: ADMINS },
  'sms.templates_read': { roles: OFFICE },
  'sms.templates_update': { roles: ADMINS },
  'sms.preview': { roles: ADMIN_READERS },
});
