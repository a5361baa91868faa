import type { EditTarget } from '../fix';
import { sourceEdit } from '../fix';
import type { HtmlAttribute, HtmlElement } from '../parse/html';
import type { Edit } from '../types';

/** A source range, and whether it holds exactly the characters asked for (so it can be edited). */
export interface ValueRange {
  start: number;
  end: number;
  exact: boolean;
}

// How many leading characters of the decoded value the source spells out as is. Entities
// (`&amp;` in a query string) or a transfer encoding break the one-to-one mapping after that.
function exactPrefix(source: string, a: HtmlAttribute): number {
  const raw = source.slice(a.valueStart, a.valueEnd);
  if (raw === a.value) return a.value.length;
  const n = Math.min(raw.length, a.value.length);
  let k = 0;
  while (k < n && raw.charCodeAt(k) === a.value.charCodeAt(k)) k++;
  return k;
}

/**
 * Source range of the characters `[from, to)` of an attribute's decoded value. When the source
 * does not spell those characters out one to one, the range falls back to the rest of the value
 * and is marked inexact (no edit may be made on it).
 */
export function attrValueRange(source: string, a: HtmlAttribute, from: number, to: number): ValueRange {
  const k = exactPrefix(source, a);
  if (to <= k) return { start: a.valueStart + from, end: a.valueStart + to, exact: true };
  return { start: a.valueStart + Math.min(from, k), end: a.valueEnd, exact: false };
}

/** An edit replacing the characters `[from, to)` of an attribute value; undefined when it cannot be exact. */
export function attrValueEdit(target: EditTarget, source: string, a: HtmlAttribute, from: number, to: number, newText: string): Edit | undefined {
  const r = attrValueRange(source, a, from, to);
  return r.exact ? sourceEdit(target, r.start, r.end, newText) : undefined;
}

/** An edit removing an attribute together with the whitespace before it. */
export function removeAttributeEdit(target: EditTarget, source: string, el: HtmlElement, a: HtmlAttribute): Edit | undefined {
  let start = a.start;
  while (start > el.nameEnd && /[ \t\r\n\f]/.test(source[start - 1])) start--;
  return sourceEdit(target, start, a.end, '');
}

/**
 * An edit removing an element, from its `<` to the end of its end tag. When the element is alone
 * on its line(s), the line goes too, so no blank indented line is left behind.
 */
export function removeElementEdit(target: EditTarget, source: string, el: HtmlElement): Edit | undefined {
  let start = el.start;
  let end = el.end;
  let a = start;
  while (a > 0 && (source[a - 1] === ' ' || source[a - 1] === '\t')) a--;
  let b = end;
  while (b < source.length && (source[b] === ' ' || source[b] === '\t')) b++;
  if ((a === 0 || source[a - 1] === '\n') && (b === source.length || source[b] === '\n' || source[b] === '\r')) {
    start = a;
    end = b;
    if (source[end] === '\r') end++;
    if (source[end] === '\n') end++;
  }
  return sourceEdit(target, start, end, '');
}

/** The range of an element's start tag, `<tag …>`, to report on. */
export function startTag(el: HtmlElement): { start: number; end: number } {
  return { start: el.start, end: Math.max(el.openEnd, el.nameEnd) };
}

/** A length read from an HTML attribute or a CSS value. */
export interface Length {
  value: number;
  unit: 'px' | '%';
  /** Offsets of the number in the string it was read from. */
  numberStart: number;
  numberEnd: number;
}

// Matched on the value without its surrounding whitespace (`trim` strips exactly `\s`): two
// `\s*` side by side at the end made a run of tabs cost time quadratic in its length.
const ATTR_LENGTH_RE = /^(\d+(?:\.\d+)?|\.\d+)\s*(px|%)?$/i;
const CSS_LENGTH_RE = /^([+-]?(?:\d+(?:\.\d+)?|\.\d+))(px|pt|%)?$/i;

/** Reads an HTML `width`/`height` attribute: `600`, `600px` (pixels) or `100%`. */
export function attrLength(value: string): Length | undefined {
  const m = ATTR_LENGTH_RE.exec(value.trim());
  if (!m) return undefined;
  const numberStart = value.length - value.trimStart().length;
  return { value: Number(m[1]), unit: m[2] === '%' ? '%' : 'px', numberStart, numberEnd: numberStart + m[1].length };
}

/**
 * Reads a CSS length in pixels or percent: `600px`, `0`, `12pt` (converted, 1pt = 4/3 px), `50%`.
 * Relative units (em, vw) and keywords give undefined: their size depends on the client.
 */
export function cssLength(value: string): Length | undefined {
  const trimmedStart = value.trimStart();
  const m = CSS_LENGTH_RE.exec(trimmedStart.trimEnd());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  if (unit === '' && n !== 0) return undefined; // unitless non-zero lengths are invalid CSS
  const numberStart = value.length - trimmedStart.length;
  const base = { numberStart, numberEnd: numberStart + m[1].length };
  if (unit === '%') return { value: n, unit: '%', ...base };
  return { value: unit === 'pt' ? (n * 4) / 3 : n, unit: 'px', ...base };
}
