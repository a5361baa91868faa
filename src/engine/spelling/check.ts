import type { DraftModel } from '../model';
import { MERGE_TAG_MASK, type TextView } from '../text/view';
import { blocks, declaredDraftLanguage, detectBlockLanguage, type Marked, markAt, paintMarks } from './language';
import { BOUNDARY } from './context';
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
  /** A real word that the words around it say is a slip of this more frequent one. */
  intended?: string;
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
  /**
   * Receives the lowercase French words in reading order, and BOUNDARY where a sentence, a
   * block or a stretch of prose ends: what `scripts/spelling-context.ts` learns its counts from,
   * cut exactly as the check below reads them.
   */
  onContext?: (token: string) => void;
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

// Whether [from, to) has a letter (as `classOf` reads it), the start of a word.
function hasLetter(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 ? (c | 0x20) >= 97 && (c | 0x20) <= 122 : classOf(c) === LETTER) return true;
  }
  return false;
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
const A_GRAVE_NEXT = new Set(['bientôt', 'demain', 'partir', 'propos', 'cause', 'travers', 'nouveau', 'présent', 'savoir', 'noter', 'venir', 'condition', 'compter', 'moins', 'peine', 'suivre', 'découvrir', 'vous', 'toi', 'moi', 'lui', 'eux', 'chacun', 'chacune', 'domicile', 'volonté', 'disposition', 'jour', 'minuit', 'midi', "l'adresse", 'l’adresse']);
const A_GRAVE_PREV = new Set(['grâce', 'quant', 'jusqu', 'face']);
// Words after which `a` is `à` unless a past participle follows (`n'hésitez pas a nous
// écrire`, but `le premier pas a été fait`).
const A_GRAVE_PREV_UNLESS_VERB = new Set(['pas', 'suite', 'conformément', 'relative', 'relatif', 'relatives', 'relatifs']);
// `a` then a determiner is `à` (`a la une`, `a votre écoute`, `a l'adresse`, `a cette date`):
// the verb takes a past participle or an object whose determiner is mostly an article or a
// third-person possessive (`il a un compte`, `elle a son badge`), which are left out here.
const A_GRAVE_DETERMINERS = new Set(['la', 'votre', 'vos', 'cette', 'cet', 'ce', 'ces', 'notre', 'nos', 'leurs', 'chaque', 'tout', 'toute', 'tous', 'toutes', 'certains', 'certaines', 'plusieurs']);
// … except in the set phrases of `avoir` (`a la possibilité de`, `a l'honneur de`, `a tout
// intérêt`), where the verb is meant.
const AVOIR_PHRASE_NOUNS = new Set(['honneur', 'plaisir', 'joie', 'possibilité', 'chance', 'charge', 'responsabilité', 'obligation', 'habitude', 'intention', 'air', 'impression', 'occasion', 'avantage', 'droit', 'parole', 'main', 'priorité', 'faculté', 'capacité', 'liberté', 'certitude', 'garantie', 'tort', 'intérêt', 'mérite', 'fierté', 'tristesse', 'douleur', 'volonté', 'ambition', 'mission', 'particularité', 'spécificité']);
// Subjects of the verb `a` (`il a`, `il y a`, `qui a`): then `a` is never `à`.
const A_SUBJECTS = new Set(['il', 'elle', 'on', 'qui', 'y', 'ça', 'cela', 'ceci', 'lui', 'leur', 'nous', 'vous', 'en', 'chacun', 'chacune', 'personne', 'rien', 'quiconque']);
// `vous` and `nous` one letter off land on real words (`vos`, `vus`, `nus`): before a verb of
// their person or an infinitive, only the pronoun fits (`vos avez`, `vus pouvez`, `nus avons`,
// `merci de vos connecter`). A determiner takes a plural noun; `vus` and `nus` are adjectives.
const PRONOUN_SLIPS: Record<string, { pronoun: string; ending: RegExp }> = {
  vos: { pronoun: 'vous', ending: /(?:ez|iez)$/ },
  vus: { pronoun: 'vous', ending: /(?:ez|iez|ons)$/ },
  nus: { pronoun: 'nous', ending: /(?:ons|ions)$/ },
};
// Words with those endings that are not verbs.
const NOT_VERBS_EZ_ONS = new Set(['chez', 'nez', 'rez', 'assez', 'dons', 'bons', 'fonds', 'sons', 'noms', 'ponts', 'rayons']);
function pronounSlip(slip: string, next: string): string | undefined {
  const rule = PRONOUN_SLIPS[slip];
  if (!rule || next.includes('-')) return undefined;
  // `vus n'avez`: the verb after the elided negation.
  const verb = next.length > 2 && next[0] === 'n' && (next[1] === "'" || next[1] === '’') ? next.slice(2) : next;
  if (NOT_VERBS_EZ_ONS.has(verb)) return undefined;
  if ((verb.length >= 4 && rule.ending.test(verb)) || looksInfinitive(verb)) return rule.pronoun;
  return undefined;
}
// The past participle after `avoir` (`vous avez demandé`, `il a été modifié`) written without
// its accent is often another form of the verb (`demande`, `modifie`), a real word. After an
// auxiliary, with only adverbs between, such a word is flagged when its accented form is a
// dictionary word. Forms of `avoir`, elided or not (`n'a`, `d'avoir`); a bare `a` may be `à`
// (`a titre de`, `a mesure que`), so after it the next word must not be `de` or `que`.
const AVOIR = new Set(['a', 'ai', 'as', 'avons', 'avez', 'ont', 'avais', 'avait', 'avions', 'aviez', 'avaient', 'aurai', 'auras', 'aura', 'aurons', 'aurez', 'auront', 'aurais', 'aurait', 'aurions', 'auriez', 'auraient', 'aie', 'aies', 'ait', 'ayons', 'ayez', 'aient', 'avoir', 'ayant']);
// Adverbs that sit between the auxiliary and the participle (`n'a toujours pas accepté`), and
// `été`, itself a participle (`a bien été modifié`).
const AUX_ADVERBS = new Set(['pas', 'plus', 'jamais', 'bien', 'déjà', 'toujours', 'encore', 'également', 'aussi', 'récemment', 'ensuite', 'enfin', 'tout', 'été', 'mal', 'vraiment', 'personnellement', 'automatiquement']);
// Nouns that follow `avoir` in set phrases and have an accented twin (`il a envie de`).
const AVOIR_NOUNS_E = new Set(['envie', 'affaire', 'cesse', 'pratique', 'tendance']);
const ELISION_PREFIX = /^(?:[cdjlmnst]|qu)['’]/;
/** `avoir` as an auxiliary: 2 for a form that is only the verb, 1 for a bare `a`, 0 otherwise. */
function auxiliary(lw: string): number {
  if (AVOIR.has(lw)) return lw === 'a' ? 1 : 2;
  const apostrophe = lw.length > 2 && (isApostrophe(lw.charCodeAt(1)) || isApostrophe(lw.charCodeAt(2)));
  return apostrophe && AVOIR.has(lw.replace(ELISION_PREFIX, '')) ? 2 : 0;
}
function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}
/** The accented participle of `word` (`demande` → `demandé`, `modifies` → `modifiés`), if it is written so. */
function unaccentedParticiple(word: string): string | undefined {
  if (AVOIR_NOUNS_E.has(word) || word.length < 4) return undefined;
  const plural = word.endsWith('es');
  if (!plural && !word.endsWith('e')) return undefined;
  const stem = word.slice(0, plural ? -2 : -1);
  // A feminine participle that takes no accent (`mise`, `écrite`, `ouverte`, `reçue`): its
  // masculine ends so (`mis`, `écrit`, `ouvert`, `reçu`).
  if (/(?:is|it|ert|u|int)$/.test(stem)) return undefined;
  return `${stem}${plural ? 'és' : 'é'}`;
}

// `a 14h`, `a 9h30`: a time of day after `à`.
function isClockTime(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && i - from < 2 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (i === from || i >= to || text[i] !== 'h') return false;
  for (let k = i + 1; k < to; k++) if (text.charCodeAt(k) < 48 || text.charCodeAt(k) > 57) return false;
  return to - i <= 3;
}
function elidedNoun(word: string): string | undefined {
  return word.length > 2 && word[0] === 'l' && (word[1] === "'" || word[1] === '’') ? word.slice(2) : undefined;
}
// Infinitives follow `à`, never `a` (which takes a past participle): "a découvrir" is a typo.
const NOT_INFINITIVES = new Set(['hier', 'cher', 'fier', 'amer', 'premier', 'dernier', 'entier', 'léger', 'super', 'hiver', 'laser', 'poster', 'cancer', 'quartier', 'dossier', 'papier', 'métier', 'panier', 'courrier', 'clavier', 'chantier', 'atelier', 'cahier', 'collier', 'sentier', 'foyer', 'loyer', 'danger', 'plaisir', 'loisir', 'désir', 'souvenir', 'avenir', 'soupir', 'leader', 'manager', 'designer', 'flyer', 'poker', 'bonnier', 'particulier', 'régulier', 'singulier', 'familier', 'printanier', 'saisonnier']);

function looksInfinitive(w: string): boolean {
  if (w.length < 4 || NOT_INFINITIVES.has(w)) return false;
  return /(?:er|ir|oir|endre|ondre|indre|aire|ire|ivre|ttre|oître|aître|uire|ompre|clure|aincre)$/.test(w);
}

// Prefixes written with a hyphen that dictionaries do not list alone (`pre-release`, `socio-`).
const PREFIXES = new Set(['pre', 're', 'un', 'non', 'co', 'anti', 'auto', 'multi', 'micro', 'macro', 'mini', 'maxi', 'semi', 'bio', 'eco', 'éco', 'socio', 'néo', 'neo', 'post', 'pré', 'inter', 'extra', 'ultra', 'super', 'sub', 'self', 'cross', 'over', 'under', 'mid', 'cyber', 'mega', 'méga', 'meta', 'méta', 'pseudo', 'quasi', 'ex', 'vice', 'demi', 'mi', 'sous', 'sur', 'contre', 'entre', 'up', 'néo', 'franco', 'euro', 'agro', 'géo', 'hydro', 'info', 'photo', 'télé', 'vidéo']);

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

// Letters outside a–z: an English word holding one that the dictionary lacks is a foreign word
// or a name (`español`, `aquí`, `Zoë`); an English keyboard does not type them by mistake.
function hasForeignLetter(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c > 127 && c !== 0x2019 && classOf(c) === LETTER) return true;
  }
  return false;
}

// English writes new compounds solid (`bikeshare`, `afterparty`, `councilmember`, `upscaling`):
// a word is accepted when it splits into a prefix or a word of at least COMPOUND_HEAD_CHARS
// letters and a word of at least COMPOUND_TAIL_CHARS letters, and when no dictionary word lies
// one typo away. A doubled, dropped or swapped letter often leaves two words side by side
// (`adddress` is `add` + `dress`, `enterpries` is `enter` + `pries`); the word one edit away
// (`address`, `enterprises`) says it is a typo, not a coinage.
const COMPOUND_HEAD_CHARS = 3;
const COMPOUND_TAIL_CHARS = 4;
// Longer words are not tried as compounds: the edit search below grows with the length.
const MAX_COMPOUND_CHARS = 24;
// The edit search costs a few hundred lookups, so its answer is kept per speller and word,
// across lints; bounded like the speller's cache.
const COMPOUND_CACHE_MAX_ENTRIES = 5_000;
const compoundCaches = new WeakMap<Speller, Map<string, boolean>>();
function englishCompound(word: string, speller: Speller): boolean {
  const lower = word.toLowerCase();
  const n = lower.length;
  if (n < COMPOUND_HEAD_CHARS + COMPOUND_TAIL_CHARS || n > MAX_COMPOUND_CHARS) return false;
  let compoundCache = compoundCaches.get(speller);
  if (!compoundCache) compoundCaches.set(speller, (compoundCache = new Map()));
  const cached = compoundCache.get(lower);
  if (cached !== undefined) return cached;
  if (compoundCache.size >= COMPOUND_CACHE_MAX_ENTRIES) compoundCache.clear();
  const ok = isCompound(lower, speller);
  compoundCache.set(lower, ok);
  return ok;
}

function isCompound(lower: string, speller: Speller): boolean {
  // Split parts are common words, worth the shared cache; the edits are not.
  const check = (w: string) => cachedCheck(speller, w, 'en');
  const exact = (w: string) => speller.check(w, 'en');
  const n = lower.length;
  let splits = false;
  for (let i = 2; i <= n - COMPOUND_TAIL_CHARS && !splits; i++) {
    const head = lower.slice(0, i);
    if (!(PREFIXES.has(head) || (i >= COMPOUND_HEAD_CHARS && check(head)))) continue;
    splits = check(lower.slice(i));
  }
  return splits && !oneEditFromWord(lower, exact);
}

// Letters tried when putting back a dropped letter: the word's own letters and the vowels. A
// dropped letter is most often a repeated letter or a vowel (`contats`, `tradmarks`), and each
// lookup costs tens of microseconds in WebAssembly. A wrong letter (substitution) rarely leaves
// two words side by side, so it is not tried.
const VOWELS = 'aeiouy';

/** True when deleting, swapping or putting back one letter makes a dictionary word. */
function oneEditFromWord(w: string, check: (w: string) => boolean): boolean {
  const n = w.length;
  for (let i = 0; i < n; i++) {
    if (check(w.slice(0, i) + w.slice(i + 1))) return true;
    if (i + 1 < n && w[i] !== w[i + 1] && check(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2))) return true;
  }
  const letters = new Set(w + VOWELS);
  for (let i = 0; i <= n; i++) {
    for (const c of letters) {
      if (check(w.slice(0, i) + c + w.slice(i))) return true;
    }
  }
  return false;
}

// Dashes that open a sign-off (`—eric`, `-- dave`).
function isDash(c: number): boolean {
  return c === 0x2d || c === 0x2013 || c === 0x2014;
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

  const report = (view: string, from: number, to: number, word: string, lang: SpellLanguage, replacement?: string, capital?: boolean, intended?: string) => {
    // Bounded even before names are filtered out: a draft in another language stops here.
    if (found.length >= 4 * max) return;
    found.push({ view, from, to, word, lang, ...(replacement !== undefined ? { replacement } : {}), ...(capital ? { capital } : {}), ...(intended !== undefined ? { intended } : {}) });
  };
  // Real-word slips (`vote` for `votre`): the French context counts the host's speller carries.
  const contextModel = speller.context?.fr;
  const onContext = options.onContext;

  // Checks one word (letters, apostrophes, hyphens) at [from, to); `sentenceStart` when it
  // opens a sentence. Returns the unknown capitalised word it left for later, if any.
  const checkWord = (viewKey: string, text: string, from: number, to: number, lang: SpellLanguage, sentenceStart: boolean, context: { signOff: boolean }): Misspelling | undefined => {
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
    // A sign-off written in lowercase (`—eric`): a name the dictionary knows capitalised.
    if (context.signOff && known(word[0].toUpperCase() + word.slice(1), lang)) return undefined;
    if (lang === 'en' && hasForeignLetter(word)) return undefined;
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
        // One or two letters between hyphens are syllables or affixes spelt out (`Ev-er-y-bo-dy`,
        // `per-se`, `Artisanal-ly`), not words to check.
        if (i - a < 3) continue;
        const part = inner.slice(a, i);
        // A capitalised part after the first (`Saint-Jean`, `Jean-Pierre`) is a name.
        if (a > 0 && part[0] !== part[0].toLowerCase()) continue;
        if (i < inner.length && PREFIXES.has(part.toLowerCase())) continue;
        if (!known(part, lang) && !(lang === 'en' && englishCompound(part, speller))) report(viewKey, from + base + a, from + base + i, part, lang);
      }
      return undefined;
    }
    if (lang === 'en' && englishCompound(inner, speller)) return undefined;
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
      // Most blocks of an HTML draft are the blanks between table cells: no word, nothing to do.
      if (!hasLetter(text, bFrom, bTo) || looksLikeCss(text, bFrom, bTo)) continue;
      const blockLang: Marked = options.language ?? detectBlockLanguage(text, bFrom, bTo) ?? draftLang;
      // Previous words of the block, for the a/à check.
      let prev = '';
      let prevEnd = -1;
      // An `a` waiting for the next word (`det` once a determiner followed it).
      let pendingA: { from: number; to: number; capital: boolean; det?: string; afterPrev?: boolean } | undefined;
      // A `vos`, `vus` or `nus` waiting for the next word.
      let pendingSlip: { from: number; to: number; word: string } | undefined;
      // The French word before, and a dictionary word waiting for the next one to be judged
      // as a real-word slip.
      let ctxPrev = BOUNDARY;
      let ctxWord: { from: number; to: number; word: string; prev: string; aux: number } | undefined;
      // The auxiliary `avoir` before, adverbs aside: 2, 1 for a bare `a` (see auxiliary()).
      let aux = 0;
      let auxFrom = -1;
      // Whether a finding at `from` was just reported: the other checks of a word report it
      // before the next word is read, so looking at the last few findings is enough.
      const reportedAt = (from: number) => {
        for (let k = found.length - 1; k >= 0 && k >= found.length - 3; k--) if (found[k].view === viewKey && found[k].from === from) return true;
        return false;
      };
      const judge = (next: string) => {
        if (!ctxWord) return;
        let intended: string | undefined;
        if (ctxWord.aux > 0) {
          const participle = unaccentedParticiple(ctxWord.word);
          const toA = ctxWord.aux === 1 && (next === 'de' || next === 'que' || ELISION_PREFIX.test(next) || reportedAt(auxFrom));
          if (participle && !toA && cachedCheck(speller, participle, 'fr')) intended = participle;
        }
        intended ??= contextModel?.slip(ctxWord.prev, ctxWord.word, next);
        // Another check (`vos` for `vous`) may have reported the same word already.
        if (intended !== undefined && !reportedAt(ctxWord.from)) report(viewKey, ctxWord.from, ctxWord.to, ctxWord.word, 'fr', undefined, false, intended);
        ctxWord = undefined;
      };
      const contextWord = (lw: string, w: string, from: number, to: number) => {
        onContext?.(lw);
        judge(lw);
        // A lowercase dictionary word, not a compound or an elision, that could be a slip.
        if (w === lw && lw.length >= 2 && lw.length <= MAX_WORD_CHARS && (aux > 0 || (contextModel?.intended(lw).length ?? 0) > 0) && !/[-‑'’]/.test(lw) && !VOCABULARY.has(lw) && !user.has(lw) && cachedCheck(speller, lw, 'fr')) ctxWord = { from, to, word: lw, prev: ctxPrev, aux };
        const asAux = auxiliary(lw);
        if (asAux > 0) {
          aux = asAux;
          auxFrom = from;
        } else if (!(aux > 0 && AUX_ADVERBS.has(lw))) aux = 0;
        ctxPrev = lw;
      };
      const contextBoundary = () => {
        if (ctxPrev !== BOUNDARY) onContext?.(BOUNDARY);
        judge(BOUNDARY);
        ctxPrev = BOUNDARY;
        aux = 0;
      };
      const reportA = () => {
        if (pendingA) report(viewKey, pendingA.from, pendingA.to, text.slice(pendingA.from, pendingA.to), 'fr', pendingA.capital ? 'À' : 'à');
        pendingA = undefined;
      };
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
          pendingSlip = undefined;
          contextBoundary();
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
        // A dash, then a single word that ends the block: a sign-off.
        let rest = j;
        while (rest < bTo && isWhite(text.charCodeAt(rest))) rest++;
        const signOffChunk = a > i && isDash(text.charCodeAt(a - 1)) && rest >= bTo;
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
                if (pendingA?.afterPrev) {
                  if (lw === 'été' || lw === 'eu' || lw === 'fait') pendingA = undefined;
                  else reportA();
                } else if (pendingA?.det) {
                  // `a tout fait`, `a tous reçu`: the verb and a past participle.
                  if (AVOIR_PHRASE_NOUNS.has(lw) || (pendingA.det === 'tout' && /(?:é|és|i|is|it|u|us)$/.test(lw))) pendingA = undefined;
                  else reportA();
                } else if (pendingA) {
                  const elided = elidedNoun(lw);
                  if (A_GRAVE_NEXT.has(lw) || looksInfinitive(lw) || (elided !== undefined && !AVOIR_PHRASE_NOUNS.has(elided))) reportA();
                  // Lowercase only: an unaccented capital (`A ce jour`) is the typewriter habit
                  // many writers keep, a matter of typography; `A bientôt` is flagged above.
                  else if (A_GRAVE_DETERMINERS.has(lw) && !pendingA.capital) pendingA.det = lw === 'tous' ? 'tout' : lw;
                  else pendingA = undefined;
                }
                if (pendingSlip) {
                  const pronoun = pronounSlip(pendingSlip.word.toLowerCase(), lw);
                  if (pronoun) report(viewKey, pendingSlip.from, pendingSlip.to, pendingSlip.word, 'fr', pendingSlip.word[0] === 'V' || pendingSlip.word[0] === 'N' ? pronoun[0].toUpperCase() + pronoun.slice(1) : pronoun);
                  pendingSlip = undefined;
                }
                if (Object.hasOwn(PRONOUN_SLIPS, lw)) pendingSlip = { from: ws, to: we, word: w };
                if (lw === 'a') {
                  if (A_GRAVE_PREV.has(prev) && prevEnd >= 0) report(viewKey, ws, we, w, 'fr', 'à');
                  else if (w === 'a' && A_GRAVE_PREV_UNLESS_VERB.has(prev) && prevEnd >= 0) pendingA = { from: ws, to: we, capital: false, afterPrev: true };
                  else if ((w === 'a' || sentenceStart) && !(A_SUBJECTS.has(prev) && prevEnd >= 0)) pendingA = { from: ws, to: we, capital: w === 'A' };
                } else if (/^jusqu['’]a$/i.test(w)) {
                  report(viewKey, we - 1, we, 'a', 'fr', 'à');
                }
                prev = lw.replace(/['’]$/, '');
                prevEnd = we;
                contextWord(lw, w, ws, we);
              } else contextBoundary();
              const context = { signOff: signOffChunk && ws === a && we === b };
              pendingCap = checkWord(viewKey, text, ws, we, lang, sentenceStart && ws === a, context);
              sentenceStart = false;
            }
            k = m;
          }
        } else {
          flushCap(false);
          // `pas a <a href="{{ link }}">…`: the next word is out of reach, the previous one decides.
          if (pendingA && (pendingA.afterPrev || (!pendingA.det && lang === 'fr' && isClockTime(text, a, b)))) reportA();
          pendingA = undefined;
          pendingSlip = undefined;
          contextBoundary();
          prev = '';
          if (b > a) sentenceStart = false;
        }
        if (endsSentence) {
          flushCap(false);
          sentenceStart = true;
          pendingA = undefined;
          pendingSlip = undefined;
          contextBoundary();
        }
        i = j;
      }
      flushCap(false);
      contextBoundary();
    }
  };

  if (model.subject) scanView('subject', model.subject, undefined);
  model.parts.forEach((part, n) => scanView(String(n), part.text, paintMarks(part.html, part.text.text.length)));
  const kept = found.filter((m) => !(m.capital && names.has(m.word)));
  const misspellings = kept.slice(0, max).map(({ capital: _, ...m }) => m);
  return { misspellings, truncated: kept.length > max, checked };
}
