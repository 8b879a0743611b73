import type { RequestHandler } from 'express';
import twilio from 'twilio';
import { forbidden } from '../../lib/errors';
import { logger } from '../../lib/logger';

/**
 * Checks `X-Twilio-Signature` on a webhook. The URL Twilio signed is the public one
 * (`PUBLIC_BASE_URL` + the path and query it called), not the one this process sees behind
 * a proxy, so the check is made against `publicBaseUrl + req.originalUrl`. Any failure is a
 * 403 before the handler runs, so nothing is written.
 *
 * Without an auth token (Twilio not configured) every request is refused: the only way to
 * reach the voice handler then is the signed-in dev control (`POST /api/telephony/simulate`).
 */
export function twilioSignatureCheck(opts: {
  authToken: string | undefined;
  publicBaseUrl: string;
}): RequestHandler {
  return (req, _res, next) => {
    const refuse = (why: string) => {
      logger.warn({ path: req.path, why }, 'twilio webhook refused');
      next(
        forbidden({
          vi: 'Yêu cầu không có chữ ký Twilio hợp lệ nên bị từ chối.',
          en: 'Refused: the request does not carry a valid Twilio signature.',
        }),
      );
    };
    if (!opts.authToken) return refuse('twilio not configured');
    const signature = req.get('x-twilio-signature');
    if (!signature) return refuse('missing signature');
    const url = opts.publicBaseUrl + req.originalUrl;
    const params = req.is('application/x-www-form-urlencoded')
      ? ((req.body ?? {}) as Record<string, unknown>)
      : {};
    if (!twilio.validateRequest(opts.authToken, signature, url, params))
      return refuse('bad signature');
    next();
  };
}

/** The signature Twilio would send for a request (tests and the dev simulate control). */
export function signTwilioRequest(
  authToken: string,
  url: string,
  params: Record<string, string>,
): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}
