import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, localize } from '../lib/errors';
import { logger } from '../lib/logger';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  databaseUnavailable,
  isDatabaseUnavailable,
} from './database-errors';
import { invalidBody, unsupportedCharset, unsupportedEncoding } from './request-validation';

/** JSON 404 for API paths nobody handles. */
export const apiNotFound: RequestHandler = (req, res) => {
  const text = {
    vi: `Không có API ${req.method} ${req.path}.`,
    en: `There is no API ${req.method} ${req.path}.`,
  };
  res.status(404).json({ error: { code: 'route_not_found', message: localize(text, req.locale) } });
};

/**
 * The AppError an error of the HTTP layer or the database stands for: body-parser's
 * charset and encoding refusals (415), bodies it could not read (400, e.g. corrupt gzip),
 * and a database that cannot be reached (503). Undefined for anything else.
 */
function knownFailure(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  const e = (err ?? {}) as {
    type?: unknown;
    status?: unknown;
    charset?: unknown;
    encoding?: unknown;
  };
  if (e.type === 'charset.unsupported') return unsupportedCharset(String(e.charset ?? ''));
  if (e.type === 'encoding.unsupported') return unsupportedEncoding(String(e.encoding ?? ''));
  const status = typeof e.status === 'number' ? e.status : undefined;
  // A body the parser could not read: corrupt gzip, cut short, a wrong length.
  if (status === 400 && e.type !== 'entity.parse.failed') return invalidBody();
  if (status === undefined && isDatabaseUnavailable(err)) return databaseUnavailable(err);
  return undefined;
}

/**
 * The one place errors become responses: AppErrors keep their status, code and field
 * messages in the caller's language; body-parser problems become 400/413/415; a database
 * that cannot be reached is 503 with `Retry-After`; anything else is logged with its stack
 * and answered with a plain 500 carrying only the request id.
 */
export const errorHandler: ErrorRequestHandler = (rawErr, req, res, _next) => {
  const locale = req.locale ?? 'vi';
  if (res.headersSent) {
    logger.error({ err: rawErr }, 'error after headers were sent');
    return;
  }
  const err = knownFailure(rawErr) ?? rawErr;
  if (err instanceof AppError) {
    if (err.code === 'database_unavailable') {
      res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      logger.warn(
        { code: (err.cause as { code?: unknown } | undefined)?.code },
        'database unavailable',
      );
    }
    const fields = err.fields
      ? Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, localize(v, locale)]))
      : undefined;
    res.status(err.status).json({
      error: {
        code: err.code,
        message: localize(err.text, locale),
        ...(fields ? { fields } : {}),
        ...(err.extra ?? {}),
      },
    });
    return;
  }
  const e = err as { type?: string; status?: number };
  if (e.type === 'entity.parse.failed') {
    res.status(400).json({
      error: {
        code: 'invalid_json',
        message: localize(
          {
            vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
            en: 'The request body is not valid JSON.',
          },
          locale,
        ),
      },
    });
    return;
  }
  if (e.type === 'entity.too.large' || e.status === 413) {
    res.status(413).json({
      error: {
        code: 'payload_too_large',
        message: localize(
          { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request is too large.' },
          locale,
        ),
      },
    });
    return;
  }
  logger.error({ err }, 'unhandled error');
  res.status(500).json({
    error: {
      code: 'internal_error',
      message: localize(
        {
          vi: `Lỗi hệ thống, vui lòng thử lại. Nếu lỗi lặp lại, báo quản trị viên mã ${req.requestId}.`,
          en: `Something went wrong on our side; please try again. If it persists, give the administrator code ${req.requestId}.`,
        },
        locale,
      ),
      requestId: req.requestId,
    },
  });
};
