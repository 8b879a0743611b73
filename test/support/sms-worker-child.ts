/**
 * A separate process running only the SMS worker against a database and a fake Twilio, so a
 * test can SIGKILL it mid-send (the real crash, not a polite stop).
 * Env: DATABASE_URL or PGLITE_DIR; FAKE_TWILIO_URL.
 */
import { openDatabase } from '../../server/src/db/client';
import { createTwilioMessagesClient } from '../../server/src/integrations/twilio/messages-client';
import { logger } from '../../server/src/lib/logger';
import { createTwilioSmsTransport } from '../../server/src/modules/sms/sms.transport';
import { startSmsWorker } from '../../server/src/modules/sms/sms.worker';

const database = await openDatabase(
  process.env.DATABASE_URL
    ? { databaseUrl: process.env.DATABASE_URL, poolSize: 2 }
    : { dataDir: process.env.PGLITE_DIR! },
);
const client = createTwilioMessagesClient({
  accountSid: `AC${'0123456789abcdef'.repeat(2)}`,
  authToken: 'test-auth-token-0123456789abcdef',
  from: '+15005550006',
  baseUrl: process.env.FAKE_TWILIO_URL!,
  timeoutMs: 60_000,
});
startSmsWorker({
  db: database.db,
  transport: createTwilioSmsTransport(client, 'http://localhost:3000'),
  logger,
  pollMs: 50,
  leaseMs: 600_000,
});
process.stdout.write('ready\n');
