/**
 * Twilio Messages API over plain HTTP (`POST /2010-04-01/Accounts/{sid}/Messages.json`).
 * The base URL and `fetch` are injectable, so tests point it at a fake endpoint on
 * 127.0.0.1 and production at https://api.twilio.com.
 */
export type TwilioMessagesClientOptions = {
  accountSid: string;
  authToken: string;
  /** The sender, E.164 or an alphanumeric sender id. */
  from: string;
  /** Defaults to https://api.twilio.com */
  baseUrl?: string;
  /** Give up on one HTTP request after this long. */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

/** What the provider said when a message could not be created. */
export class SmsSendError extends Error {
  constructor(
    message: string,
    /**
     * `rejected`: the provider answered and did not create the message (safe to retry
     * unless `permanent`); `unknown`: the request may or may not have reached it (timeout,
     * connection dropped after sending) — resolved later by `findSent`.
     */
    readonly outcome: 'rejected' | 'unknown',
    readonly permanent = false,
  ) {
    super(message);
  }
}

export type TwilioMessage = {
  sid: string;
  status: string;
  to: string;
  body: string;
  dateCreated: Date | null;
};

export function createTwilioMessagesClient(opts: TwilioMessagesClientOptions) {
  const base = (opts.baseUrl ?? 'https://api.twilio.com').replace(/\/$/, '');
  const doFetch = opts.fetch ?? fetch;
  const auth = 'Basic ' + Buffer.from(`${opts.accountSid}:${opts.authToken}`).toString('base64');
  const path = `${base}/2010-04-01/Accounts/${encodeURIComponent(opts.accountSid)}/Messages.json`;
  const timeoutMs = opts.timeoutMs ?? 15_000;

  function toMessage(m: Record<string, unknown>): TwilioMessage {
    return {
      sid: String(m.sid),
      status: String(m.status ?? ''),
      to: String(m.to ?? ''),
      body: String(m.body ?? ''),
      dateCreated: typeof m.date_created === 'string' ? new Date(m.date_created) : null,
    };
  }

  return {
    from: opts.from,
    /** Creates a message; resolves with Twilio's message once it answered 2xx. */
    async create(msg: {
      to: string;
      body: string;
      statusCallback?: string;
    }): Promise<TwilioMessage> {
      const form = new URLSearchParams({ To: msg.to, From: opts.from, Body: msg.body });
      if (msg.statusCallback) form.set('StatusCallback', msg.statusCallback);
      let res: Response;
      try {
        res = await doFetch(path, {
          method: 'POST',
          headers: {
            Authorization: auth,
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'application/json',
          },
          body: form.toString(),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        const code = (err as { cause?: { code?: string } }).cause?.code;
        // Refused before anything was sent: nothing can have been created.
        if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
          throw new SmsSendError(`cannot reach the SMS provider (${code})`, 'rejected');
        }
        throw new SmsSendError(
          `no answer from the SMS provider: ${(err as Error).message}`,
          'unknown',
        );
      }
      const text = await res.text().catch(() => '');
      if (res.status >= 200 && res.status < 300) {
        try {
          return toMessage(JSON.parse(text) as Record<string, unknown>);
        } catch {
          throw new SmsSendError('the SMS provider answered with an unreadable body', 'unknown');
        }
      }
      let detail = text.slice(0, 200);
      try {
        const j = JSON.parse(text) as { code?: number; message?: string };
        detail = `${j.code ?? ''} ${j.message ?? ''}`.trim();
      } catch {
        // keep the raw text
      }
      // 4xx other than 429 are problems with the message itself (bad number, unsubscribed):
      // retrying cannot help. 429 and 5xx are the provider's trouble: retry later.
      const permanent = res.status >= 400 && res.status < 500 && res.status !== 429;
      throw new SmsSendError(
        `SMS provider answered ${res.status}: ${detail}`,
        'rejected',
        permanent,
      );
    },

    /** Messages recently sent to `to` from our number, newest first (for reconciliation). */
    async listRecent(to: string, limit = 50): Promise<TwilioMessage[]> {
      const url = `${path}?${new URLSearchParams({ To: to, From: opts.from, PageSize: String(limit) }).toString()}`;
      const res = await doFetch(url, {
        headers: { Authorization: auth, Accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw new Error(`SMS provider list answered ${res.status}`);
      const j = (await res.json()) as { messages?: Record<string, unknown>[] };
      return (j.messages ?? []).map(toMessage);
    },
  };
}
export type TwilioMessagesClient = ReturnType<typeof createTwilioMessagesClient>;
