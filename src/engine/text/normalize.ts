/**
 * Case- and accent-folding for matching: `Spéciale` and `SPECIALE` both fold to `speciale`.
 * Folding keeps the length of the string, so offsets stay valid.
 */

const cache = new Map<number, string>();

function foldChar(code: number): string {
  let out = cache.get(code);
  if (out === undefined) {
    const ch = String.fromCharCode(code);
    if (ch === '\u2019' || ch === '\u02bc') out = "'";
    else {
      const stripped = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      const lower = ch.toLowerCase();
      out = stripped.length === 1 ? stripped : lower.length === 1 ? lower : ch;
    }
    cache.set(code, out);
  }
  return out;
}

/**
 * Texts at least this long are folded into a code-unit buffer and decoded once: visible text
 * always holds non-Latin-1 characters (block breaks), and String#toLowerCase is slow on such strings.
 */
export const FOLD_BUFFER_MIN_LENGTH = 256;
let utf16: TextDecoder | undefined;
const DECODE_SLICE = 1 << 24;

/** Lowercases and removes diacritics, character by character, keeping the length. */
export function fold(text: string): string {
  const n = text.length;
  if (n >= FOLD_BUFFER_MIN_LENGTH) return foldBuffered(text);
  let parts: string[] | undefined;
  let last = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    const f = foldCode(c);
    if (f === c) continue;
    parts ??= [];
    parts.push(text.slice(last, i).toLowerCase(), String.fromCharCode(f));
    last = i + 1;
  }
  if (!parts) return text.toLowerCase();
  parts.push(text.slice(last).toLowerCase());
  return parts.join('');
}

// A long text folded into a code-unit buffer, decoded once. Its own small function, with the
// folded codes read straight from their table: inside `fold`, the loop ran at half the speed.
function foldBuffered(text: string): string {
  const n = text.length;
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // 'A'–'Z' (65–90) plus 32, from the sign bits: a branch here mispredicted at every capital.
    if (c < 0x80) out[i] = c + ((((64 - c) & (c - 91)) >>> 31) << 5);
    else {
      const f = codes[c];
      out[i] = f !== 0 ? f : foldCode(c);
    }
  }
  return decodeFolded(out);
}

/**
 * `text.slice(from, to)` folded code unit by code unit, as {@link Words.hashes} hashes a word
 * and as `fold` folds a text of FOLD_BUFFER_MIN_LENGTH or more.
 */
export function foldSlice(text: string, from: number, to: number): string {
  if (to - from >= FOLD_BUFFER_MIN_LENGTH) return fold(text.slice(from, to));
  let out = '';
  for (let i = from; i < to; i++) out += String.fromCharCode(foldCode(text.charCodeAt(i)));
  return out;
}

/** The string of a buffer of folded code units (see {@link fold}). */
export function decodeFolded(out: Uint16Array): string {
  const n = out.length;
  // ignoreBOM: a U+FEFF at the start of the text (or of a slice) is a character to keep, not a
  // byte order mark to strip; stripping it would shorten the text and shift every offset after it.
  utf16 ??= new TextDecoder('utf-16le', { ignoreBOM: true });
  // Decoded in slices: one decode of a buffer over about 2^28 bytes throws. A slice never
  // ends between the two halves of a surrogate pair (folding keeps surrogates as they are).
  if (n <= DECODE_SLICE) return utf16.decode(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
  const pieces: string[] = [];
  for (let from = 0; from < n; ) {
    let to = Math.min(n, from + DECODE_SLICE);
    if (to < n && out[to - 1] >= 0xd800 && out[to - 1] <= 0xdbff) to--;
    pieces.push(utf16.decode(new Uint8Array(out.buffer, out.byteOffset + from * 2, (to - from) * 2)));
    from = to;
  }
  return pieces.join('');
}

// Folded code of each BMP character, filled on first use (0: not computed yet).
const codes = new Uint16Array(65536);

/** The folded form of one UTF-16 code unit (`É` → `e`), as a code unit. */
export function foldCode(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  let f = codes[c];
  if (f === 0) codes[c] = f = foldChar(c).charCodeAt(0);
  return f;
}

/**
 * `/\s/` on a character code, without a regular expression call or a one-character string (the
 * parsers test every character between names, values and declarations).
 */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The string lowercased; as is (no copy) when it has no capital or non-ASCII character, as CSS
 * property names and URL hosts nearly always are.
 */
export function lowerCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return s.toLowerCase();
  }
  return s;
}
