import { EVERY_ROLE, definePolicy } from './policy';

/** What the web app needs to know about this deployment (map tiles, telephony, own unit). */
export const configPolicy = definePolicy({
  'config.read': { roles: EVERY_ROLE },
});
