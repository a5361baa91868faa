import type { Header } from '../model';
import { decodeBytes } from './charset';

/** The header block of a message or MIME part, with where its body starts. */
export interface HeaderBlock {
  headers: Header[];
  /** Offset of the first body character (after the blank line), or the end of the range. */
  bodyStart: number;
  /** True when no blank line ends the block. */
  unterminated: boolean;
}

/**
 * Reads RFC 5322 header fields from `source[from, to)`, unfolding continuation lines and
 * decoding RFC 2047 encoded words. Lines that are not headers end the block.
 */
export function parseHeaderBlock(source: string, from = 0, to = source.length): HeaderBlock {
  const headers: Header[] = [];
  let pos = from;
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
    let eol = source.indexOf('\n', pos);
    if (eol < 0 || eol > to) eol = to;
    const lineEnd = eol > pos && source[eol - 1] === '\r' ? eol - 1 : eol;
    const next = Math.min(eol + 1, to);
    if (lineEnd === pos) {
      flush();
      return { headers, bodyStart: next, unterminated: false };
    }
    const first = source[pos];
    if ((first === ' ' || first === '\t') && current) {
      current.end = lineEnd;
    } else {
      const colon = source.indexOf(':', pos);
      const name = colon > pos && colon < lineEnd ? source.slice(pos, colon) : '';
      if (!/^[\x21-\x39\x3b-\x7e]+$/.test(name)) {
        // Not a header line: the body starts here (a missing blank line).
        flush();
        return { headers, bodyStart: pos, unterminated: true };
      }
      flush();
      let vs = colon + 1;
      while (vs < lineEnd && (source[vs] === ' ' || source[vs] === '\t')) vs++;
      current = { name, start: pos, valueStart: vs, end: lineEnd };
    }
    pos = next;
  }
  flush();
  return { headers, bodyStart: to, unterminated: true };
}

/** Removes header folding (CRLF before whitespace). */
export function unfold(raw: string): string {
  return raw.replace(/\r?\n(?=[ \t])/g, '');
}

const ENCODED_WORD = /=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=/g;

/** Decodes RFC 2047 encoded words (`=?utf-8?Q?Caf=C3=A9?=`); whitespace between adjacent words is dropped. */
export function decodeWords(value: string): string {
  if (!value.includes('=?')) return value;
  return value
    .replace(/(=\?[^?\s]+\?[QqBb]\?[^?\s]*\?=)\s+(?==\?[^?\s]+\?[QqBb]\?[^?\s]*\?=)/g, '$1')
    .replace(ENCODED_WORD, (whole, charset: string, enc: string, text: string) => {
      const bytes = enc.toUpperCase() === 'B' ? base64Bytes(text) : qBytes(text);
      if (!bytes) return whole;
      return decodeBytes(bytes, charset.replace(/\*.*$/, ''));
    });
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
