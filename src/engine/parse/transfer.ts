/**
 * MIME content transfer encodings (RFC 2045 §6) with offset maps: decoded text keeps, for
 * every character, the source range it was read from, so findings in a quoted-printable part
 * land on the exact characters of the raw message.
 */
import { type Encoder, grown, NO_FLAGS, NO_INTS, type PieceSink, RUNS_CAPACITY, type SourceMapper } from '../text/view';
import type { Charset } from './charset';

/**
 * Maps decoded content to the source through runs: an exact run maps character for
 * character (literal quoted-printable text), another maps every character onto its whole
 * source range (an `=C3=A9` escape, a base64 part). Lookups are binary searches.
 */
export class RunMap implements SourceMapper {
  // Run k starts at content offset c[k] and comes from the source range [s[k], e[k]); x[k] is 1
  // when it maps character for character. Columns, not objects: a long part has tens of
  // thousands of runs (each soft line break and escape starts one).
  private c = NO_INTS;
  private s = NO_INTS;
  private e = NO_INTS;
  private x = NO_FLAGS;
  private count = 0;
  /** Length of the content mapped so far. */
  length = 0;

  /** `base` is the source offset of empty content. */
  constructor(private readonly base: number) {}

  /** Maps the next `count` content characters onto `[start, end)`. */
  add(count: number, start: number, end: number, exact: boolean): void {
    if (count <= 0) return;
    const k = this.count - 1;
    if (exact && k >= 0 && this.x[k] === 1 && this.e[k] === start) this.e[k] = end;
    else {
      const n = this.count;
      if (n === this.c.length) {
        const cap = Math.max(RUNS_CAPACITY, n * 2);
        this.c = grown(this.c, cap);
        this.s = grown(this.s, cap);
        this.e = grown(this.e, cap);
        this.x = grown(this.x, cap);
      }
      this.c[n] = this.length;
      this.s[n] = start;
      this.e[n] = end;
      this.x[n] = exact ? 1 : 0;
      this.count = n + 1;
    }
    this.length += count;
  }

  // The run `find` last returned: the HTML parser maps offsets in document order, so the next
  // one is mostly in the same run or the next, found without a binary search.
  private last = 0;

  // The last run that starts at or before content offset `o` (run 0 when none does).
  private find(o: number): number {
    const c = this.c;
    const count = this.count;
    const k = this.last;
    if (k < count && c[k] <= o) {
      if (k + 1 === count || c[k + 1] > o) return k;
      if (k + 2 === count || c[k + 2] > o) return (this.last = k + 1);
    }
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.c[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    this.last = lo;
    return lo;
  }

  start(o: number): number {
    if (this.count === 0) return this.base;
    if (o >= this.length) return this.e[this.count - 1];
    const k = this.find(Math.max(0, o));
    return this.x[k] ? this.s[k] + (o - this.c[k]) : this.s[k];
  }

  end(o: number): number {
    if (this.count === 0) return this.base;
    if (o <= 0) return this.s[0];
    const k = this.find(Math.min(o, this.length) - 1);
    return this.x[k] ? this.s[k] + (Math.min(o, this.length) - this.c[k]) : this.e[k];
  }

  piecesInto(from: number, to: number, sink: PieceSink): void {
    if (this.count === 0 || to <= from) return;
    for (let k = this.find(from); k < this.count && this.c[k] < to; k++) {
      const runEnd = k + 1 < this.count ? this.c[k + 1] : this.length;
      const a = Math.max(from, this.c[k]);
      const b = Math.min(to, runEnd);
      if (b <= a) continue;
      if (this.x[k]) sink.piece(a, b, this.s[k] + (a - this.c[k]), this.s[k] + (b - this.c[k]), true);
      else sink.piece(a, b, this.s[k], this.e[k], false);
    }
  }
}

/** Maps all content onto one source range: a base64 part's header block. */
export function blockMapper(start: number, end: number): SourceMapper {
  return {
    start: () => start,
    end: () => end,
    piecesInto: (from, to, sink) => {
      if (to > from) sink.piece(from, to, start, end, false);
    },
  };
}

/** Decoded quoted-printable content. */
export interface QpDecoded {
  content: string;
  map: RunMap;
  /** Offset of the first `=` that starts neither an escape nor a soft line break. */
  badEscape?: number;
  /** Offset of the first byte sequence that is not valid in the charset. */
  badBytes?: number;
}

// Turns decoded bytes and literal text into characters, recording where each came from.
interface Sink {
  byte(b: number, start: number, end: number): void;
  literal(text: string, start: number): void;
  flush(): void;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57; // lowercase: RFC 2045 §6.7 asks robust decoders to accept it
  return -1;
}

/**
 * Decodes the quoted-printable content `source[start, end)` in a charset (RFC 2045 §6.7):
 * `=XX` escapes become bytes, soft line breaks (`=` at the end of a line) disappear, and
 * bytes become characters in the part's charset. Malformed escapes are kept as written.
 */
export function decodeQuotedPrintable(source: string, start: number, end: number, charset: Charset): QpDecoded {
  const out: string[] = [];
  const map = new RunMap(start);
  const result: QpDecoded = { content: '', map };
  const emit = (text: string, s: number, e: number, exact: boolean) => {
    out.push(text);
    map.add(text.length, s, e, exact);
  };
  const invalid = (s: number, e: number) => {
    if (result.badBytes === undefined) result.badBytes = s;
    emit('\uFFFD', s, e, false);
  };
  const sink = charset.kind === 'utf-8' ? utf8Sink(emit, invalid) : charset.kind === 'single' ? singleByteSink(charset.table!, emit) : multiByteSink(charset.name, emit);
  let i = start;
  while (i < end) {
    if (source.charCodeAt(i) === 0x3d) {
      let j = i + 1;
      while (j < end && (source[j] === ' ' || source[j] === '\t')) j++;
      if (j >= end) break; // a final "=": nothing follows
      if (source[j] === '\n') {
        i = j + 1;
        continue;
      }
      if (source[j] === '\r' && (j + 1 >= end || source[j + 1] === '\n')) {
        i = Math.min(j + 2, end);
        continue;
      }
      const h1 = i + 2 < end ? hexValue(source.charCodeAt(i + 1)) : -1;
      const h2 = h1 >= 0 ? hexValue(source.charCodeAt(i + 2)) : -1;
      if (h2 >= 0) {
        sink.byte(h1 * 16 + h2, i, i + 3);
        i += 3;
        continue;
      }
      if (result.badEscape === undefined) result.badEscape = i;
      sink.literal('=', i);
      i++;
      continue;
    }
    let j = source.indexOf('=', i);
    if (j < 0 || j > end) j = end;
    sink.literal(source.slice(i, j), i);
    i = j;
  }
  sink.flush();
  result.content = out.join('');
  return result;
}

type Emit = (text: string, start: number, end: number, exact: boolean) => void;

function utf8Sink(emit: Emit, invalid: (s: number, e: number) => void): Sink {
  let need = 0;
  let cp = 0;
  let min = 0;
  let ps = 0;
  let pe = 0;
  const flush = () => {
    if (need > 0) invalid(ps, pe);
    need = 0;
  };
  return {
    byte(b, s, e) {
      if (need > 0) {
        if ((b & 0xc0) === 0x80) {
          cp = (cp << 6) | (b & 0x3f);
          pe = e;
          if (--need === 0) {
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) invalid(ps, pe);
            else emit(String.fromCodePoint(cp), ps, pe, false);
          }
          return;
        }
        flush();
      }
      ps = s;
      pe = e;
      if (b < 0x80) emit(String.fromCharCode(b), s, e, false);
      else if (b >= 0xc2 && b <= 0xdf) [cp, need, min] = [b & 0x1f, 1, 0x80];
      else if (b >= 0xe0 && b <= 0xef) [cp, need, min] = [b & 0x0f, 2, 0x800];
      else if (b >= 0xf0 && b <= 0xf4) [cp, need, min] = [b & 0x07, 3, 0x10000];
      else invalid(s, e);
    },
    literal(text, s) {
      flush();
      emit(text, s, s + text.length, true);
    },
    flush,
  };
}

function singleByteSink(table: readonly string[], emit: Emit): Sink {
  return {
    byte: (b, s, e) => emit(table[b], s, e, false),
    // Single-byte charsets share ASCII; other literal characters were decoded with the file.
    literal: (text, s) => emit(text, s, s + text.length, true),
    flush() {},
  };
}

// Other multi-byte charsets (Shift_JIS, GB18030, ISO-2022-JP…) are decoded line by line by the
// platform; each line maps as a whole. UTF-16 is decoded in one piece (its bytes hold 0x0A).
function multiByteSink(name: string, emit: Emit): Sink {
  const perLine = !name.startsWith('utf-16');
  let bytes: number[] = [];
  let ls = -1;
  let le = -1;
  const flush = () => {
    if (ls < 0) return;
    emit(new TextDecoder(name).decode(Uint8Array.from(bytes)), ls, le, false);
    bytes = [];
    ls = -1;
  };
  const push = (b: number, s: number, e: number) => {
    if (ls < 0) ls = s;
    le = e;
    bytes.push(b);
    if (b === 0x0a && perLine) flush();
  };
  const enc = new TextEncoder();
  return {
    byte: push,
    literal(text, s) {
      for (let k = 0; k < text.length; k++) {
        const c = text.charCodeAt(k);
        if (c < 0x80) push(c, s + k, s + k + 1);
        else for (const b of enc.encode(text[k])) push(b, s + k, s + k + 1);
      }
    },
    flush,
  };
}

/** Decoded size of quoted-printable content, without decoding it. */
export function quotedPrintableSize(source: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c !== 0x3d) {
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      continue;
    }
    if (hexValue(source.charCodeAt(i + 1)) >= 0 && hexValue(source.charCodeAt(i + 2)) >= 0) {
      n++;
      i += 2;
    }
    // "=" before a line break (soft break) counts nothing; a stray "=" is counted as itself.
    else if (source[i + 1] !== '\r' && source[i + 1] !== '\n' && source[i + 1] !== ' ' && source[i + 1] !== '\t') n++;
  }
  return n;
}

/** Decoded size of base64 content, without decoding it. */
export function base64Size(source: string, start: number, end: number): number {
  let chars = 0;
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f) chars++;
  }
  return Math.floor((chars * 3) / 4);
}

/** Offset of the first character that has no place in base64 content, if any. */
export function base64Garbage(source: string, start: number, end: number): number | undefined {
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    const ok =
      (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f || c === 0x3d || c === 0x0d || c === 0x0a || c === 0x20 || c === 0x09;
    if (!ok) return i;
  }
  return undefined;
}

// RFC 2045 §6.7 rule 5: encoded lines are at most 76 characters, the soft break's "=" included.
const QP_MAX_LINE_CHARS = 76;

/**
 * An encoder for text inserted into a quoted-printable part: safe characters as is, the
 * others as `=XX` bytes in the part's charset, line breaks as the part's line breaks, and
 * soft line breaks so that the lines it touches stay within 76 characters where it can.
 * Undefined when the charset cannot be encoded (multi-byte charsets other than UTF-8).
 */
export function quotedPrintableEncoder(source: string, charset: Charset, eol: string): Encoder | undefined {
  const encode = charset.encode;
  if (!encode) return undefined;
  return (text, start, end) => {
    let col = 0;
    let rest = 0;
    if (start !== undefined) {
      // Only whether the line reaches 76 characters matters, so the scans stop there: a search
      // to the line's ends made every edit on one long line (33,000 fixes of `=E2=82=AC`) cost
      // the line's length.
      let lineStart = start;
      while (lineStart > 0 && start - lineStart <= QP_MAX_LINE_CHARS && source[lineStart - 1] !== '\n') lineStart--;
      col = start - lineStart;
      const to = end ?? start;
      let lineEnd = to;
      while (lineEnd < source.length && lineEnd - to <= QP_MAX_LINE_CHARS && source[lineEnd] !== '\n') lineEnd++;
      if (lineEnd > to && (lineEnd === source.length || source[lineEnd] === '\n') && source[lineEnd - 1] === '\r') lineEnd--;
      rest = Math.max(0, lineEnd - to);
    }
    let out = '';
    const lines = text.split(/\r?\n/);
    lines.forEach((line, li) => {
      const lastLine = li === lines.length - 1;
      const chars = Array.from(line);
      chars.forEach((ch, k) => {
        const c = ch.charCodeAt(0);
        const atLineEnd = k === chars.length - 1 && (!lastLine || rest === 0);
        let token: string;
        if (c > 0x20 && c < 0x7f && c !== 0x3d) token = ch;
        else if ((c === 0x20 || c === 0x09) && !atLineEnd) token = ch;
        else token = Array.from(encode(ch), (b) => '=' + b.toString(16).toUpperCase().padStart(2, '0')).join('');
        // Split long escape sequences only between bytes.
        for (const piece of token.length > 3 && token[0] === '=' ? token.match(/=[0-9A-F]{2}/g)! : [token]) {
          if (col + piece.length > QP_MAX_LINE_CHARS - 1) {
            out += '=' + eol;
            col = 0;
          }
          out += piece;
          col += piece.length;
        }
      });
      if (!lastLine) {
        out += eol;
        col = 0;
      }
    });
    if (col > 0 && rest > 0 && col + rest > QP_MAX_LINE_CHARS) out += '=' + eol;
    return out;
  };
}
