import type { DraftModel } from '../model';
import type { HtmlDocument } from '../parse/html';
import { BLOCK_BREAK } from '../text/view';
import type { SpellLanguage } from './speller';

/** What a stretch of text is checked as: a language, or `null` for "do not check". */
export type Marked = SpellLanguage | null;

// Codes painted over the text: 0 inherits, then French, English, and "skip" (another language,
// code, spellcheck="false").
const INHERIT = 0;
const FR = 1;
const EN = 2;
const SKIP = 3;

// Elements whose text is code or machine text, never prose.
const CODE_ELEMENTS = new Set(['code', 'pre', 'kbd', 'samp', 'var', 'tt']);
// Nested `lang` elements are painted one over the other; a hostile draft with thousands of
// nested ones would make that quadratic, so past this many the rest inherit.
const MAX_MARKED_ELEMENTS = 500;

/** Reads a BCP 47 tag: French, English, another language (null), or undefined when empty. */
export function languageOfTag(tag: string | undefined): Marked | undefined {
  const t = tag?.trim().toLowerCase();
  if (!t) return undefined;
  if (t === 'fr' || t.startsWith('fr-') || t.startsWith('fr_')) return 'fr';
  if (t === 'en' || t.startsWith('en-') || t.startsWith('en_')) return 'en';
  return null;
}

/**
 * The language a draft declares for all its text: `lang` on `<html>` or `<body>`, else a
 * `Content-Language` header (or front-matter key), else undefined. Another language is `null`.
 */
export function declaredDraftLanguage(model: DraftModel): Marked | undefined {
  for (const part of model.parts) {
    for (const name of ['body', 'html']) {
      const el = part.html?.byName(name)[0];
      const tag = el?.attrs.find((a) => a.name === 'lang' || a.name === 'xml:lang')?.value;
      const lang = languageOfTag(tag);
      if (lang !== undefined) return lang;
    }
  }
  for (const key of ['content-language', 'lang', 'language']) {
    const h = model.header(key);
    // Content-Language may list several languages (RFC 3282): the first one leads.
    const lang = languageOfTag(h?.value.split(',')[0]);
    if (lang !== undefined) return lang;
  }
  return undefined;
}

/**
 * Per character of a body view: the language its nearest marked element declares (`lang`),
 * or "skip" for code and `spellcheck="false"`; undefined when nothing is marked.
 */
export function paintMarks(html: HtmlDocument | undefined, length: number): Uint8Array | undefined {
  if (!html) return undefined;
  let marks: Uint8Array | undefined;
  let painted = 0;
  for (const el of html.elements) {
    if (el.name === 'html' || el.name === 'body' || el.textEnd <= el.textStart) continue;
    let code = INHERIT;
    if (CODE_ELEMENTS.has(el.name)) code = SKIP;
    for (const a of el.attrs) {
      if ((a.name === 'spellcheck' && a.value.trim().toLowerCase() === 'false') || (a.name === 'translate' && a.value.trim().toLowerCase() === 'no')) code = SKIP;
      else if ((a.name === 'lang' || a.name === 'xml:lang') && code !== SKIP) {
        const lang = languageOfTag(a.value);
        if (lang !== undefined) code = lang === 'fr' ? FR : lang === 'en' ? EN : SKIP;
      }
    }
    if (code === INHERIT) continue;
    if (++painted > MAX_MARKED_ELEMENTS) break;
    marks ??= new Uint8Array(length);
    marks.fill(code, el.textStart, Math.min(el.textEnd, length));
  }
  return marks;
}

/** The mark at a text offset: a language, null (skip), or undefined (inherit). */
export function markAt(marks: Uint8Array | undefined, i: number): Marked | undefined {
  const c = marks ? marks[i] : INHERIT;
  return c === INHERIT ? undefined : c === FR ? 'fr' : c === EN ? 'en' : null;
}

// Frequent function words that rarely occur in the other language (folded: no accents).
const FR_WORDS = new Set(['le', 'la', 'les', 'des', 'du', 'et', 'est', 'une', 'pour', 'vous', 'votre', 'vos', 'nous', 'avec', 'dans', 'sur', 'pas', 'qui', 'que', 'ce', 'cette', 'au', 'aux', 'sont', 'plus', 'par', 'notre', 'nos', 'mais', 'tres', 'sera', 'ont', 'leur', 'elle', 'il']);
const EN_WORDS = new Set(['the', 'and', 'is', 'are', 'you', 'your', 'for', 'with', 'this', 'that', 'we', 'our', 'of', 'to', 'in', 'it', 'be', 'have', 'has', 'will', 'not', 'from', 'at', 'by', 'an', 'or', 'was', 'were', 'can', 'if', 'all', 'more', 'they', 'their']);

// A paragraph overrides the draft's language only on clear evidence: at least this many
// function words of one language, and this many times more than of the other.
const MIN_FUNCTION_WORDS = 3;
const DOMINANCE = 3;

/**
 * The language of one block of text from its function words, when the evidence is clear
 * (`fr`/`en`), else undefined. Linear in the block's length.
 */
export function detectBlockLanguage(text: string, from: number, to: number): SpellLanguage | undefined {
  let fr = 0;
  let en = 0;
  let start = -1;
  // Whether the word has a letter beyond ASCII: only then can it carry an accent to remove.
  let accented = false;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      if (start < 0) start = i;
      continue;
    }
    if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) {
      if (start < 0) start = i;
      accented = true;
      continue;
    }
    if (start >= 0 && i - start <= 5) {
      const lower = text.slice(start, i).toLowerCase();
      const w = accented ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower;
      if (FR_WORDS.has(w)) fr++;
      else if (EN_WORDS.has(w)) en++;
    }
    start = -1;
    accented = false;
  }
  if (fr >= MIN_FUNCTION_WORDS && fr >= DOMINANCE * en) return 'fr';
  if (en >= MIN_FUNCTION_WORDS && en >= DOMINANCE * fr) return 'en';
  return undefined;
}

/** Block ranges `[from, to)` of a view's text, split at block breaks. */
export function blocks(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = text.indexOf(BLOCK_BREAK); i >= 0; i = text.indexOf(BLOCK_BREAK, i + 1)) {
    if (i > start) out.push([start, i]);
    start = i + 1;
  }
  if (text.length > start) out.push([start, text.length]);
  return out;
}
