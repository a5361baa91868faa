// Streaming reader of recipient lists: bytes in, CSV records out, in memory bounded by the
// longest line. CSV per RFC 4180 with the usual deviations of spreadsheet exports (`;` and tab
// separators, a BOM, CRLF), plain text (one address per line) as a one-column CSV. Lines are
// decoded one by one: UTF-8 when valid, else Windows-1252 (lists pasted together from several
// tools mix the two), and every such line is counted in a warning.
import { isUtf8 } from 'node:buffer';
import { ListInputError, type InputWarning } from './types';

/** A line longer than this is skipped with a warning (an address row is under a kilobyte). */
export const MAX_LINE_BYTES = 1024 * 1024;
/** Exports from Mailchimp or Brevo have a few dozen columns; thousands means this is not a list. */
export const MAX_COLUMNS = 1000;
/** A quoted field may hold line breaks (notes columns), but not forever. */
export const MAX_RECORD_LINES = 100;
// How much of the start is inspected for signs of a binary file.
const SNIFF_BYTES = 8192;

export type Separator = ',' | ';' | '\t' | '';

/** One CSV record: its fields and its source text (without the final line break). */
export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  /** Source text; line breaks inside quoted fields are `\n`. */
  text: string;
  fields: string[];
}

const win1252 = new TextDecoder('windows-1252');

// Control bytes that never occur in text (NUL is the classic sign of a binary file).
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.1;
}

function countQuotes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('"'); i !== -1; i = s.indexOf('"', i + 1)) n++;
  return n;
}

/** Picks the separator of the first line: the most frequent of tab, `;` and `,` outside quotes. */
export function detectSeparator(line: string): Separator {
  let comma = 0;
  let semi = 0;
  let tab = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted) {
      if (c === 44) comma++;
      else if (c === 59) semi++;
      else if (c === 9) tab++;
    }
  }
  if (tab === 0 && semi === 0 && comma === 0) return '';
  if (tab >= semi && tab >= comma) return '\t';
  return semi >= comma ? ';' : ',';
}

/** Splits a record into fields (RFC 4180 quoting; text after a closing quote is kept as is). */
export function splitRecord(text: string, sep: Separator): string[] {
  if (sep === '') return [text.indexOf('"') === -1 ? text : unquote(text)];
  if (text.indexOf('"') === -1) return text.split(sep);
  const fields: string[] = [];
  const sc = sep.charCodeAt(0);
  let i = 0;
  const n = text.length;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let value = '';
      let from = i + 1;
      let j = from;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) {
          value += text.slice(from);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === 34) {
          value += text.slice(from, q + 1);
          j = from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      // Lenient like spreadsheets: anything between the closing quote and the separator stays.
      const next = text.indexOf(sep, i);
      const end = next === -1 ? n : next;
      fields.push(value + text.slice(i, end));
      if (next === -1) return fields;
      i = next + 1;
    } else {
      let end = i;
      while (end < n && text.charCodeAt(end) !== sc) end++;
      fields.push(text.slice(i, end));
      if (end >= n) return fields;
      i = end + 1;
    }
    if (i >= n) {
      fields.push('');
      return fields;
    }
  }
}

function unquote(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/""/g, '"');
  return text;
}

/**
 * Where field `index` of a record sits: its line inside the record and UTF-16 columns, trimmed
 * of spaces. `exact` when the source text of the span is the field's value (no quote escapes),
 * so an edit can replace part of it.
 */
export function fieldSpan(text: string, sep: Separator, index: number): { lineOffset: number; start: number; end: number; exact: boolean } | undefined {
  let field = 0;
  let lineOffset = 0;
  let lineStart = 0;
  let i = 0;
  const n = text.length;
  const sc = sep === '' ? -1 : sep.charCodeAt(0);
  while (i <= n) {
    let start = i;
    let end: number;
    let exact = true;
    let startLine = lineOffset;
    let startLineStart = lineStart;
    // Leading spaces before a quote are tolerated.
    let k = i;
    while (k < n && text.charCodeAt(k) === 32) k++;
    if (k < n && text.charCodeAt(k) === 34) {
      start = k + 1;
      let j = start;
      for (;;) {
        if (j >= n) {
          end = n;
          break;
        }
        const c = text.charCodeAt(j);
        if (c === 10) {
          lineOffset++;
          lineStart = j + 1;
        }
        if (c === 34) {
          if (text.charCodeAt(j + 1) === 34) {
            exact = false;
            j += 2;
            continue;
          }
          end = j;
          break;
        }
        j++;
      }
      // A multi-line value is not something to edit in place.
      if (lineOffset !== startLine) exact = false;
      i = j + 1;
      while (i < n && text.charCodeAt(i) !== sc) i++;
    } else {
      let j = i;
      while (j < n && text.charCodeAt(j) !== sc) j++;
      end = j;
      i = j;
    }
    if (field === index) {
      while (start < end && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
      while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
      return { lineOffset: startLine, start: start - startLineStart, end: end - startLineStart, exact };
    }
    field++;
    i++;
    if (sc === -1) return undefined;
  }
  return undefined;
}

/**
 * Reads a list from chunks of bytes. `push` them in order, then `end()`; each record goes to
 * `onRecord`, problems with single lines to `onWarning`. Throws ListInputError for a file that
 * is not a list at all.
 */
export class ListReader {
  /** The separator, known after the first non-blank line. */
  separator: Separator | undefined;
  /** Whether the first line ended with CRLF (exports keep the file's line endings). */
  crlf = false;
  bom = false;
  private started = false;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private skipping = false;
  private skipped = 0;
  private lineNo = 0;
  private recordText: string | undefined;
  private recordLine = 0;
  private recordLines = 0;
  private recordQuotes = 0;
  private latinLines = 0;
  private firstLatinLine = 0;

  constructor(
    private readonly file: string,
    private readonly onRecord: (record: CsvRecord) => void,
    private readonly onWarning: (warning: InputWarning) => void,
    private readonly forcedSeparator?: Separator,
  ) {}

  push(chunk: Buffer): void {
    if (!this.started) {
      this.started = true;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) throw new ListInputError('input.utf16', { file: this.file });
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        this.bom = true;
        chunk = chunk.subarray(3);
      }
      if (looksBinary(chunk)) throw new ListInputError('input.binary', { file: this.file });
    }
    if (chunk.indexOf(0) !== -1) throw new ListInputError('input.binary', { file: this.file });
    let pos = 0;
    const n = chunk.length;
    if (this.pendingBytes > 0 || this.skipping) {
      // Finish the line begun in an earlier chunk.
      const nl = chunk.indexOf(10);
      if (nl === -1) {
        this.hold(chunk);
        return;
      }
      this.endLine(chunk.subarray(0, nl));
      pos = nl + 1;
    }
    const lastNl = chunk.lastIndexOf(10);
    if (lastNl >= pos) {
      this.block(chunk.subarray(pos, lastNl));
      pos = lastNl + 1;
    }
    if (pos < n) this.hold(chunk.subarray(pos));
  }

  /**
   * Complete lines (separated by LF, none at the end). A block that is valid UTF-8 throughout,
   * the usual case, is decoded at once; otherwise line by line.
   */
  private block(bytes: Buffer): void {
    if (bytes.length <= MAX_LINE_BYTES && isUtf8(bytes)) {
      const lines = bytes.toString('utf8').split('\n');
      for (const line of lines) {
        this.lineNo++;
        if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) {
          if (this.lineNo === 1) this.crlf = true;
          this.addLine(line.slice(0, -1));
        } else this.addLine(line);
      }
      return;
    }
    let pos = 0;
    for (;;) {
      const nl = bytes.indexOf(10, pos);
      if (nl === -1) {
        this.endLine(bytes.subarray(pos));
        return;
      }
      this.endLine(bytes.subarray(pos, nl));
      pos = nl + 1;
    }
  }

  end(): void {
    if (this.pendingBytes > 0 || this.skipping) this.endLine(Buffer.alloc(0));
    if (this.recordText !== undefined) {
      if (this.recordLines > 1 || countQuotes(this.recordText) % 2 === 1) {
        // An unterminated quote at the end of the file: read what is there.
        this.emit(this.recordText, this.recordLine);
      }
      this.recordText = undefined;
    }
    if (this.latinLines > 0) this.onWarning({ key: 'warning.encoding', params: { count: this.latinLines, line: String(this.firstLatinLine) } });
  }

  private hold(part: Buffer): void {
    if (this.skipping) {
      this.skipped += part.length;
      return;
    }
    if (this.pendingBytes + part.length > MAX_LINE_BYTES) {
      // Never buffer a monster line: count its bytes until the next line break.
      this.skipping = true;
      this.skipped = this.pendingBytes + part.length;
      this.pending = [];
      this.pendingBytes = 0;
      return;
    }
    this.pending.push(part);
    this.pendingBytes += part.length;
  }

  private endLine(part: Buffer): void {
    this.lineNo++;
    if (this.skipping) {
      const size = this.skipped + part.length;
      this.skipping = false;
      this.skipped = 0;
      this.onWarning({ key: 'warning.lineTooLong', params: { line: String(this.lineNo), max: formatBytes(MAX_LINE_BYTES), size: formatBytes(size) } });
      return;
    }
    let bytes = part;
    if (bytes.length > MAX_LINE_BYTES) {
      this.onWarning({ key: 'warning.lineTooLong', params: { line: String(this.lineNo), max: formatBytes(MAX_LINE_BYTES), size: formatBytes(bytes.length) } });
      return;
    }
    if (this.pending.length) {
      this.pending.push(part);
      bytes = Buffer.concat(this.pending, this.pendingBytes + part.length);
      this.pending = [];
      this.pendingBytes = 0;
      if (bytes.length > MAX_LINE_BYTES) {
        this.onWarning({ key: 'warning.lineTooLong', params: { line: String(this.lineNo), max: formatBytes(MAX_LINE_BYTES), size: formatBytes(bytes.length) } });
        return;
      }
    }
    let len = bytes.length;
    if (len > 0 && bytes[len - 1] === 13) {
      len--;
      if (this.lineNo === 1) this.crlf = true;
    }
    const raw = len === bytes.length ? bytes : bytes.subarray(0, len);
    let line: string;
    if (isUtf8(raw)) line = raw.toString('utf8');
    else {
      line = win1252.decode(raw);
      if (this.latinLines++ === 0) this.firstLatinLine = this.lineNo;
    }
    this.addLine(line);
  }

  private addLine(line: string): void {
    if (this.recordText === undefined) {
      const quotes = line.indexOf('"') === -1 ? 0 : countQuotes(line);
      if (quotes % 2 === 0) {
        this.emit(line, this.lineNo);
        return;
      }
      this.recordText = line;
      this.recordLine = this.lineNo;
      this.recordLines = 1;
      this.recordQuotes = quotes;
      return;
    }
    this.recordText += '\n' + line;
    this.recordLines++;
    this.recordQuotes += countQuotes(line);
    if (this.recordQuotes % 2 === 0) {
      const text = this.recordText;
      this.recordText = undefined;
      this.emit(text, this.recordLine);
      return;
    }
    if (this.recordLines >= MAX_RECORD_LINES) throw new ListInputError('input.unterminatedQuote', { file: this.file, line: String(this.recordLine), max: MAX_RECORD_LINES });
  }

  private emit(text: string, line: number): void {
    if (this.separator === undefined) {
      if (text.trim() === '') return;
      this.separator = this.forcedSeparator ?? detectSeparator(text);
    }
    const fields = splitRecord(text, this.separator);
    if (fields.length > MAX_COLUMNS) throw new ListInputError('input.tooManyColumns', { file: this.file, line: String(line), count: fields.length, max: MAX_COLUMNS });
    this.onRecord({ line, text, fields });
  }
}

/** "1 MB", "2.3 MB", "2 GB": sizes in messages, rounded down (one decimal under 10). */
export function formatBytes(n: number): string {
  const units: [number, string][] = [
    [1024 ** 3, 'GB'],
    [1024 ** 2, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (n < size) continue;
    const v = n / size;
    return `${v < 10 ? Math.floor(v * 10) / 10 : Math.floor(v)} ${unit}`;
  }
  return `${n} B`;
}
