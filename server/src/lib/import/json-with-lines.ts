/**
 * A small JSON reader that remembers on which line each object starts, so an import can
 * say "line 1234, field Wards[3].Code" instead of "invalid data". Standard JSON only
 * (RFC 8259); a syntax error reports its line and column.
 */
import { AppError } from '../errors';

export type Located = { line: number; value: unknown };

/** Deepest nesting of arrays and objects an import file may have (real files stay under 6). */
export const MAX_IMPORT_DEPTH = 64;

/**
 * 400: the file nests deeper than {@link MAX_IMPORT_DEPTH}. Not a {@link JsonSyntaxError}, so
 * an import does not list it among the file's mistakes: such a file is refused outright,
 * before the reader's recursion could overflow the stack.
 */
export class JsonTooDeepError extends AppError {
  constructor(readonly line: number) {
    super(400, 'invalid_body', {
      vi: `Tệp JSON lồng nhau quá ${MAX_IMPORT_DEPTH} tầng (dòng ${line}).`,
      en: `The JSON file is nested deeper than ${MAX_IMPORT_DEPTH} levels (line ${line}).`,
    });
  }
}

/** Where a syntax error is. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Objects carry their start line under this symbol. */
export const LINE = Symbol('line');

export function lineOf(value: unknown): number | undefined {
  return value && typeof value === 'object' ? (value as { [LINE]?: number })[LINE] : undefined;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** One pass over the text: the position, and the line it is on. */
class Reader {
  private i = 0;
  private line = 1;
  private lineStart = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  document(): unknown {
    const result = this.value();
    this.ws();
    if (this.i < this.text.length) this.fail('unexpected text after the end of the JSON value');
    return result;
  }

  private fail(msg: string): never {
    throw new JsonSyntaxError(msg, this.line, this.i - this.lineStart + 1);
  }

  private ws(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.i);
      if (c === 10) {
        this.line++;
        this.lineStart = this.i + 1;
        this.i++;
      } else if (c === 32 || c === 9 || c === 13 || c === 0xfeff) this.i++;
      else return;
    }
  }

  /** The escape at `i` (a backslash), decoded; moves past it. */
  private escape(): string {
    const e = this.text[this.i + 1];
    if (e === 'u') {
      const hex = this.text.slice(this.i + 2, this.i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
      this.i += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    if (e !== undefined && e in ESCAPES) {
      this.i += 2;
      return ESCAPES[e]!;
    }
    return this.fail('bad escape in string');
  }

  private str(): string {
    const text = this.text;
    this.i++; // opening quote
    let out = '';
    let start = this.i;
    for (;;) {
      if (this.i >= text.length) this.fail('unterminated string');
      const c = text.charCodeAt(this.i);
      if (c === 34) {
        out += text.slice(start, this.i);
        this.i++;
        return out;
      }
      if (c === 10) this.fail('line break inside a string');
      if (c === 92) {
        out += text.slice(start, this.i);
        out += this.escape();
        start = this.i;
        continue;
      }
      this.i++;
    }
  }

  private object(): Record<string | symbol, unknown> {
    const obj: Record<string | symbol, unknown> = { [LINE]: this.line };
    this.i++;
    this.ws();
    if (this.text[this.i] === '}') {
      this.i++;
      return obj;
    }
    for (;;) {
      this.ws();
      if (this.text[this.i] !== '"') this.fail('expected a field name in double quotes');
      const key = this.str();
      this.ws();
      if (this.text[this.i] !== ':') this.fail(`expected ':' after "${key}"`);
      this.i++;
      obj[key] = this.value();
      this.ws();
      if (this.text[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.text[this.i] === '}') {
        this.i++;
        return obj;
      }
      this.fail("expected ',' or '}'");
    }
  }

  private array(): unknown[] {
    const arr: unknown[] = [];
    this.i++;
    this.ws();
    if (this.text[this.i] === ']') {
      this.i++;
      return arr;
    }
    for (;;) {
      arr.push(this.value());
      this.ws();
      if (this.text[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.text[this.i] === ']') {
        this.i++;
        return arr;
      }
      this.fail("expected ',' or ']'");
    }
  }

  private value(): unknown {
    this.ws();
    const c = this.text[this.i];
    if (c === '{' || c === '[') {
      if (++this.depth > MAX_IMPORT_DEPTH) throw new JsonTooDeepError(this.line);
      const nested = c === '{' ? this.object() : this.array();
      this.depth--;
      return nested;
    }
    if (c === '"') return this.str();
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.i, this.i + 40));
    if (m) {
      this.i += m[0].length;
      return Number(m[0]);
    }
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    return this.fail(
      this.i >= this.text.length ? 'unexpected end of file' : `unexpected character '${c}'`,
    );
  }
}

/** Parses standard JSON; every object carries its start line (see {@link lineOf}). */
export function parseJsonWithLines(text: string): unknown {
  return new Reader(text).document();
}
