import { describe, expect, it } from 'vitest';
import { formatVnd } from '@tannha/shared';

import { auditChanges, auditSubject, maskDeep, type AuditWords } from './audit-readable';

const UNIT = '0b9c5a43-6f7e-4d3a-9c8b-1a2b3c4d5e6f';
const OTHER = '11111111-2222-4333-8444-555555555555';
const words: AuditWords = {
  field: (k) => ({ role: 'Vai trò', unitId: 'Đơn vị', feeVnd: 'Phí, lệ phí' })[k] ?? k,
  valueWord: (k, v) =>
    k === 'role' ? { courier: 'Bưu tá', operator: 'Điện thoại viên' }[v] : undefined,
  yes: 'Có',
  no: 'Không',
  internalId: '(mã nội bộ)',
  recordName: (id) => (id === UNIT ? 'Bưu cục Trấn Biên' : undefined),
};
const entry = (before: unknown, after: unknown, entityId: string | null = OTHER) => ({
  id: 1,
  at: '2026-12-07T00:00:00Z',
  actor: null,
  action: 'user.update',
  entityType: 'user',
  entityId,
  before,
  after,
});

describe('the audit trail in words', () => {
  it('lists only the changed fields as "old → new", units by name, never a UUID', () => {
    const changes = auditChanges(
      entry(
        { username: 'bt1', role: 'courier', unitId: OTHER, feeVnd: 0 },
        { username: 'bt1', role: 'operator', unitId: UNIT, feeVnd: 150_000 },
      ),
      words,
    );
    expect(changes).toEqual([
      { field: 'Vai trò', before: 'Bưu tá', after: 'Điện thoại viên' },
      { field: 'Đơn vị', before: '(mã nội bộ)', after: 'Bưu cục Trấn Biên' },
      { field: 'Phí, lệ phí', before: formatVnd(0), after: formatVnd(150_000) },
    ]);
  });

  it('names the record by person, code and name, or date, else nothing rather than its id', () => {
    expect(auditSubject(entry(null, { username: 'bt1', fullName: 'Lê Văn A' }), words)).toBe(
      'Lê Văn A (bt1)',
    );
    expect(auditSubject(entry(null, { code: '1.013', name: 'Cấp GPLX' }), words)).toBe(
      '1.013 – Cấp GPLX',
    );
    expect(auditSubject(entry({ date: '2026-09-02', name: 'Quốc khánh' }, null), words)).toBe(
      '02/09/2026 – Quốc khánh',
    );
    expect(auditSubject(entry({ passwordChanged: false }, { passwordChanged: true }), words)).toBe(
      undefined,
    );
  });

  it('masks phones and ID numbers, in the words and in the technical details', () => {
    const [phone] = auditChanges(
      entry({ phone: '+84912345678' }, { phone: '+84987654321' }),
      words,
    );
    expect(`${phone!.before} ${phone!.after}`).not.toMatch(/912345678|987654321/);
    expect(JSON.stringify(maskDeep({ citizen: { cccdNumber: '079200001234' } }))).not.toContain(
      '079200001234',
    );
  });
});
