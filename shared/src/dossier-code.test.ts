import { describe, expect, it } from 'vitest';

import { DOSSIER_CODE_RE, DossierCodeSchema, parseDossierCode } from './dossier-code';

describe('parseDossierCode', () => {
  it('splits agency, issue date and sequence', () => {
    expect(parseDossierCode('H48.19.10-260315-0042')).toEqual({
      ok: true,
      code: 'H48.19.10-260315-0042',
      agencyCode: 'H48.19.10',
      issuedOn: '2026-03-15',
      sequence: 42,
    });
  });

  it('trims and upper-cases what people type', () => {
    expect(parseDossierCode('  h48.19.10-260315-0042 ')).toMatchObject({
      ok: true,
      code: 'H48.19.10-260315-0042',
    });
    expect(parseDossierCode('000.00.12.H48-280229-1234')).toMatchObject({
      ok: true,
      issuedOn: '2028-02-29',
      sequence: 1234,
    });
  });

  it('refuses other shapes and impossible dates', () => {
    const refused = [
      ['', 'empty'],
      ['H48.19.10-2603150-0042', 'invalid_format'],
      ['H48.19.10-260315-42', 'invalid_format'],
      ['H48 19-260315-0042', 'invalid_format'],
      ['-260315-0042', 'invalid_format'],
      ['H48.19.10-261315-0042', 'invalid_date'],
      ['H48.19.10-260230-0042', 'invalid_date'],
    ] as const;
    for (const [code, reason] of refused) {
      expect(parseDossierCode(code), code).toEqual({ ok: false, reason });
    }
  });

  it('exports the accepted pattern', () => {
    expect(DOSSIER_CODE_RE.test('H48.19.10-260315-0042')).toBe(true);
    expect(DOSSIER_CODE_RE.test('h48.19.10-260315-0042')).toBe(false);
  });
});

describe('DossierCodeSchema', () => {
  it('outputs the normalised code', () => {
    expect(DossierCodeSchema.parse(' h48.19.10-260315-0042')).toBe('H48.19.10-260315-0042');
  });

  it('refuses an invalid code with a Vietnamese message', () => {
    const r = DossierCodeSchema.safeParse('ABC');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/^Mã hồ sơ không hợp lệ/);
    expect(DossierCodeSchema.safeParse(42).success).toBe(false);
  });
});
