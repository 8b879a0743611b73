import type { RequestHandler } from 'express';
import twilio from 'twilio';
import { AppError, forbidden } from '../../lib/errors';
import { logger } from '../../lib/logger';

/**
 * Checks `X-Twilio-Signature` on a webhook. The URL Twilio signed is the public one
 * (`PUBLIC_BASE_URL` + the path and query it called), not the one this process sees behind
 * a proxy, so the check is made against `publicBaseUrl + req.originalUrl`. Any failure is a
 * 403 before the handler runs, so nothing is written.
 *
 * Without an auth token (Twilio not configured) every request is refused: the only way to
 * reach the voice handler then is the signed-in dev control (`POST /api/telephony/simulate`).
 *
 * Twilio's voice and messaging callbacks are forms, and only a form's parameters are covered
 * by the signature. Any other body (JSON, text, none) is signed over the URL alone — Twilio
 * would add a `bodySHA256` to the URL for it, which this app never asks for — so its content
 * is unverifiable and it is refused with 415 before the handler reads it.
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
    if (!req.is('application/x-www-form-urlencoded')) return next(notAForm());
    const signature = req.get('x-twilio-signature');
    if (!signature) return refuse('missing signature');
    const url = opts.publicBaseUrl + req.originalUrl;
    const params = (req.body ?? {}) as Record<string, unknown>;
    if (!twilio.validateRequest(opts.authToken, signature, url, params))
      return refuse('bad signature');
    next();
  };
}

const notAForm = () =>
  new AppError(415, 'twilio_body_not_form', {
    vi: 'Webhook Twilio chỉ nhận nội dung dạng biểu mẫu (application/x-www-form-urlencoded); nội dung khác không kiểm được chữ ký nên bị từ chối.',
    en: 'Twilio webhooks take form bodies only (application/x-www-form-urlencoded); any other body cannot be checked against the signature and is refused.',
  });

/** The signature Twilio would send for a request (tests and the dev simulate control). */
export function signTwilioRequest(
  authToken: string,
  url: string,
  params: Record<string, string>,
): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}
