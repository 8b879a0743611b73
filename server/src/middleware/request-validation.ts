import express, { type Request, type RequestHandler } from 'express';
import { AppError, type LocalizedText } from '../lib/errors';

/**
 * The checks every API request passes before a route sees it, so that malformed input is a
 * stable 4xx and never reaches the database (PostgreSQL refuses NUL in text with a 500):
 * the body's encoding and charset, strict UTF-8, a nesting limit, and text free of NUL and
 * lone surrogates in the body, the query string and the path.
 */

/** Deepest JSON nesting a request body may have (real bodies stay under 6). */
export const MAX_JSON_DEPTH = 32;

/** The content codings the body parsers accept; anything else (br, zstd, x-foo) is 415. */
const ACCEPTED_ENCODINGS = new Set(['identity', 'gzip', 'deflate']);

const BAD_FIELD: LocalizedText = {
  vi: 'Chứa ký tự không hợp lệ (ký tự NUL hoặc mã UTF-8 hỏng).',
  en: 'Contains characters that are not allowed (a NUL character or broken UTF-8).',
};

/** 400: text with NUL, lone surrogates or bytes that are not UTF-8; `paths` name the fields. */
export function invalidText(paths: string[]): AppError {
  return new AppError(
    400,
    'invalid_text',
    {
      vi: `Dữ liệu gửi lên chứa ký tự không hợp lệ ở: ${paths.join(', ')}.`,
      en: `The request holds characters that are not allowed in: ${paths.join(', ')}.`,
    },
    { fields: Object.fromEntries(paths.map((p) => [p, BAD_FIELD])) },
  );
}

/** 400: a body that cannot be read (corrupt compression, too deep, cut short). */
export function invalidBody(text?: LocalizedText): AppError {
  return new AppError(
    400,
    'invalid_body',
    text ?? {
      vi: 'Nội dung gửi lên không đọc được (bị hỏng hoặc bị cắt ngang).',
      en: 'The request body cannot be read (corrupt or cut short).',
    },
  );
}

/** 415: a body compressed in a way the server does not read. */
export function unsupportedEncoding(encoding: string): AppError {
  return new AppError(415, 'unsupported_encoding', {
    vi: `Không hỗ trợ nén nội dung kiểu "${encoding}"; dùng gzip, deflate hoặc không nén.`,
    en: `Content-Encoding "${encoding}" is not supported; use gzip, deflate or none.`,
  });
}

/** 415: a text body in a charset other than UTF-8. */
export function unsupportedCharset(charset: string): AppError {
  return new AppError(415, 'unsupported_charset', {
    vi: `Không hỗ trợ bảng mã "${charset}"; hãy gửi UTF-8.`,
    en: `Charset "${charset}" is not supported; send UTF-8.`,
  });
}

const tooDeep = () =>
  invalidBody({
    vi: `Dữ liệu JSON lồng nhau quá ${MAX_JSON_DEPTH} tầng.`,
    en: `The JSON is nested deeper than ${MAX_JSON_DEPTH} levels.`,
  });

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string can be stored as text: no NUL, no lone surrogate. */
export function isCleanText(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
}

/**
 * The paths (`notes`, `items.2.name`, `query.q`: named as validation names fields) of the
 * strings, keys included, in a parsed value that are not clean text. Iterative, so a deep
 * value cannot overflow the stack.
 */
export function badTextPaths(value: unknown, root: string): string[] {
  const bad: string[] = [];
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length > 0 && bad.length < 20) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isCleanText(v)) bad.push(path || '_');
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, child] of Object.entries(v)) {
        const name = isCleanText(k) ? k : '?';
        const childPath = path ? `${path}.${name}` : name;
        if (!isCleanText(k)) bad.push(childPath);
        else stack.push([child, childPath]);
      }
    }
  }
  return bad.sort();
}

/** Throws {@link invalidText} when a parsed value holds text that is not clean. */
export function assertCleanText(value: unknown, root: string): void {
  const bad = badTextPaths(value, root);
  if (bad.length > 0) throw invalidText(bad);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Percent-decodes a raw URL part strictly: undefined when the escaped bytes are not UTF-8
 * (where the lenient decoders would put U+FFFD). A `%` not followed by two hex digits stays
 * as it is, as the query parser leaves it.
 */
function percentDecodeStrict(raw: string): string | undefined {
  try {
    return raw
      .replace(/\+/g, ' ')
      .replace(/(?:%[0-9a-fA-F]{2})+/g, (run) =>
        strictUtf8.decode(Buffer.from(run.replace(/%/g, ''), 'hex')),
      );
  } catch {
    return undefined;
  }
}

/** The names of the query parameters (or `path`) whose raw text is not clean. */
function badUrlParts(req: Request): string[] {
  const url = req.originalUrl;
  const q = url.indexOf('?');
  const pathPart = q < 0 ? url : url.slice(0, q);
  const bad: string[] = [];
  const decodedPath = percentDecodeStrict(pathPart.replace(/\+/g, '%2B'));
  if (decodedPath === undefined || !isCleanText(decodedPath)) bad.push('path');
  if (q < 0) return bad;
  for (const pair of url.slice(q + 1).split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const key = percentDecodeStrict(rawKey);
    const value = eq < 0 ? '' : percentDecodeStrict(pair.slice(eq + 1));
    const name = key !== undefined && isCleanText(key) ? key : '?';
    if (key === undefined || value === undefined || !isCleanText(key) || !isCleanText(value))
      bad.push(`query.${name}`);
  }
  return bad;
}

/**
 * The deepest nesting of arrays and objects in JSON bytes, stopping as soon as it passes
 * `max`. Bytes of `"`, `\`, `[`, `{` never occur inside a multi-byte UTF-8 character.
 */
export function jsonDepthExceeds(buf: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Refuses a Content-Encoding the body parsers must not inflate (br, zstd, unknown). */
export const contentEncodingGuard: RequestHandler = (req, _res, next) => {
  const header = req.get('content-encoding');
  if (!header) return next();
  for (const coding of header.split(',').map((c) => c.trim().toLowerCase())) {
    if (coding !== '' && !ACCEPTED_ENCODINGS.has(coding)) return next(unsupportedEncoding(coding));
  }
  next();
};

/** JSON bodies: UTF-8 only, decoded strictly, nested at most {@link MAX_JSON_DEPTH} deep. */
export function jsonBody(limit: string): RequestHandler {
  return express.json({
    limit,
    verify: (_req, _res, buf, encoding) => {
      if (encoding !== 'utf-8' && encoding !== 'utf8') throw unsupportedCharset(encoding);
      try {
        strictUtf8.decode(buf);
      } catch {
        throw invalidText(['body']);
      }
      if (jsonDepthExceeds(buf, MAX_JSON_DEPTH)) throw tooDeep();
    },
  });
}

/** Form bodies (Twilio webhooks): the percent-escaped bytes must be UTF-8. */
export function formBody(limit: string): RequestHandler {
  return express.urlencoded({
    extended: false,
    limit,
    verify: (_req, _res, buf, encoding) => {
      if (encoding !== 'utf-8') return;
      const text = buf.toString('latin1');
      if (percentDecodeStrict(text) === undefined) throw invalidText(['body']);
    },
  });
}

/**
 * After the body parsers: refuses NUL and lone surrogates anywhere in the parsed body, the
 * query string or the path, naming each field. Multipart fields are checked where the
 * upload is parsed ({@link assertCleanText}).
 */
export const cleanTextGuard: RequestHandler = (req, _res, next) => {
  const bad = [...badUrlParts(req), ...badTextPaths(req.body, '')];
  if (bad.length > 0) return next(invalidText(bad));
  next();
};
