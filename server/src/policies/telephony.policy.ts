import { OFFICE, definePolicy } from './policy';
import { callScope } from './calls.policy';

/**
 * The hotline's phone side. Twilio's webhooks are public routes (they check Twilio's
 * signature themselves); these are the desk's own controls.
 */
export const telephonyPolicy = definePolicy({
  /** Dev control: ring the desk with a simulated call. */
  'telephony.simulate': { roles: OFFICE },
  /** The caller's history for a ringing call (the call must be the caller's unit's). */
  'telephony.screenPop': { roles: OFFICE, record: callScope },
});
