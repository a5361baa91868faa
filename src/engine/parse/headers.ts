import type { Header } from '../model';
import { decodeBytes } from './charset';

/** The header block of a message or MIME part, with where its body starts. */
export interface HeaderBlock {
  headers: Header[];
  /** Offset of the first body character (after the blank line), or the end of the range. */
  bodyStart: number;
  /** True when no blank line ends the block. */
  unterminated: boolean;
  /** Offsets of lines inside the block that are not header fields (skipped). */
  badLines: number[];
}

/** Options of {@link parseHeaderBlock}. */
export interface HeaderBlockOptions {
  /** True for a line that ends the block at once (a MIME boundary of an enclosing part). */
  stopAt?(lineStart: number, lineEnd: number): boolean;
  /** Top of a file: skip a byte order mark, leading blank lines and an mbox `From ` line. */
  top?: boolean;
}

// RFC 5322 §3.6.8: a field name is printable ASCII except ":"; obsolete syntax (§4.5) allows
// whitespace before the colon.
const FIELD_RE = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:/;
// Lines are read one at a time; a field longer than this is still read, only not matched as a whole.
const NAME_PROBE_CHARS = 200;

/**
 * Reads RFC 5322 header fields from `source[from, to)`, unfolding continuation lines and
 * decoding RFC 2047 encoded words. A line that is not a field is skipped when a field follows
 * it (8-bit garbage, a stray word); otherwise it ends the block (a missing blank line).
 */
export function parseHeaderBlock(source: string, from = 0, to = source.length, options: HeaderBlockOptions = {}): HeaderBlock {
  const headers: Header[] = [];
  const badLines: number[] = [];
  let pos = from;
  if (options.top) {
    if (source.charCodeAt(pos) === 0xfeff) pos++;
    while (pos < to) {
      const eol = lineEndAt(source, pos, to);
      if (eol.lineEnd !== pos || eol.next === pos) break;
      pos = eol.next;
    }
    if (source.startsWith('From ', pos)) pos = lineEndAt(source, pos, to).next;
  }
  let current: { name: string; start: number; valueStart: number; end: number } | undefined;
  const flush = () => {
    if (!current) return;
    const raw = source.slice(current.valueStart, current.end);
    headers.push({
      name: current.name,
      key: current.name.toLowerCase(),
      value: decodeWords(unfold(raw)).trim(),
      start: current.start,
      end: current.end,
      valueStart: current.valueStart,
      valueEnd: current.end,
    });
    current = undefined;
  };
  while (pos < to) {
    const { lineEnd, next } = lineEndAt(source, pos, to);
    if (lineEnd === pos) {
      flush();
      return { headers, bodyStart: next, unterminated: false, badLines };
    }
    if (options.stopAt?.(pos, lineEnd)) break;
    const first = source.charCodeAt(pos);
    if ((first === 0x20 || first === 0x09) && current) {
      current.end = lineEnd;
    } else {
      const m = FIELD_RE.exec(source.slice(pos, Math.min(lineEnd, pos + NAME_PROBE_CHARS)));
      if (!m) {
        // Not a field. Skip it when a field follows (garbage inside the block), else the body starts here.
        const after = lineEndAt(source, next, to);
        const following = next < to ? source.slice(next, Math.min(after.lineEnd, next + NAME_PROBE_CHARS)) : '';
        if ((options.top || headers.length > 0 || current) && FIELD_RE.test(following) && !options.stopAt?.(next, after.lineEnd)) {
          flush();
          badLines.push(pos);
          pos = next;
          continue;
        }
        break;
      }
      flush();
      let vs = pos + m[0].length;
      while (vs < lineEnd && (source[vs] === ' ' || source[vs] === '\t')) vs++;
      current = { name: m[1], start: pos, valueStart: vs, end: lineEnd };
    }
    pos = next;
  }
  flush();
  return { headers, bodyStart: Math.min(pos, to), unterminated: true, badLines };
}

/** End of the line at `pos` (without CR LF) and the start of the next one, within `to`. */
export function lineEndAt(source: string, pos: number, to: number): { lineEnd: number; next: number } {
  let eol = source.indexOf('\n', pos);
  if (eol < 0 || eol >= to) return { lineEnd: to > pos && source[to - 1] === '\r' ? to - 1 : to, next: to };
  return { lineEnd: eol > pos && source[eol - 1] === '\r' ? eol - 1 : eol, next: eol + 1 };
}

/** Removes header folding (CRLF before whitespace). */
export function unfold(raw: string): string {
  return raw.replace(/\r?\n(?=[ \t])/g, '');
}

const ENCODED_WORD = /=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=/g;

/**
 * Decodes RFC 2047 encoded words (`=?utf-8?Q?Caf=C3=A9?=`). Whitespace between adjacent
 * words is dropped (§6.2), and adjacent words in the same charset are decoded together, so a
 * character split across two words (as some mailers do) survives.
 */
export function decodeWords(value: string): string {
  if (!value.includes('=?')) return value;
  return decodeWordPieces(value)
    .map((p) => p.text)
    .join('');
}

/** A piece of a decoded header value: literal text or decoded encoded words, with its range in the raw value. */
export interface WordPiece {
  text: string;
  start: number;
  end: number;
  encoded: boolean;
}

/** Decodes encoded words like {@link decodeWords}, keeping where each piece was written. */
export function decodeWordPieces(value: string): WordPiece[] {
  const pieces: WordPiece[] = [];
  let last = 0;
  let pending: { charset: string; bytes: number[]; start: number; end: number } | undefined;
  const flushPending = () => {
    if (pending) pieces.push({ text: decodeBytes(Uint8Array.from(pending.bytes), pending.charset), start: pending.start, end: pending.end, encoded: true });
    pending = undefined;
  };
  const literal = (from: number, to: number) => {
    if (to > from) pieces.push({ text: value.slice(from, to), start: from, end: to, encoded: false });
  };
  ENCODED_WORD.lastIndex = 0;
  for (let m = ENCODED_WORD.exec(value); m; m = ENCODED_WORD.exec(value)) {
    const gapIsSpace = /^[ \t\r\n]*$/.test(value.slice(last, m.index));
    if (pending && !gapIsSpace) flushPending();
    if (!pending) literal(last, m.index);
    const charset = m[1].split('*')[0].toLowerCase(); // RFC 2231 language suffix
    const bytes = m[2].toUpperCase() === 'B' ? base64Bytes(m[3]) : qBytes(m[3]);
    const end = m.index + m[0].length;
    if (!bytes) {
      flushPending();
      literal(m.index, end);
    } else if (pending && pending.charset === charset) {
      for (const b of bytes) pending.bytes.push(b);
      pending.end = end;
    } else {
      flushPending();
      pending = { charset, bytes: Array.from(bytes), start: m.index, end };
    }
    last = end;
  }
  flushPending();
  literal(last, value.length);
  return pieces;
}

function qBytes(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '_') out.push(0x20);
    else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(c.charCodeAt(0) & 0xff);
  }
  return Uint8Array.from(out);
}

/** Decodes base64, ignoring whitespace and stray characters; undefined when nothing is left. */
export function base64Bytes(text: string): Uint8Array | undefined {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const usable = clean.slice(0, clean.length - (clean.length % 4 === 1 ? 1 : 0));
  if (!usable) return undefined;
  try {
    const bin = atob(usable + '='.repeat((4 - (usable.length % 4)) % 4));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

/** A structured header value such as `Content-Type` or `Content-Disposition`. */
export interface StructuredValue {
  /** The main value, lowercased, without parameters (`multipart/mixed`, `attachment`). */
  value: string;
  /** Parameters by lowercase name, RFC 2231 continuations joined and decoded. */
  params: Map<string, string>;
  /** Every raw value given for a parameter, in order (`boundary` may be declared twice). */
  raw: Map<string, string[]>;
}

/**
 * Parses `type/subtype; name="value"; name*=utf-8''%C3%A9` from a raw (undecoded) header
 * value. Tolerates what real mailers write: unterminated quotes, spaces around `=`,
 * comments, RFC 2047 words inside quoted values (Outlook's filenames).
 */
export function parseStructured(rawValue: string): StructuredValue {
  const text = unfold(rawValue);
  const params = new Map<string, string>();
  const raw = new Map<string, string[]>();
  let i = 0;
  const n = text.length;
  const readUntilSemicolon = () => {
    let out = '';
    while (i < n && text[i] !== ';') {
      if (text[i] === '(') i = skipComment(text, i);
      else out += text[i++];
    }
    return out.trim();
  };
  const value = readUntilSemicolon().toLowerCase();
  const sections = new Map<string, Array<{ index: number; extended: boolean; value: string }>>();
  while (i < n) {
    while (i < n && (text[i] === ';' || text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= n) break;
    let name = '';
    while (i < n && text[i] !== '=' && text[i] !== ';') name += text[i++];
    name = name.trim().toLowerCase();
    if (i >= n || text[i] === ';') continue;
    i++; // '='
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    let v: string;
    if (text[i] === '"') {
      i++;
      v = '';
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < n) i++;
        v += text[i++];
      }
      i++;
      readUntilSemicolon(); // junk after the closing quote
    } else {
      v = readUntilSemicolon();
    }
    if (!name) continue;
    const list = raw.get(name);
    if (list) list.push(v);
    else raw.set(name, [v]);
    const m = /^([^*]+)(?:\*(\d+))?(\*)?$/.exec(name);
    if (!m) continue;
    const base = m[1];
    let secs = sections.get(base);
    if (!secs) sections.set(base, (secs = []));
    secs.push({ index: m[2] === undefined ? -1 : Number(m[2]), extended: m[3] === '*', value: v });
  }
  for (const [base, secs] of sections) {
    params.set(base, joinSections(base, secs));
  }
  return { value, params, raw };
}

function skipComment(text: string, i: number): number {
  let depth = 0;
  for (; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i + 1;
  }
  return i;
}

// RFC 2231 §3–4: `name*0*=utf-8''%E2%82%AC; name*1=" more"`. A plain `name` loses to `name*`.
function joinSections(base: string, secs: Array<{ index: number; extended: boolean; value: string }>): string {
  const plain = secs.find((s) => s.index === -1 && !s.extended);
  const single = secs.find((s) => s.index === -1 && s.extended);
  let parts = secs.filter((s) => s.index >= 0).sort((a, b) => a.index - b.index);
  if (single) parts = [{ ...single, index: 0 }];
  if (parts.length === 0) return plain ? (base === 'boundary' ? plain.value : decodeWords(plain.value)) : '';
  let charset = 'utf-8';
  const bytes: number[] = [];
  parts.forEach((p, k) => {
    let v = p.value;
    if (p.extended) {
      if (k === 0) {
        const q1 = v.indexOf("'");
        const q2 = q1 < 0 ? -1 : v.indexOf("'", q1 + 1);
        if (q2 >= 0) {
          charset = v.slice(0, q1) || 'utf-8';
          v = v.slice(q2 + 1);
        }
      }
      for (let j = 0; j < v.length; j++) {
        if (v[j] === '%' && /^[0-9A-Fa-f]{2}$/.test(v.slice(j + 1, j + 3))) {
          bytes.push(parseInt(v.slice(j + 1, j + 3), 16));
          j += 2;
        } else pushUtf8(bytes, v[j]);
      }
    } else for (const ch of v) pushUtf8(bytes, ch);
  });
  return decodeBytes(Uint8Array.from(bytes), charset);
}

const utf8 = new TextEncoder();

function pushUtf8(out: number[], ch: string): void {
  const c = ch.charCodeAt(0);
  if (c < 0x80) out.push(c);
  else for (const b of utf8.encode(ch)) out.push(b);
}
