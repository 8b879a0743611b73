import { describe, expect, it } from 'vitest';
import { checkFields, resolveWard, type WardIndex } from './intake-rules';
import type { WardPlace } from './intake.repository';

const row = {
  dossierCode: ' h48.19.10-261201-0001 ',
  recipientName: 'Lê Văn Bảy',
  phone: '0912 345 678',
  addressText: '12 Đồng Khởi',
  wardName: 'P. Trấn Biên',
};

describe('checkFields', () => {
  it('reads a row: code upper-cased, phone in E.164, nulls and empty cells as not given', () => {
    const r = checkFields({ ...row, notes: null, feeDueVnd: null, procedureCode: '' });
    expect(r).toEqual({
      ok: true,
      value: { ...row, dossierCode: 'H48.19.10-261201-0001', phone: '+84912345678' },
    });
  });

  it('names each bad field once, in Vietnamese and English', () => {
    const r = checkFields({ ...row, phone: '0123', wardName: undefined, feeDueVnd: -5 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.field, p.code])).toEqual([
      ['phone', 'invalid_phone'],
      ['feeDueVnd', 'invalid_amount'],
      ['wardCode', 'missing_ward'],
    ]);
    expect(r.problems[0]!.message.vi).toContain('Số điện thoại');
    expect(r.problems[0]!.message.en).toContain('phone');
  });
});

describe('resolveWard', () => {
  const ward = (code: string, name: string, kind: string): WardPlace => ({
    code,
    name,
    fullName: `${kind} ${name}`,
    foldName: name.toLowerCase(),
    foldFullName: `${kind} ${name}`.toLowerCase(),
    unitId: null,
    unitName: null,
  });
  const tb = { ...ward('26041', 'tran bien', 'phuong') };
  const xb = { ...ward('26300', 'xa bang', 'xa') };
  const index: WardIndex = {
    byCode: new Map([
      ['26041', tb],
      ['26300', xb],
    ]),
    byName: new Map([
      ['tran bien', [tb]],
      ['phuong tran bien', [tb]],
      ['xa bang', [xb]],
      ['xa xa bang', [xb]],
    ]),
    fold: new Map([
      ['P. Trấn Biên', 'p. tran bien'],
      ['phường  Trấn Biên.', 'phuong  tran bien.'],
      ['Xà Bang', 'xa bang'],
    ]),
  };

  it('finds a ward by code (leading zeros restored), by name with or without its kind', () => {
    expect(resolveWard(index, { wardCode: '26041' })).toEqual({ ward: tb });
    expect(resolveWard(index, { wardName: 'P. Trấn Biên' })).toEqual({ ward: tb });
    expect(resolveWard(index, { wardName: 'phường  Trấn Biên.' })).toEqual({ ward: tb });
    // "Xà Bang" folds to "xa bang": the whole name is tried before a "Xã" prefix is taken off.
    expect(resolveWard(index, { wardName: 'Xà Bang' })).toEqual({ ward: xb });
  });

  it('refuses a ward it does not know, naming the field', () => {
    expect(resolveWard(index, { wardName: 'Phường Không Có' })).toMatchObject({
      problem: { field: 'wardName', code: 'unknown_ward' },
    });
    expect(resolveWard(index, { wardCode: '99999' })).toMatchObject({
      problem: { field: 'wardCode', code: 'unknown_ward' },
    });
  });
});
