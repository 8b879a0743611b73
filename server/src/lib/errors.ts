/**
 * Errors that reach a client. `code` is stable and machine-readable; the message is
 * given in both locales so the response can follow the caller's language, and the
 * internal detail (if any) goes to the log only.
 */
export type Locale = 'vi' | 'en';
export type LocalizedText = { vi: string; en: string };

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly text: LocalizedText;
  readonly fields: Record<string, LocalizedText> | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    status: number,
    code: string,
    text: LocalizedText,
    opts: {
      fields?: Record<string, LocalizedText>;
      extra?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(text.en, { cause: opts.cause });
    this.status = status;
    this.code = code;
    this.text = text;
    this.fields = opts.fields;
    this.extra = opts.extra;
  }
}

/** 400: the request body or query does not fit the schema. */
export const validationFailed = (fields: Record<string, LocalizedText>) =>
  new AppError(
    400,
    'validation_failed',
    {
      vi: 'Dữ liệu chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.',
      en: 'Some fields are not valid; please check the marked fields.',
    },
    { fields },
  );

/** 401: no valid session. */
export const unauthenticated = () =>
  new AppError(401, 'unauthenticated', {
    vi: 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn.',
    en: 'You are not signed in or your session has expired.',
  });

/** 403: signed in, but this role or unit may not do this. */
export const forbidden = (text?: LocalizedText) =>
  new AppError(
    403,
    'forbidden',
    text ?? {
      vi: 'Bạn không có quyền thực hiện thao tác này.',
      en: 'You are not allowed to do this.',
    },
  );

/** 404 for a missing record; `what` names it in both languages. */
export const notFound = (what: LocalizedText = { vi: 'Dữ liệu', en: 'Record' }) =>
  new AppError(404, 'not_found', {
    vi: `${what.vi} không tồn tại.`,
    en: `${what.en} was not found.`,
  });

/** 409: the record changed under the caller or the move is not allowed now. */
export const conflict = (code: string, text: LocalizedText, extra?: Record<string, unknown>) =>
  new AppError(409, code, text, { extra });

/** 422: understood, but a business rule refuses it. */
export const unprocessable = (
  code: string,
  text: LocalizedText,
  fields?: Record<string, LocalizedText>,
) => new AppError(422, code, text, { fields });

/** Picks the text for the caller's locale. */
export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale] ?? text.vi;
}
