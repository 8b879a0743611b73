import { randomBytes } from 'node:crypto';
import { addDays, toVnDate, type HolidayEntry } from '@tannha/shared';
import type { Db } from '../../server/src/db/client';
import { citizenAddresses, citizens, holidays, settings } from '../../server/src/db/schema';
import { signTwilioRequest } from '../../server/src/integrations/twilio/signature';
import { defaultCitizenUnitId } from './factories';

let phoneSeq = 0;

/** A fresh mobile number (+8490…) unique within the test file. */
export function uniquePhone(): string {
  phoneSeq += 1;
  return `+84902${String(Date.now() % 10_000).padStart(4, '0')}${String(phoneSeq).padStart(3, '0')}`.slice(
    0,
    12,
  );
}

/** A caller with one saved address. */
export async function createCitizen(db: Db, over: Partial<typeof citizens.$inferInsert> = {}) {
  const [row] = await db
    .insert(citizens)
    .values({
      fullName: `Công dân ${randomBytes(3).toString('hex')}`,
      phone: uniquePhone(),
      ...over,
      unitId: over.unitId ?? (await defaultCitizenUnitId(db)),
    })
    .returning();
  await db.insert(citizenAddresses).values({
    citizenId: row!.id,
    label: 'Nhà riêng',
    addressText: '12 Võ Thị Sáu, phường Trấn Biên, Đồng Nai',
    lat: 10.95,
    lng: 106.82,
  });
  return row!;
}

/** Writes (or replaces) a setting. */
export async function setSetting(db: Db, key: string, value: unknown) {
  await db
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } });
}

/**
 * Makes the hotline open right now, whatever day the suite runs: today and the next day
 * (should Vietnamese midnight pass during the file) become worked days in the calendar and
 * office hours cover the whole day (00:00–24:00).
 */
export async function openAllDay(db: Db) {
  const today = toVnDate(new Date());
  await db
    .insert(holidays)
    .values(
      [today, addDays(today, 1)].map((date) => ({
        date,
        kind: 'working_day',
        name: 'Test: worked day',
      })),
    )
    .onConflictDoNothing();
  await setSetting(db, 'office_hours', { start: '00:00', end: '24:00' });
}

/** Makes the hotline closed right now (office hours of zero length). */
export async function closedAllDay(db: Db) {
  await setSetting(db, 'office_hours', { start: '00:00', end: '00:00' });
}

export async function seedHolidays(db: Db, entries: HolidayEntry[]) {
  await db.insert(holidays).values(entries).onConflictDoNothing();
}

/** Form fields as Twilio posts them, with the signature Twilio would compute for `publicUrl`. */
export function twilioSigned(authToken: string, publicUrl: string, params: Record<string, string>) {
  return { signature: signTwilioRequest(authToken, publicUrl, params), form: params };
}

/** A CallSid in Twilio's shape. */
export function callSid(): string {
  return `CA${randomBytes(16).toString('hex')}`;
}

export const TWILIO_ENV = {
  TWILIO_ACCOUNT_SID: `AC${'0123456789abcdef'.repeat(2)}`,
  TWILIO_AUTH_TOKEN: 'test-auth-token-0123456789abcdef',
  TWILIO_FROM_NUMBER: '+15005550006',
  // Behind a proxy: Twilio signs the public URL, not the one the app sees (http here only
  // because supertest does not send Secure cookies over plain HTTP).
  PUBLIC_BASE_URL: 'http://hotline.example.vn:8443',
};
