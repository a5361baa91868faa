import type { Header } from '../model';

/** An address written in a header, with its source range. */
export interface MailAddress {
  /** `user@example.fr` as written. */
  address: string;
  /** Lowercased domain ('' when the address has no `@`). */
  domain: string;
  start: number;
  end: number;
}

/**
 * The addresses of an address header (`From`, `Reply-To`, a front-matter `from:`), with
 * source ranges: `"Dupont, Jean" <jean@example.fr>, info@example.fr (Info)`. Display
 * names, quoted strings, comments and groups (RFC 5322 §3.4) are skipped.
 */
export function addressesOf(source: string, header: Header): MailAddress[] {
  const out: MailAddress[] = [];
  const from = header.valueStart;
  const to = header.valueEnd;
  let entryStart = from;
  let angle = -1;
  let found: MailAddress | undefined;
  const finishEntry = (end: number) => {
    if (!found) {
      // No angle brackets: the entry is a bare addr-spec, possibly with a comment.
      const text = stripComments(source.slice(entryStart, end));
      const m = bareAddress(text, ADDRESS_STOPS);
      if (m) found = make(text.slice(m.start, m.end), entryStart + m.start);
    }
    if (found) out.push(found);
    found = undefined;
    entryStart = end + 1;
  };
  for (let i = from; i < to; i++) {
    const c = source[i];
    if (c === '"') {
      i++;
      while (i < to && source[i] !== '"') i += source[i] === '\\' ? 2 : 1;
    } else if (c === '(') {
      let depth = 1;
      for (i++; i < to && depth > 0; i++) {
        if (source[i] === '\\') i++;
        else if (source[i] === '(') depth++;
        else if (source[i] === ')') depth--;
      }
      i--;
    } else if (c === '<') angle = i + 1;
    else if (c === '>' && angle >= 0) {
      const raw = source.slice(angle, i);
      const trimmed = raw.trim();
      if (trimmed.includes('@')) found = make(trimmed, angle + raw.indexOf(trimmed));
      angle = -1;
    } else if ((c === ',' || c === ';') && angle < 0) finishEntry(i);
    else if (c === ':' && angle < 0) entryStart = i + 1; // a group's display name
  }
  finishEntry(to);
  return out;
}

const ADDRESS_STOPS = '<>,;:"()';

/**
 * The first run of characters that are neither whitespace nor in `stops` and hold an `@` with
 * something on both sides: what `/[^\s<>,;:"()]+@[^\s<>,;:"()]+/` matches for these stops, found
 * by one scan (the regular expression rescanned a long run without `@` from each character).
 */
export function bareAddress(text: string, stops: string): { start: number; end: number } | undefined {
  const isStop = (ch: string) => stops.includes(ch) || /\s/.test(ch);
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isStop(text[i])) i++;
    const start = i;
    let inner = false;
    for (; i < text.length && !isStop(text[i]); i++) {
      if (text[i] === '@' && i > start && i + 1 < text.length && !isStop(text[i + 1])) inner = true;
    }
    if (inner) return { start, end: i };
  }
  return undefined;
}

function make(address: string, start: number): MailAddress {
  const clean = address.replace(/^mailto:/i, '');
  const offset = address.length - clean.length;
  const at = clean.lastIndexOf('@');
  return { address: clean, domain: at < 0 ? '' : clean.slice(at + 1).toLowerCase().replace(/\.$/, ''), start: start + offset, end: start + address.length };
}

// Comments become spaces, so offsets stay put.
function stripComments(text: string): string {
  let depth = 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    out += depth > 0 ? ' ' : ch;
    if (ch === ')' && depth > 0) depth--;
  }
  return out;
}
