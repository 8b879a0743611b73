import type { Logger } from 'pino';
import { maskPhone } from '@tannha/shared';
import { SmsSendError, type TwilioMessagesClient } from '../../integrations/twilio/messages-client';

export { SmsSendError };

/** One outbox row as the transport sees it. */
export type OutgoingSms = { id: string; to: string; body: string };

/**
 * Where SMS go. `send` creates the message at the provider; it throws `SmsSendError` with
 * `outcome: 'unknown'` when it cannot tell whether the provider got it. `findSent` answers
 * that question later (after a crash or timeout) so a message is not sent twice.
 */
export type SmsTransport = {
  name: 'twilio' | 'console';
  send(msg: OutgoingSms): Promise<{ providerId: string; status?: string }>;
  findSent(
    msg: OutgoingSms & { since: Date; excludeProviderIds: readonly string[] },
  ): Promise<{ providerId: string } | null>;
};

/**
 * Without Twilio credentials: the message is "sent" by being marked so in the outbox, which
 * staff read on the /outbox page. The log line carries no phone number or text.
 */
export function createConsoleSmsTransport(logger: Logger): SmsTransport {
  return {
    name: 'console',
    async send(msg) {
      logger.info({ smsId: msg.id, to: maskPhone(msg.to) }, 'sms to console outbox');
      return { providerId: `console-${msg.id}`, status: 'sent' };
    },
    // Nothing left the process, so an interrupted console send is simply done again.
    async findSent() {
      return null;
    },
  };
}

/** Twilio Messages API; delivery reports come back to `/api/twilio/sms/status?o=<outbox id>`. */
export function createTwilioSmsTransport(
  client: TwilioMessagesClient,
  publicBaseUrl: string,
): SmsTransport {
  return {
    name: 'twilio',
    async send(msg) {
      const m = await client.create({
        to: msg.to,
        body: msg.body,
        statusCallback: `${publicBaseUrl}/api/twilio/sms/status?o=${msg.id}`,
      });
      return { providerId: m.sid, status: m.status };
    },
    async findSent(msg) {
      const recent = await client.listRecent(msg.to);
      // Twilio's clock and ours differ a little; a minute's slack is plenty.
      const since = msg.since.getTime() - 60_000;
      const hit = recent.find(
        (m) =>
          m.body === msg.body &&
          !msg.excludeProviderIds.includes(m.sid) &&
          (m.dateCreated === null || m.dateCreated.getTime() >= since),
      );
      return hit ? { providerId: hit.sid } : null;
    },
  };
}

/** Twilio when TWILIO_* are set, otherwise the console outbox. */
export async function smsTransportFor(
  config: {
    twilio: { accountSid: string; authToken: string; fromNumber: string } | undefined;
    publicBaseUrl: string;
  },
  logger: Logger,
): Promise<SmsTransport> {
  if (!config.twilio) return createConsoleSmsTransport(logger);
  const { createTwilioMessagesClient } = await import('../../integrations/twilio/messages-client');
  const client = createTwilioMessagesClient({
    accountSid: config.twilio.accountSid,
    authToken: config.twilio.authToken,
    from: config.twilio.fromNumber,
  });
  return createTwilioSmsTransport(client, config.publicBaseUrl);
}
