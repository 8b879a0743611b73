import { describe, expect, it } from 'vitest';
import { csvCell } from './csv-cell';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['  =1', "'  =1"],
    ['＝1+1', "'＝1+1"],
    ['+84912345678', "'+84912345678"],
  ])('makes %j inert', (text, cell) => expect(csvCell(text)).toBe(cell));

  it('leaves plain text, numbers (negative ones too) and empty cells alone', () => {
    expect(csvCell('Nguyễn Văn A')).toBe('Nguyễn Văn A');
    expect(csvCell('a; b')).toBe('"a; b"');
    expect(csvCell(-150000)).toBe('-150000');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
  });
});
