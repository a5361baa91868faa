// SPF macros (RFC 7208 §7): parsing with the grammar's checks, and expansion.
import { detail, DetailError } from '../detail';

/** One piece of a macro-string. */
export type MacroToken =
  | { kind: 'literal'; text: string }
  | { kind: 'macro'; letter: string; upper: boolean; digits?: number; reverse: boolean; delimiters: string };

export class MacroSyntaxError extends DetailError {}

// RFC 7208 §7.1: macro-letter = s l o d i p h c r t v; c, r and t only in "exp" text (§7.2).
const DOMAIN_LETTERS = 'slodiphv';
const EXP_LETTERS = 'slodiphvcrt';

/**
 * Tokenises a macro-string. `exp` allows the letters c, r, t and spaces (explain-string).
 * Throws MacroSyntaxError on a bad `%` sequence or a forbidden letter.
 */
export function parseMacroString(text: string, exp = false): MacroToken[] {
  const tokens: MacroToken[] = [];
  let literal = '';
  const letters = exp ? EXP_LETTERS : DOMAIN_LETTERS;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    // macro-literal = %x21-24 / %x26-7E; explain-string adds SP.
    if (ch !== '%') {
      if (code < 0x20 || code > 0x7e || (code === 0x20 && !exp)) throw new MacroSyntaxError(detail('detail.invalidChar', { code: `U+${code.toString(16).padStart(4, '0').toUpperCase()}` }));
      literal += ch;
      continue;
    }
    const next = text[i + 1];
    if (next === '%') literal += '%';
    else if (next === '_') literal += ' ';
    else if (next === '-') literal += '%20';
    else if (next === '{') {
      const close = text.indexOf('}', i + 2);
      if (close < 0) throw new MacroSyntaxError(detail('detail.macroUnterminated'));
      const body = text.slice(i + 2, close);
      const m = /^([a-zA-Z])(\d*)(r?)([.\-+,/_=]*)$/i.exec(body);
      if (!m || !letters.includes(m[1].toLowerCase())) throw new MacroSyntaxError(detail('detail.macroInvalid', { macro: `%{${body}}` }));
      // RFC 7208 §7.3: the DIGIT transformer must be nonzero.
      if (m[2] && Number(m[2]) === 0) throw new MacroSyntaxError(detail('detail.macroInvalid', { macro: `%{${body}}` }));
      if (literal) tokens.push({ kind: 'literal', text: literal });
      literal = '';
      tokens.push({
        kind: 'macro',
        letter: m[1].toLowerCase(),
        upper: m[1] !== m[1].toLowerCase(),
        digits: m[2] ? Number(m[2]) : undefined,
        reverse: m[3] !== '',
        delimiters: m[4] || '.',
      });
      i = close;
      continue;
    } else throw new MacroSyntaxError(detail('detail.percent'));
    i++;
  }
  if (literal) tokens.push({ kind: 'literal', text: literal });
  return tokens;
}

/**
 * RFC 7208 §7.1 toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum ):
 * letters, digits and inner hyphens, not all digits. Scanned by hand: the grammar written as a
 * regex has overlapping quantifiers, and a 60,000-character label took minutes to reject.
 */
function endsWithTopLabel(text: string): boolean {
  let end = text.length;
  if (text.endsWith('.')) end--;
  let start = end;
  let letter = false;
  let hyphen = false;
  while (start > 0) {
    const c = text.charCodeAt(start - 1);
    const isDigit = c >= 0x30 && c <= 0x39;
    const isLetter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (!isDigit && !isLetter && c !== 0x2d) break;
    if (isLetter) letter = true;
    if (c === 0x2d) hyphen = true;
    start--;
  }
  // The label must be preceded by a "." and must not be empty.
  if (start === end || start === 0 || text[start - 1] !== '.') return false;
  if (text[start] === '-' || text[end - 1] === '-') return false;
  // Without a hyphen the label needs a letter; with one, the second form allows all digits.
  return letter || hyphen;
}

/**
 * Checks a domain-spec: a macro-string ending in a macro or in "." toplabel (RFC 7208 §7.1).
 * Throws MacroSyntaxError; returns the tokens.
 */
export function parseDomainSpec(text: string): MacroToken[] {
  if (!text) throw new MacroSyntaxError(detail('detail.emptyDomain'));
  const tokens = parseMacroString(text);
  const last = tokens[tokens.length - 1];
  // domain-end = ( "." toplabel [ "." ] ) / macro-expand. "%%", "%_" and "%-" are macro-expands
  // too, but they end up in literal text here; a literal ending that is no toplabel is invalid.
  if (last.kind === 'macro') return tokens;
  if (/%[%_-]$/.test(text)) return tokens;
  if (!endsWithTopLabel(text)) throw new MacroSyntaxError(detail('detail.badTopLabel', { domain: text }));
  return tokens;
}

/** Values the macro letters stand for during one evaluation. */
export interface MacroValues {
  sender: string;
  localPart: string;
  senderDomain: string;
  domain: string;
  /** `i`: dotted quad, or the 32 dot-separated nibbles of an IPv6 address. */
  ipDotted: string;
  /** `c`: the readable address. */
  ipReadable: string;
  /** `v`: "in-addr" or "ip6". */
  ipVersionLabel: string;
  helo: string;
  receiver: string;
  timestamp: number;
  /** `p`: the validated host name of the IP, looked up only when used. */
  validatedName: () => Promise<string>;
}

// RFC 7208 §7.3: uppercase macros are URL-escaped; everything outside the unreserved set of
// RFC 3986 §2.3 (ALPHA DIGIT - . _ ~) is escaped.
function urlEscape(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

// RFC 7208 §7.3 truncates an expanded name to 253 characters, so long literals are legal; but
// a record is under 64 KiB, and past twice that only repeated macros (a hostile record making
// the evaluation spend memory) can be at work.
export const MAX_EXPANSION_CHARS = 128 * 1024;

/** Expands parsed tokens; throws MacroSyntaxError when the result would exceed MAX_EXPANSION_CHARS. */
export async function expandTokens(tokens: MacroToken[], v: MacroValues): Promise<string> {
  let out = '';
  for (const t of tokens) {
    if (out.length > MAX_EXPANSION_CHARS) throw new MacroSyntaxError(detail('detail.macroTooLong', { max: MAX_EXPANSION_CHARS }));
    if (t.kind === 'literal') {
      out += t.text;
      continue;
    }
    let value: string;
    switch (t.letter) {
      case 's': value = v.sender; break;
      case 'l': value = v.localPart; break;
      case 'o': value = v.senderDomain; break;
      case 'd': value = v.domain; break;
      case 'i': value = v.ipDotted; break;
      case 'p': value = await v.validatedName(); break;
      case 'v': value = v.ipVersionLabel; break;
      case 'h': value = v.helo; break;
      case 'c': value = v.ipReadable; break;
      case 'r': value = v.receiver; break;
      case 't': value = String(v.timestamp); break;
      default: value = '';
    }
    if (t.digits !== undefined || t.reverse || t.delimiters !== '.') {
      // §7.3: split on any delimiter, optionally reverse, keep the N rightmost parts, join with ".".
      // regex-audit: safe, one character class of escaped delimiters, no quantifier
      let parts = value.split(new RegExp(`[${t.delimiters.replace(/[-\\\]^]/g, '\\$&')}]`));
      if (t.reverse) parts = parts.reverse();
      if (t.digits !== undefined && t.digits < parts.length) parts = parts.slice(parts.length - t.digits);
      value = parts.join('.');
    }
    if (value.length > MAX_EXPANSION_CHARS) throw new MacroSyntaxError(detail('detail.macroTooLong', { max: MAX_EXPANSION_CHARS }));
    out += t.upper ? urlEscape(value) : value;
  }
  if (out.length > MAX_EXPANSION_CHARS) throw new MacroSyntaxError(detail('detail.macroTooLong', { max: MAX_EXPANSION_CHARS }));
  return out;
}
