/**
 * VietQR payloads for bank transfers at the door (DOMAIN.md "VietQR"): the EMVCo
 * merchant-presented QR format with the NAPAS 247 profile. A payload is a string of TLV
 * fields — 2-digit id, 2-digit length, value — ending in a CRC.
 *
 * Showing a QR code is not a payment: a transfer counts only once the bank confirms it.
 */

import { stripDiacritics } from './text';

/** NAPAS's application id in field 38.00. */
const NAPAS_GUID = 'A000000727';
const SERVICE_TO_ACCOUNT = 'QRIBFTTA';
const SERVICE_TO_CARD = 'QRIBFTTC';
const CURRENCY_VND = '704';
const PURPOSE_MAX = 25;

/** UTF-8 bytes of a string (no TextEncoder: this file type-checks without DOM or Node libs). */
function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000)
      out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else
      out.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 0x3f),
        0x80 | ((cp >> 6) & 0x3f),
        0x80 | (cp & 0x3f),
      );
  }
  return out;
}

/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection, no final
 * XOR) of the string's UTF-8 bytes, as 4 upper-case hex digits. `crc16CcittFalse('123456789')`
 * → `'29B1'`.
 */
export function crc16CcittFalse(s: string): string {
  let crc = 0xffff;
  for (const byte of utf8Bytes(s)) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

function tlv(id: string, value: string): string {
  if (value.length > 99) throw new RangeError(`VietQR field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** The purpose as banks accept it: no diacritics, printable ASCII, single spaces, ≤ 25 characters. */
function foldPurpose(purpose: string): string {
  return stripDiacritics(purpose)
    .replace(/[^\x20-\x7e]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, PURPOSE_MAX)
    .trim();
}

export type BuildVietQrOptions = {
  /** The receiving bank's 6-digit NAPAS BIN, e.g. `970416` (ACB). */
  bankBin: string;
  /** The receiving account (or card) number: 1–19 letters or digits. */
  accountNumber: string;
  /** Amount in whole VND (> 0). With an amount the QR is dynamic ("12"), without it static ("11"). */
  amount?: number;
  /** Transfer content, e.g. the receipt number; folded to ASCII without diacritics, cut to 25 characters. */
  purpose?: string;
  /** Pay to a card number (QRIBFTTC) instead of an account (QRIBFTTA). */
  toCard?: boolean;
};

/**
 * Builds the VietQR payload string to render as a QR code.
 *
 * @throws RangeError for a BIN that is not 6 digits, an account number that is not 1–19
 *   letters/digits, or an amount that is not a positive whole number of at most 13 digits.
 */
export function buildVietQr(opts: BuildVietQrOptions): string {
  const { bankBin, accountNumber, amount, purpose, toCard = false } = opts;
  if (!/^\d{6}$/.test(bankBin))
    throw new RangeError(`VietQR: bank BIN must be 6 digits, got '${bankBin}'`);
  if (!/^[0-9A-Za-z]{1,19}$/.test(accountNumber)) {
    throw new RangeError('VietQR: account number must be 1–19 letters or digits');
  }
  if (
    amount !== undefined &&
    (!Number.isSafeInteger(amount) || amount <= 0 || String(amount).length > 13)
  ) {
    throw new RangeError(`VietQR: amount must be a positive whole number of VND, got ${amount}`);
  }

  const beneficiary = tlv('00', bankBin) + tlv('01', accountNumber);
  const merchant =
    tlv('00', NAPAS_GUID) +
    tlv('01', beneficiary) +
    tlv('02', toCard ? SERVICE_TO_CARD : SERVICE_TO_ACCOUNT);
  const folded = purpose === undefined ? '' : foldPurpose(purpose);

  let payload =
    tlv('00', '01') +
    tlv('01', amount === undefined ? '11' : '12') +
    tlv('38', merchant) +
    tlv('53', CURRENCY_VND) +
    (amount === undefined ? '' : tlv('54', String(amount))) +
    tlv('58', 'VN') +
    (folded === '' ? '' : tlv('62', tlv('08', folded)));
  payload += '6304';
  return payload + crc16CcittFalse(payload);
}

/** Decodes one level of TLV fields; null when the lengths do not add up. */
function decodeTlv(s: string): Map<string, string> | null {
  const fields = new Map<string, string>();
  let i = 0;
  while (i < s.length) {
    const head = s.slice(i, i + 4);
    if (!/^\d{4}$/.test(head)) return null;
    const id = head.slice(0, 2);
    const len = Number(head.slice(2));
    const value = s.slice(i + 4, i + 4 + len);
    if (value.length !== len || fields.has(id)) return null;
    fields.set(id, value);
    i += 4 + len;
  }
  return fields;
}

export type ParseVietQrResult =
  | {
      ok: true;
      bankBin: string;
      accountNumber: string;
      amount?: number;
      purpose?: string;
      /** Point-of-initiation "12" (one payment, with amount) rather than "11" (static, reusable). */
      dynamic: boolean;
      /** Paid to a card number (QRIBFTTC) rather than an account. */
      toCard: boolean;
    }
  | { ok: false; reason: 'bad_crc' | 'malformed' };

/**
 * Reads a VietQR payload back (e.g. to check the code a courier's screen shows). The CRC
 * is checked first, then the TLV structure and the NAPAS fields.
 */
export function parseVietQr(payload: string): ParseVietQrResult {
  const malformed = { ok: false, reason: 'malformed' } as const;
  if (typeof payload !== 'string') return malformed;
  const s = payload.trim();
  const crcAt = s.length - 8;
  if (crcAt < 0 || !/^6304[0-9A-Fa-f]{4}$/.test(s.slice(crcAt))) return malformed;
  if (crc16CcittFalse(s.slice(0, crcAt + 4)) !== s.slice(crcAt + 4).toUpperCase()) {
    return { ok: false, reason: 'bad_crc' };
  }

  const top = decodeTlv(s.slice(0, crcAt));
  if (!top || top.get('00') !== '01') return malformed;
  const initiation = top.get('01');
  if (initiation !== '11' && initiation !== '12') return malformed;
  const currency = top.get('53');
  if (currency !== undefined && currency !== CURRENCY_VND) return malformed;

  const merchant = decodeTlv(top.get('38') ?? '');
  if (!merchant || merchant.get('00') !== NAPAS_GUID) return malformed;
  const beneficiary = decodeTlv(merchant.get('01') ?? '');
  const bankBin = beneficiary?.get('00');
  const accountNumber = beneficiary?.get('01');
  if (!bankBin || !/^\d{6}$/.test(bankBin) || !accountNumber) return malformed;
  const service = merchant.get('02');
  if (service !== undefined && service !== SERVICE_TO_ACCOUNT && service !== SERVICE_TO_CARD)
    return malformed;

  const result: ParseVietQrResult = {
    ok: true,
    bankBin,
    accountNumber,
    dynamic: initiation === '12',
    toCard: service === SERVICE_TO_CARD,
  };
  const amount = top.get('54');
  if (amount !== undefined) {
    if (!/^\d{1,13}$/.test(amount)) return malformed;
    result.amount = Number(amount);
  }
  const extra = top.get('62');
  if (extra !== undefined) {
    const additional = decodeTlv(extra);
    if (!additional) return malformed;
    const purpose = additional.get('08');
    if (purpose !== undefined) result.purpose = purpose;
  }
  return result;
}
