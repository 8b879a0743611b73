import { EVERY_ROLE, definePolicy } from './policy';
import { ADMINS } from './province';

/** Provinces and wards (the national list of administrative units). */
export const divisionsPolicy = definePolicy({
  'divisions.list': { roles: EVERY_ROLE },
  'divisions.import': { roles: ADMINS },
});
