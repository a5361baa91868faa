import type { DraftModel } from '../model';
import { MERGE_TAG_MASK, type TextView } from '../text/view';
import { blocks, declaredDraftLanguage, detectBlockLanguage, type Marked, markAt, paintMarks } from './language';
import { cachedCheck, type SpellLanguage, type Speller } from './speller';
import { EMAIL_VOCABULARY } from './vocabulary';

/** A word the spell checker does not know, or a known confusion (`a` for `à`). */
export interface Misspelling {
  /** `subject`, or the index of the body part. */
  view: string;
  /** Text range of the word in its view. */
  from: number;
  to: number;
  word: string;
  lang: SpellLanguage;
  /** The correction when it is certain from context (accents); else computed on demand. */
  replacement?: string;
}

/** What to check a draft with. */
export interface SpellOptions {
  speller: Speller;
  /** Forces the language of the text not marked with `lang`. */
  language?: SpellLanguage;
  /** Extra correct words (brands, names), any case. */
  words?: readonly string[];
  /** Stop after this many misspellings. */
  max?: number;
}

/** Result of a check: the misspellings found, and whether the cap cut the list short. */
export interface SpellResult {
  misspellings: Misspelling[];
  truncated: boolean;
  /** Words looked up in the dictionary. */
  checked: number;
}

// Findings past this many per draft are noise: the writer needs the first ones, and a draft
// in another language would otherwise flood the editor. One under the engine's cap on findings
// per rule (MAX_FINDINGS_PER_RULE in lint.ts, 100), so that spelling's own summary, which asks
// whether the draft is in another language, is the one the writer sees.
export const MAX_MISSPELLINGS = 99;
// No word is longer than this in French or English prose; longer runs are ids or base64.
const MAX_WORD_CHARS = 40;
// A user word list longer than this is not a list of names and jargon.
const MAX_USER_WORDS = 20_000;

const VOCABULARY = new Set(EMAIL_VOCABULARY.map((w) => w.toLowerCase()));

// Character classes, cached per BMP code point: 1 letter, 2 apostrophe, 3 hyphen, 4 other.
const LETTER = 1;
const APOSTROPHE = 2;
const HYPHEN = 3;
const OTHER = 4;
const classes = new Uint8Array(65536);
function classOf(c: number): number {
  let k = classes[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = c === 0x27 || c === 0x2019 ? APOSTROPHE : c === 0x2d || c === 0x2011 ? HYPHEN : /[\p{L}\p{M}]/u.test(ch) ? LETTER : OTHER;
    classes[c] = k;
  }
  return k;
}

// A chunk (between spaces) holding one of these is not prose: an address, a URL or path, a
// file name, a code, markup or template syntax the mask did not cover, a hashtag or mention.
function isMachineText(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true; // digits: codes, references, dates
    switch (c) {
      case 0x40: // @
      case 0x2f: // /
      case 0x5c: // \
      case 0x3d: // =
      case 0x5f: // _
      case 0x23: // #
      case 0x26: // &
      case 0x3c: // <
      case 0x3e: // >
      case 0x7b: // {
      case 0x7d: // }
      case 0x7c: // |
      case 0x5b: // [
      case 0x5d: // ]
      case 0x25: // %
      case 0x24: // $
      case 0x2b: // +
      case 0x7e: // ~
      case 0x5e: // ^
      case 0x60: // `
      case 0x2a: // *
      case 0x3a: // : (mailto:, https:, Note: is stripped before)
      case 0x2e: // . inside a chunk: a domain, a file name, an abbreviation
      case 0x28: // ( inside a chunk: `inscrit(e)s`, `park(ing)`, `f(x)`
      case 0x29:
        return true;
    }
    if (c === MERGE_TAG_MASK.charCodeAt(0)) return true;
  }
  return false;
}

// Punctuation that may open or close a word without being part of it.
const LEAD = new Set([...'([{"«“‘\'¿¡-–—*_•·']);
const TRAIL = new Set([...')]}"»”’\'.,;:!?…-–—*_•·']);

function hasSentenceEnd(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026) return true;
  }
  return false;
}

function isLinkReference(text: string, from: number, to: number): boolean {
  for (let i = from; i + 1 < to; i++) {
    if (text.charCodeAt(i) === 0x5d && (text.charCodeAt(i + 1) === 0x3a || text.charCodeAt(i + 1) === 0x28)) return true;
  }
  return false;
}

function isWhite(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2029 || c === 0x202f || c === 0x2009 || c === 0x200b || c === 0x2007 || c === 0x3000 || c === 0xfeff;
}

const ELISIONS_FR = ['jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu', 'quelqu', 'qu', 'c', 'd', 'j', 'l', 'm', 'n', 's', 't'];

// `a` (has) where `à` (to, at) is meant, French: "a bientôt", "a partir de", "jusqu'a".
const A_GRAVE_NEXT = new Set(['bientôt', 'demain', 'partir', 'propos', 'cause', 'travers', 'nouveau', 'présent', 'savoir', 'noter', 'venir', 'condition', 'compter', 'moins', 'peine', 'suivre', 'découvrir', 'vous', 'toi', 'moi', 'lui', 'eux', 'chacun', 'chacune', 'domicile', 'volonté', 'disposition', "l'adresse", 'l’adresse']);
const A_GRAVE_PREV = new Set(['grâce', 'quant', 'jusqu', 'face']);
// Infinitives follow `à`, never `a` (which takes a past participle): "a découvrir" is a typo.
const NOT_INFINITIVES = new Set(['hier', 'cher', 'fier', 'amer', 'premier', 'dernier', 'entier', 'léger', 'super', 'hiver', 'laser', 'poster', 'cancer', 'quartier', 'dossier', 'papier', 'métier', 'panier', 'courrier', 'clavier', 'chantier', 'atelier', 'cahier', 'collier', 'sentier', 'foyer', 'loyer', 'danger', 'plaisir', 'loisir', 'désir', 'souvenir', 'avenir', 'soupir', 'leader', 'manager', 'designer', 'flyer', 'poker', 'bonnier', 'particulier', 'régulier', 'singulier', 'familier', 'printanier', 'saisonnier']);

function looksInfinitive(w: string): boolean {
  if (w.length < 4 || NOT_INFINITIVES.has(w)) return false;
  return /(?:er|ir|oir|endre|ondre|aire|ire|ttre|oître|aître|uire)$/.test(w);
}

// Prefixes written with a hyphen that dictionaries do not list alone (`pre-release`, `socio-`).
const PREFIXES = new Set(['pre', 're', 'un', 'non', 'co', 'anti', 'auto', 'multi', 'micro', 'macro', 'mini', 'maxi', 'semi', 'bio', 'eco', 'éco', 'socio', 'néo', 'neo', 'post', 'pré', 'inter', 'extra', 'ultra', 'super', 'sub', 'self', 'cross', 'over', 'under', 'mid', 'cyber', 'mega', 'méga', 'meta', 'méta', 'pseudo', 'quasi', 'ex', 'vice', 'demi', 'mi', 'sous', 'sur', 'contre', 'entre', 'néo', 'franco', 'euro', 'agro', 'géo', 'hydro', 'info', 'photo', 'télé', 'vidéo']);

// Template syntax that the view did not mask (it masks one-line tags): comments and tags over
// several lines. Searched up to this far from the opener.
const TEMPLATE_SPANS: Array<[string, string]> = [['{#', '#}'], ['{%', '%}'], ['{{', '}}'], ['<%', '%>'], ['{!', '!}']];
const MAX_TEMPLATE_SPAN_CHARS = 2000;

/** Text ranges of multi-line template tags and comments, sorted; linear in the text length. */
function templateSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [open, close] of TEMPLATE_SPANS) {
    let nextClose = -1;
    for (let i = text.indexOf(open); i >= 0; i = text.indexOf(open, i + open.length)) {
      if (nextClose < i + open.length) nextClose = text.indexOf(close, i + open.length);
      if (nextClose < 0) break;
      if (nextClose - i > MAX_TEMPLATE_SPAN_CHARS) continue;
      out.push([i, nextClose + close.length]);
      i = nextClose;
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

// A block of CSS in the text (a template's style block outside <style>, a text part):
// braces and several `name: value;` declarations.
function looksLikeCss(text: string, from: number, to: number): boolean {
  let braces = 0;
  let semis = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x7d) braces++;
    else if (c === 0x3b) semis++;
  }
  return braces >= 2 && semis >= 2;
}

// Letter case per BMP code point, cached: 1 lowercase, 2 uppercase, 3 caseless.
const cases = new Uint8Array(65536);
function caseOf(c: number): number {
  let k = cases[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = ch.toLowerCase() === ch.toUpperCase() ? 3 : ch === ch.toUpperCase() ? 2 : 1;
    cases[c] = k;
  }
  return k === 3 ? 0 : k;
}

// The 1990 spelling reform (Conseil supérieur de la langue française, Journal officiel of
// 6 December 1990) dropped the circumflex on i and u (`fraicheur`, `décroit`, `aout`) and
// writes è in some words (`règlementaire`); the Hunspell dictionary is the classic one, so a
// word is right when one such letter put back makes a dictionary word.
const RECTIFIED: Record<string, string> = { i: 'î', u: 'û', è: 'é' };
const MAX_RECTIFIED_TRIES = 12;
function rectified(word: string, check: (w: string) => boolean): boolean {
  let tries = 0;
  for (let i = 0; i < word.length && tries < MAX_RECTIFIED_TRIES; i++) {
    const r = RECTIFIED[word[i]];
    if (!r) continue;
    tries++;
    if (check(word.slice(0, i) + r + word.slice(i + 1))) return true;
  }
  return false;
}

// `xxxxxx`, `aaaa`: placeholders, not words.
function isRepeatedLetter(word: string): boolean {
  if (word.length < 3) return false;
  const first = word[0].toLowerCase();
  for (let i = 1; i < word.length; i++) if (word[i].toLowerCase() !== first) return false;
  return true;
}

/**
 * Finds the misspelled words of a draft's visible text and subject. Skips what is not prose:
 * merge tags, URLs, addresses, codes, file names, words in capitals or with inner capitals,
 * names, code elements, `spellcheck="false"` and passages marked with another `lang`.
 */
export function findMisspellings(model: DraftModel, options: SpellOptions): SpellResult {
  const { speller } = options;
  const max = options.max ?? MAX_MISSPELLINGS;
  const user = new Set((options.words ?? []).slice(0, MAX_USER_WORDS).map((w) => w.toLowerCase()));
  const declared = declaredDraftLanguage(model);
  // A draft declared in a language without a dictionary here is left alone, unless forced.
  const draftLang: Marked = options.language ?? (declared === undefined ? model.language : declared);
  // Unknown capitalised words that open a sentence: reported at the end unless the draft also
  // writes them capitalised inside a sentence (then they are names).
  const found: Array<Misspelling & { capital?: boolean }> = [];
  const names = new Set<string>();
  let checked = 0;

  const known = (word: string, lang: SpellLanguage): boolean => {
    const lower = word.toLowerCase();
    if (VOCABULARY.has(lower) || user.has(lower)) return true;
    checked++;
    if (cachedCheck(speller, word, lang)) return true;
    // Typographic and straight apostrophes are the same letter to a reader.
    if (word.includes('’') && cachedCheck(speller, word.replace(/’/g, "'"), lang)) return true;
    if (word.includes("'") && cachedCheck(speller, word.replace(/'/g, '’'), lang)) return true;
    return lang === 'fr' && rectified(word, (w) => cachedCheck(speller, w, 'fr'));
  };

  const report = (view: string, from: number, to: number, word: string, lang: SpellLanguage, replacement?: string, capital?: boolean) => {
    // Bounded even before names are filtered out: a draft in another language stops here.
    if (found.length >= 4 * max) return;
    found.push({ view, from, to, word, lang, ...(replacement !== undefined ? { replacement } : {}), ...(capital ? { capital } : {}) });
  };

  // Checks one word (letters, apostrophes, hyphens) at [from, to); `sentenceStart` when it
  // opens a sentence. Returns the unknown capitalised word it left for later, if any.
  const checkWord = (viewKey: string, text: string, from: number, to: number, lang: SpellLanguage, sentenceStart: boolean): Misspelling | undefined => {
    if (to - from < 2 || to - from > MAX_WORD_CHARS) return undefined;
    const word = text.slice(from, to);
    let upper = 0;
    let lower = 0;
    let innerUpper = false;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      const k = c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : c < 128 ? 0 : caseOf(c);
      if (k === 1) lower++;
      else if (k === 2) {
        upper++;
        if (i > 0 && classOf(word.charCodeAt(i - 1)) === LETTER) innerUpper = true;
      }
    }
    // Acronyms, shouted words (all-caps reports those) and brand-like CamelCase are not checked.
    if (lower === 0 || innerUpper || isRepeatedLetter(word)) return undefined;
    if (upper > 0 && !sentenceStart) {
      // A capitalised word inside a sentence is most likely a name the dictionary cannot know.
      names.add(word);
      return undefined;
    }
    if (known(word, lang)) return undefined;
    // Elisions and possessives: the article or the ending is right, check the word itself.
    let base = 0;
    let end = word.length;
    const apos = word.search(/['’]/);
    if (apos > 0) {
      if (lang === 'fr' && ELISIONS_FR.includes(word.slice(0, apos).toLowerCase())) base = apos + 1;
      else if (lang === 'en' && /^['’](?:s|ll|re|ve|d|t|m)$/i.test(word.slice(apos))) end = apos;
      if (end - base < 2 || ((base > 0 || end < word.length) && known(word.slice(base, end), lang))) return undefined;
    }
    // Compounds: report the part that is wrong, not the whole.
    const inner = word.slice(base, end);
    if (/[-‑'’]/.test(inner)) {
      let partStart = 0;
      for (let i = 0; i <= inner.length; i++) {
        if (i < inner.length && classOf(inner.charCodeAt(i)) === LETTER) continue;
        const a = partStart;
        partStart = i + 1;
        if (i - a < 2) continue;
        const part = inner.slice(a, i);
        // A capitalised part after the first (`Saint-Jean`, `Jean-Pierre`) is a name.
        if (a > 0 && part[0] !== part[0].toLowerCase()) continue;
        if (i < inner.length && PREFIXES.has(part.toLowerCase())) continue;
        if (!known(part, lang)) report(viewKey, from + base + a, from + base + i, part, lang);
      }
      return undefined;
    }
    if (upper > 0) return { view: viewKey, from: from + base, to: from + end, word: inner, lang };
    report(viewKey, from + base, from + end, inner, lang);
    return undefined;
  };

  const scanView = (viewKey: string, view: TextView, marks: Uint8Array | undefined) => {
    const text = view.text;
    const spans = templateSpans(text);
    let span = 0;
    for (const [bFrom, bTo] of blocks(text)) {
      if (found.length >= 4 * max) return;
      if (looksLikeCss(text, bFrom, bTo)) continue;
      const blockLang: Marked = options.language ?? detectBlockLanguage(text, bFrom, bTo) ?? draftLang;
      // Previous words of the block, for the a/à check.
      let prev = '';
      let prevEnd = -1;
      let pendingA: { from: number; to: number; capital: boolean } | undefined;
      // An unknown capitalised word opening a sentence: a name when the next word is capitalised too.
      let pendingCap: Misspelling | undefined;
      const flushCap = (nextCapitalised: boolean) => {
        if (pendingCap && !nextCapitalised) report(pendingCap.view, pendingCap.from, pendingCap.to, pendingCap.word, pendingCap.lang, undefined, true);
        pendingCap = undefined;
      };
      let sentenceStart = true;
      let i = bFrom;
      while (i < bTo) {
        while (i < bTo && isWhite(text.charCodeAt(i))) i++;
        if (i >= bTo) break;
        let j = i;
        while (j < bTo && !isWhite(text.charCodeAt(j))) j++;
        // Inside a multi-line template tag: skip to its end.
        while (span < spans.length && spans[span][1] <= i) span++;
        if (span < spans.length && spans[span][0] < j) {
          flushCap(false);
          pendingA = undefined;
          i = Math.max(j, Math.min(spans[span][1], bTo));
          continue;
        }
        // The chunk [i, j): strip leading and trailing punctuation.
        let a = i;
        let b = j;
        while (a < b && LEAD.has(text[a])) a++;
        while (b > a && TRAIL.has(text[b - 1])) b--;
        const endsSentence = hasSentenceEnd(text, b === a ? i : b, j);
        // A Markdown link reference or inline link (`[guide]: https://…`, `[guide](https://…)`).
        if (isLinkReference(text, i, j)) a = b;
        const mark = markAt(marks, a);
        const lang = mark === undefined ? blockLang : mark;
        if (b > a && lang !== null && !isMachineText(text, a, b)) {
          // Words inside the chunk: runs of letters, apostrophes and hyphens.
          let k = a;
          while (k < b) {
            while (k < b && classOf(text.charCodeAt(k)) === OTHER) k++;
            let m = k;
            while (m < b && classOf(text.charCodeAt(m)) !== OTHER) m++;
            let ws = k;
            let we = m;
            while (ws < we && classOf(text.charCodeAt(ws)) !== LETTER) ws++;
            while (we > ws && classOf(text.charCodeAt(we - 1)) !== LETTER) we--;
            if (we > ws) {
              const w = text.slice(ws, we);
              const capitalised = w[0] !== w[0].toLowerCase();
              flushCap(capitalised);
              if (lang === 'fr') {
                const lw = w.toLowerCase();
                if (pendingA) {
                  if (A_GRAVE_NEXT.has(lw) || looksInfinitive(lw)) report(viewKey, pendingA.from, pendingA.to, text.slice(pendingA.from, pendingA.to), 'fr', pendingA.capital ? 'À' : 'à');
                  pendingA = undefined;
                }
                if (lw === 'a') {
                  if (A_GRAVE_PREV.has(prev) && prevEnd >= 0) report(viewKey, ws, we, w, 'fr', 'à');
                  else if (w === 'a' || sentenceStart) pendingA = { from: ws, to: we, capital: w === 'A' };
                } else if (/^jusqu['’]a$/i.test(w)) {
                  report(viewKey, we - 1, we, 'a', 'fr', 'à');
                }
                prev = lw.replace(/['’]$/, '');
                prevEnd = we;
              }
              pendingCap = checkWord(viewKey, text, ws, we, lang, sentenceStart && ws === a);
              sentenceStart = false;
            }
            k = m;
          }
        } else {
          flushCap(false);
          pendingA = undefined;
          prev = '';
          if (b > a) sentenceStart = false;
        }
        if (endsSentence) {
          flushCap(false);
          sentenceStart = true;
          pendingA = undefined;
        }
        i = j;
      }
      flushCap(false);
    }
  };

  if (model.subject) scanView('subject', model.subject, undefined);
  model.parts.forEach((part, n) => scanView(String(n), part.text, paintMarks(part.html, part.text.text.length)));
  const kept = found.filter((m) => !(m.capital && names.has(m.word)));
  const misspellings = kept.slice(0, max).map(({ capital: _, ...m }) => m);
  return { misspellings, truncated: kept.length > max, checked };
}
