/**
 * Decodes bytes in a declared charset with the platform's `TextDecoder` (WHATWG encodings:
 * UTF-8, ISO-8859-x, windows-125x, KOI8, Shift_JIS, GB18030…). Unknown labels fall back to
 * UTF-8 and invalid sequences become U+FFFD: a draft is never lost to a charset.
 */
export function decodeBytes(bytes: Uint8Array, charset = 'utf-8'): string {
  const label = charset.trim().toLowerCase().replace(/^"|"$/g, '') || 'utf-8';
  try {
    return new TextDecoder(label === 'us-ascii' || label === 'ascii' ? 'windows-1252' : label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const NON_ASCII_RE = /[^\x00-\x7f]+/g;

/**
 * UTF-8 size of a string in bytes, without encoding it. ASCII is one byte a character, so only
 * the runs of other characters, found by the regex engine, are counted in JavaScript (a 3 MB
 * newsletter is nearly all ASCII).
 */
export function utf8Length(text: string): number {
  let n = text.length;
  NON_ASCII_RE.lastIndex = 0;
  for (let m = NON_ASCII_RE.exec(text); m; m = NON_ASCII_RE.exec(text)) n += nonAsciiLength(m[0]) - m[0].length;
  return n;
}

// A run of non-ASCII characters. A surrogate pair is 4 bytes; a lone high surrogate also
// counts 4 with what follows it (as before the regex split: ASCII after it adds the same 1).
function nonAsciiLength(run: string): number {
  let n = 0;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < run.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** How a charset decodes, for readers that map each decoded character back to its bytes. */
export interface Charset {
  /** WHATWG name (`utf-8`, `windows-1252`, `shift_jis`…). */
  name: string;
  /**
   * `utf-8`; `single` for one byte per character (ISO-8859-x, windows-125x, KOI8…); `multi`
   * for the other multi-byte encodings (Shift_JIS, GB18030, Big5, ISO-2022-JP, UTF-16…).
   */
  kind: 'utf-8' | 'single' | 'multi';
  /** False when the label is unknown (decoded as UTF-8). */
  known: boolean;
  /** For single-byte charsets: the character of each byte. */
  table?: readonly string[];
  /** Encodes text in this charset; undefined when it cannot (multi-byte other than UTF-8). */
  encode?(text: string): Uint8Array;
}

const MULTI_BYTE = new Set(['utf-16le', 'utf-16be', 'shift_jis', 'euc-jp', 'iso-2022-jp', 'gbk', 'gb18030', 'big5', 'euc-kr', 'replacement']);
const charsets = new Map<string, Charset>();

/** Looks a charset label up (case-insensitive, quotes and RFC 2231 language suffix ignored). */
export function charsetOf(label: string | undefined): Charset {
  const key = (label ?? '').trim().toLowerCase().replace(/^["']|["']$/g, '').split('*')[0] || 'utf-8';
  let cs = charsets.get(key);
  if (!cs) {
    cs = makeCharset(key);
    // Labels come from untrusted messages: keep the cache small.
    if (charsets.size < 200) charsets.set(key, cs);
  }
  return cs;
}

function makeCharset(key: string): Charset {
  let name: string;
  let known = true;
  try {
    name = new TextDecoder(key === 'us-ascii' || key === 'ascii' ? 'windows-1252' : key).encoding;
  } catch {
    name = 'utf-8';
    known = false;
  }
  if (name === 'utf-8') {
    const encoder = new TextEncoder();
    return { name, kind: 'utf-8', known, encode: (t) => encoder.encode(t) };
  }
  if (MULTI_BYTE.has(name)) return { name, kind: 'multi', known };
  const all = new Uint8Array(256);
  for (let i = 0; i < 256; i++) all[i] = i;
  const decoded = Array.from(new TextDecoder(name).decode(all));
  if (decoded.length !== 256) return { name, kind: 'multi', known };
  const reverse = new Map<string, number>();
  for (let i = 255; i >= 0; i--) if (decoded[i] !== '\uFFFD') reverse.set(decoded[i], i);
  return {
    name,
    kind: 'single',
    known,
    table: decoded,
    encode(text) {
      const out: number[] = [];
      // A character the charset lacks becomes "?", as mail clients do.
      for (const ch of text) out.push(reverse.get(ch) ?? 0x3f);
      return Uint8Array.from(out);
    },
  };
}
