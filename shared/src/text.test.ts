import { describe, expect, it } from 'vitest';

import { foldVietnamese, slugify, stripDiacritics } from './text';

describe('stripDiacritics', () => {
  it('removes tone and vowel marks and maps đ/Đ, keeping case', () => {
    expect(stripDiacritics('Nguyễn Văn Đức')).toBe('Nguyen Van Duc');
    expect(stripDiacritics('đường Võ Thị Sáu, phường Thống Nhất')).toBe(
      'duong Vo Thi Sau, phuong Thong Nhat',
    );
    expect(stripDiacritics('ƯỚC ĐỊNH ỞỜỢ')).toBe('UOC DINH OOO');
  });

  it('handles precomposed and decomposed input alike', () => {
    const nfc = 'Trần Thị Hồng Nhung';
    expect(stripDiacritics(nfc.normalize('NFD'))).toBe(stripDiacritics(nfc));
    expect(stripDiacritics(nfc)).toBe('Tran Thi Hong Nhung');
  });

  it('leaves plain ASCII alone', () => {
    expect(stripDiacritics('Chuyen tien 123 ABC')).toBe('Chuyen tien 123 ABC');
  });
});

describe('foldVietnamese', () => {
  it('makes "nguyen van duc" match "Nguyễn Văn Đức"', () => {
    expect(foldVietnamese('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(foldVietnamese('nguyen van duc')).toBe(foldVietnamese('NGUYỄN   VĂN ĐỨC'));
  });

  it('collapses white space and trims', () => {
    expect(foldVietnamese('  Cấp\tđổi \n CCCD  ')).toBe('cap doi cccd');
  });
});

describe('slugify', () => {
  it('turns a Vietnamese title into a slug', () => {
    expect(slugify('Cấp đổi CCCD (lần 2)')).toBe('cap-doi-cccd-lan-2');
    expect(slugify('  Đăng ký khai sinh — Đồng Nai!  ')).toBe('dang-ky-khai-sinh-dong-nai');
    expect(slugify('***')).toBe('');
  });
});
