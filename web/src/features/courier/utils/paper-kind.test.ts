import { describe, expect, it } from 'vitest';

import { checklistFrom, paperKindFromName } from './paper-kind';

describe('paperKindFromName', () => {
  it('reads the kind a paper’s name says, and leaves the others to the courier', () => {
    expect(paperKindFromName('Bản sao CCCD')).toBe('copy');
    expect(paperKindFromName('01 bản sao Giấy khai sinh')).toBe('copy');
    expect(paperKindFromName('Bản chính Giấy chứng nhận quyền sử dụng đất')).toBe('original');
    expect(paperKindFromName('Tờ khai đăng ký kết hôn')).toBeNull();
  });

  it('starts every paper present, copies not ticked as originals', () => {
    expect(checklistFrom(['Bản sao CCCD', 'Tờ khai'])).toEqual([
      { name: 'Bản sao CCCD', copy: 'copy', present: true },
      { name: 'Tờ khai', copy: null, present: true },
    ]);
  });
});
