import { describe, expect, it } from 'vitest';

import { buildVietQr, crc16CcittFalse, parseVietQr } from './vietqr';

const VECTOR =
  '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6';

describe('crc16CcittFalse', () => {
  it('matches the standard check value and the DOMAIN.md vector', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
    expect(crc16CcittFalse('')).toBe('FFFF');
    expect(crc16CcittFalse(VECTOR.slice(0, -4))).toBe('53E6');
  });
});

describe('buildVietQr', () => {
  it('reproduces the published test vector exactly', () => {
    expect(
      buildVietQr({
        bankBin: '970416',
        accountNumber: '257678859',
        amount: 10000,
        purpose: 'Chuyen tien',
      }),
    ).toBe(VECTOR);
  });

  it('is static ("11") without an amount and dynamic ("12") with one', () => {
    const fixed = buildVietQr({ bankBin: '970416', accountNumber: '257678859' });
    expect(fixed.startsWith('000201010211')).toBe(true);
    expect(fixed).not.toContain('5405');
    expect(fixed).not.toContain('6215');
    expect(parseVietQr(fixed)).toEqual({
      ok: true,
      bankBin: '970416',
      accountNumber: '257678859',
      dynamic: false,
      toCard: false,
    });
  });

  it('folds the purpose to ASCII without diacritics, at most 25 characters', () => {
    const qr = buildVietQr({
      bankBin: '970405',
      accountNumber: '1234567890',
      amount: 158000,
      purpose: '  Lệ phí cấp đổi  CCCD — Nguyễn Văn Đức ',
    });
    const parsed = parseVietQr(qr);
    expect(parsed).toMatchObject({
      ok: true,
      amount: 158000,
      purpose: 'Le phi cap doi CCCD Nguye',
    });
    if (parsed.ok) expect(parsed.purpose?.length).toBeLessThanOrEqual(25);
  });

  it('pays to a card with QRIBFTTC', () => {
    const qr = buildVietQr({
      bankBin: '970436',
      accountNumber: '9704360000000001',
      amount: 1,
      toCard: true,
    });
    expect(qr).toContain('0208QRIBFTTC');
    expect(parseVietQr(qr)).toMatchObject({ ok: true, toCard: true, amount: 1, dynamic: true });
  });

  it('refuses a bad BIN, account or amount', () => {
    expect(() => buildVietQr({ bankBin: '97041', accountNumber: '1' })).toThrow(RangeError);
    expect(() => buildVietQr({ bankBin: '970416', accountNumber: '' })).toThrow(RangeError);
    expect(() => buildVietQr({ bankBin: '970416', accountNumber: '12 34' })).toThrow(RangeError);
    expect(() => buildVietQr({ bankBin: '970416', accountNumber: '1', amount: 0 })).toThrow(
      RangeError,
    );
    expect(() => buildVietQr({ bankBin: '970416', accountNumber: '1', amount: 10.5 })).toThrow(
      RangeError,
    );
  });
});

describe('parseVietQr', () => {
  it('decodes the published vector', () => {
    expect(parseVietQr(VECTOR)).toEqual({
      ok: true,
      bankBin: '970416',
      accountNumber: '257678859',
      amount: 10000,
      purpose: 'Chuyen tien',
      dynamic: true,
      toCard: false,
    });
  });

  it('round-trips what buildVietQr writes', () => {
    const opts = {
      bankBin: '970418',
      accountNumber: '0123456789',
      amount: 31500,
      purpose: 'BL 2026-000123',
    };
    expect(parseVietQr(buildVietQr(opts))).toEqual({
      ok: true,
      ...opts,
      dynamic: true,
      toCard: false,
    });
  });

  it('fails the CRC when any character is flipped', () => {
    for (let i = 0; i < VECTOR.length - 8; i++) {
      const c = VECTOR[i] === '1' ? '2' : '1';
      const flipped = VECTOR.slice(0, i) + c + VECTOR.slice(i + 1);
      expect(parseVietQr(flipped), `position ${i}`).toEqual({ ok: false, reason: 'bad_crc' });
    }
    expect(parseVietQr(VECTOR.slice(0, -1) + '7')).toEqual({ ok: false, reason: 'bad_crc' });
  });

  it('accepts a lower-case CRC', () => {
    expect(parseVietQr(VECTOR.replace(/53E6$/, '53e6')).ok).toBe(true);
  });

  it('calls broken structure malformed', () => {
    const withCrc = (body: string) => `${body}6304${crc16CcittFalse(`${body}6304`)}`;
    expect(parseVietQr('')).toEqual({ ok: false, reason: 'malformed' });
    expect(parseVietQr('hello world')).toEqual({ ok: false, reason: 'malformed' });
    expect(parseVietQr(withCrc('000201010212'))).toEqual({ ok: false, reason: 'malformed' }); // no account
    expect(parseVietQr(withCrc('0002010102123899'))).toEqual({ ok: false, reason: 'malformed' }); // length overruns
    expect(parseVietQr(withCrc('000202010212'))).toEqual({ ok: false, reason: 'malformed' }); // version 02
    // A valid payload to a non-NAPAS scheme.
    const other = '0010A000000999' + '0123' + '0006970416' + '0109257678859';
    expect(parseVietQr(withCrc(`000201010211${'38'}${other.length}${other}5303704`))).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
});
