/** One CSV record with the line it starts on. */
export type CsvRecord = { line: number; cells: string[] };

/** The separator a header line uses most: `,`, `;` or tab. */
export function csvSeparator(firstLine: string): string {
  return [',', ';', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
}

/** RFC 4180 records (quoted fields, `""` inside) with the line each starts on; blank lines skipped. */
export function csvRecords(text: string, sep: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (c === '"') quoted = false;
        else {
          if (c === '\n') line++;
          cell += c;
        }
      } else if (c === '"' && cell.trim() === '') {
        quoted = true;
        cell = '';
      } else if (c === sep) {
        cells.push(cell);
        cell = '';
      } else if (c === '\n' || c === '\r') {
        if (c === '\r' && text[i + 1] === '\n') i++;
        i++;
        line++;
        break;
      } else cell += c;
    }
    cells.push(cell);
    if (cells.some((x) => x.trim() !== '')) out.push({ line: start, cells });
  }
  return out;
}
