import type { DbOrTx } from '../../db/client';
import { getSetting } from '../settings/settings.service';
import { findOperatorPhones, findRootUnitId } from './telephony.repository';

/**
 * Where calls go (settings, edited by an admin):
 * - `voice_lines`: `{ "<dialled number>": "<unit id>" }` — which unit answers a hotline
 *   number; unset or unknown number → the top unit (the province's 1022 centre).
 * - `voice_operators`: `{ "<unit id>": ["+849…", "client:operator1", "sip:…"] }` — what
 *   Twilio rings for that unit, all at once; unset → the phones of the unit's active
 *   operators (`users.phone`). No target → straight to voicemail and a callback.
 */
export async function unitForLine(db: DbOrTx, to: string | undefined): Promise<string> {
  const lines = await getSetting(db, 'voice_lines');
  const mapped = to ? lines[to] : undefined;
  if (mapped) return mapped;
  const root = await findRootUnitId(db);
  if (!root) throw new Error('no unit to receive calls');
  return root;
}

/** What Twilio rings for the unit: the configured targets, else its operators' phones. */
export async function operatorTargets(db: DbOrTx, unitId: string): Promise<string[]> {
  const configured = (await getSetting(db, 'voice_operators')) as Record<string, string[]>;
  const list = configured[unitId];
  if (Array.isArray(list) && list.length > 0)
    return list.filter((t) => typeof t === 'string' && t.length > 0);
  return findOperatorPhones(db, unitId);
}
