/**
 * A resumable reader for delimited text (RFC 4180 quoting, any of , ; TAB).
 * Text arrives in chunks; a record cut by a chunk end is carried to the next.
 * Only the columns asked for are sliced out, which keeps large logs cheap.
 */
export interface RecordSink {
  (fields: readonly string[], line: number, problem: string | undefined, raw: () => string): void;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** A record this long is not a log row; it means an unclosed quote swallowed the rest. */
const MAX_RECORD = 1 << 20;

export class DelimitedReader {
  private carry = '';
  private line = 1;
  private readonly fields: string[] = [];

  constructor(
    private readonly delimiter: number,
    private readonly wanted: readonly boolean[] | null,
    private readonly onRecord: RecordSink,
  ) {}

  push(text: string): void {
    this.run(this.carry ? this.carry + text : text, false);
  }

  end(): void {
    if (this.carry) this.run(this.carry, true);
    this.carry = '';
  }

  private run(buf: string, final: boolean): void {
    let pos = 0;
    const n = buf.length;
    while (pos < n) {
      const end = this.readRecord(buf, pos, final);
      if (end < 0) {
        if (n - pos > MAX_RECORD) {
          // Give up on this record: report it and resume after the next line break.
          const lineEnd = buf.indexOf('\n', pos);
          const stop = lineEnd < 0 ? n : lineEnd + 1;
          this.onRecord([], this.line, 'a quoted field is never closed', () => buf.slice(pos, Math.min(stop, pos + 200)));
          this.line++;
          pos = stop;
          continue;
        }
        this.carry = buf.slice(pos);
        return;
      }
      pos = end;
    }
    this.carry = '';
  }

  /** Reads one record starting at `start`; returns the position after it, or -1 if it is incomplete. */
  private readRecord(buf: string, start: number, final: boolean): number {
    const fields = this.fields;
    fields.length = 0;
    const wanted = this.wanted;
    const delim = this.delimiter;
    const n = buf.length;
    let i = start;
    let newlines = 0;
    // The next line feed at or after the current field; one search per line, not one per field.
    let nextLf = -2;
    let problem: string | undefined;
    for (;;) {
      const col = fields.length;
      const keep = wanted === null || col >= wanted.length ? wanted === null : wanted[col];
      if (i < n && buf.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        let escaped = false;
        let close = -1;
        for (;;) {
          const q = buf.indexOf('"', j);
          if (q < 0) break;
          if (buf.charCodeAt(q + 1) === QUOTE) {
            escaped = true;
            j = q + 2;
            continue;
          }
          if (q + 1 >= n && !final) break; // the next chunk might start with a second quote
          close = q;
          break;
        }
        if (close < 0) {
          if (!final) return -1;
          problem = 'a quoted field is never closed';
          close = n;
        }
        let value = keep ? buf.slice(i + 1, close) : '';
        if (escaped && keep) value = value.replace(/""/g, '"');
        if (nextLf !== -1 && nextLf <= i) nextLf = buf.indexOf('\n', i + 1);
        while (nextLf >= 0 && nextLf < close) {
          newlines++;
          nextLf = buf.indexOf('\n', nextLf + 1);
        }
        i = close + 1;
        // Text after a closing quote (`"a"b`) is kept as part of the field rather than lost.
        let extraStart = i;
        while (i < n) {
          const c = buf.charCodeAt(i);
          if (c === delim || c === LF || c === CR) break;
          i++;
        }
        if (i > extraStart && keep) value += buf.slice(extraStart, i);
        if (i > extraStart) problem ??= 'text after a closing quote';
        fields.push(value);
      } else {
        const s = i;
        while (i < n) {
          const c = buf.charCodeAt(i);
          if (c === delim || c === LF || c === CR) break;
          i++;
        }
        fields.push(keep ? buf.slice(s, i) : '');
      }
      if (i >= n) {
        if (!final) return -1;
        break;
      }
      const c = buf.charCodeAt(i);
      if (c === delim) {
        i++;
        continue;
      }
      // End of record: CRLF, LF or a lone CR.
      if (c === CR) {
        if (i + 1 >= n && !final) return -1;
        i += buf.charCodeAt(i + 1) === LF ? 2 : 1;
      } else i++;
      break;
    }
    const line = this.line;
    this.line += newlines + 1;
    const blank = fields.length === 1 && fields[0] === '' && (i - start <= 2);
    if (!blank) this.onRecord(fields, line, problem, () => buf.slice(start, Math.min(i, start + 200)).replace(/\r?\n$/, ''));
    return i;
  }
}

/** Splits one line for header sniffing (small input, so simplicity wins). */
export function splitLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  const reader = new DelimitedReader(delimiter.charCodeAt(0), null, (f) => out.push(...f));
  reader.push(line);
  reader.end();
  return out;
}
