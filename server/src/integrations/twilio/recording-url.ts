/**
 * Whether a recording URL Twilio reported is one of Twilio's own (https on twilio.com or one
 * of its sub-domains, default port, no credentials). Staff open it from the call record, so
 * a link to anywhere else is never stored.
 */
export function isTwilioMediaUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  return (
    url.protocol === 'https:' &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    (host === 'twilio.com' || host.endsWith('.twilio.com'))
  );
}

/** The host of a URL for a log line (never its path or query, which may name people). */
export function hostOf(raw: string): string | null {
  try {
    return new URL(raw).hostname;
  } catch {
    return null;
  }
}
