import { fold } from '../text/normalize';
import { BLOCK_BREAK, MERGE_TAG_MASK } from '../text/view';
import { elide } from './elision';
import { inflect, matchCase } from './matcher';
import type { Agreement, LexiconEntry, PhraseKind } from './types';

/**
 * Where an alternative goes: the suggestion replaces the text from `from` to the end of the
 * match with `text`. `from` may start before the match when the word before it has to agree
 * (`une offre spéciale` → `un bon plan`, `a free trial` → `an included trial`).
 */
export interface Placement {
  from: number;
  text: string;
}

/** A phrase found in a text, as the spam-phrase rule sees it. */
export interface PlacedMatch {
  from: number;
  to: number;
  entry: LexiconEntry;
  /** The option of each optional group the text used (see `inflect`). */
  choices: readonly number[];
}

/**
 * How to put the alternative `alt` of a matched entry in place of the match, or undefined
 * when it does not fit there: an alternative of another kind than the phrase (an adverb
 * phrase before a noun), a sentence where the match is part of a longer sentence, or a French
 * noun whose article cannot be made to agree. French articles follow the alternative's gender
 * and number, with elision (`l’argent` → `le budget`, `la promotion` → `l’offre`); English
 * `a`/`an` follows the alternative's first sound.
 */
export function placeAlternative(text: string, m: PlacedMatch, alt: string, french: boolean): Placement | undefined {
  const { entry } = m;
  const kind = entry.kind;
  const altKind: PhraseKind | undefined = entry.alternativeKinds?.[alt] ?? kind;
  // A match that stands alone (a button, a link text, a heading, a whole sentence) takes any
  // alternative; inside a sentence, only one of the same kind fits.
  const alone = standsAlone(text, m.from, m.to);
  if (!alone && (kind === 'sentence' || altKind === 'sentence')) return undefined;
  // A prepositional phrase can stand for an adjective after a noun or a verb (`livraison
  // gratuite` → `livraison sans supplément`, `it is free` → `it is at no extra cost`), not
  // before a noun: English adjectives come first (`a free trial`), so there it must end the clause.
  if (!alone && kind && altKind !== kind && !(kind === 'adjective' && altKind === 'adverb' && (french || !wordFollows(text, m.to)))) return undefined;
  const replacement = matchCase(text.slice(m.from, m.to), inflect(alt, m.choices));
  if (!french) return withEnglishArticle(text, m.from, replacement);
  if (kind === 'noun' && entry.agreement) {
    const agreement = entry.alternativeAgreement?.[alt] ?? entry.agreement;
    const matchPlural = entry.agreement.endsWith('p') || isPlural(entry.phrase, m.choices);
    // The alternative's number: always plural, or following the text's endings, or (`prix`,
    // `fois`) invariable; otherwise singular.
    const plural = agreement.endsWith('p') || ((/\(/.test(alt) || /^[^\s’']*[sxz](?=[\s’']|$)/i.test(alt)) && matchPlural);
    // The verb and the adjectives that follow agree with the number, and they are not checked:
    // an alternative of another number only replaces a phrase that stands alone.
    if (plural !== matchPlural && !alone) return undefined;
    return withFrenchDeterminer(text, m.from, replacement, agreement[0] as 'm' | 'f', plural);
  }
  return elide(text, m.from, replacement);
}

/** True when the phrase's text used a plural ending (`s`, `x`, `es`) for one of its optional groups. */
export function isPlural(pattern: string, choices: readonly number[]): boolean {
  let g = 0;
  let plural = false;
  // regex-audit: safe, lexicon phrases and configured ones, which validation caps at MAX_PHRASE_CHARS (200)
  pattern.replace(/\(([^)]*)\)/g, (whole, inner: string) => {
    const k = choices[g++] ?? 0;
    if (k > 0 && ['s', 'x', 'es'].includes(inner.split('|')[k - 1] ?? '')) plural = true;
    return whole;
  });
  return plural;
}

const SPACE = /[ \t\u00a0\u202f]/;
const OPENERS = /["'“‘«(\u00a0\u202f ]/;
const SENTENCE_END = /[.!?…:;\n\r]/;
const CLAUSE_END = /[.!?…:;,)\n\r"”»]/;

/** True when the text from `from` to `to` is a sentence or clause on its own. */
export function standsAlone(text: string, from: number, to: number): boolean {
  let i = from;
  // Bounded: at most 8 opening quotes and spaces are skipped.
  for (let n = 0; i > 0 && n < 8 && OPENERS.test(text[i - 1]); n++) i--;
  const before = i === 0 ? '' : text[i - 1];
  if (before && before !== BLOCK_BREAK && before !== MERGE_TAG_MASK && !SENTENCE_END.test(before)) return false;
  let j = to;
  for (let n = 0; j < text.length && n < 8 && SPACE.test(text[j]); n++) j++;
  const after = j >= text.length ? '' : text[j];
  return !after || after === BLOCK_BREAK || CLAUSE_END.test(after);
}

/** True when a word follows `to` on the same line (the phrase stands before a noun, not after a verb). */
export function wordFollows(text: string, to: number): boolean {
  let j = to;
  for (let n = 0; j < text.length && n < 8 && SPACE.test(text[j]); n++) j++;
  return j < text.length && /[\p{L}\p{N}]/u.test(text[j]);
}

// English words that start with a vowel letter but a consonant sound, and the reverse.
const A_BEFORE = /^(?:uni|use|usu|uti|ura|uro|eu|ewe|one|once|ubiq)/;
const AN_BEFORE = /^(?:hour|honest|honor|honour|heir|8|11|18)/;

/** `a` or `an` before a word, by its first sound (as far as spelling tells). */
export function englishArticle(word: string): 'a' | 'an' {
  const w = word.toLowerCase();
  if (A_BEFORE.test(w)) return 'a';
  if (AN_BEFORE.test(w) || /^[aeiou]/.test(w)) return 'an';
  return 'a';
}

function withEnglishArticle(text: string, from: number, replacement: string): Placement {
  let i = from;
  for (let n = 0; i > 0 && n < 8 && SPACE.test(text[i - 1]); n++) i--;
  if (i === from) return { from, text: replacement };
  let w = i;
  while (w > 0 && w > i - 3 && /[A-Za-z]/.test(text[w - 1])) w--;
  const word = text.slice(w, i);
  if ((w > 0 && /[\p{L}\p{N}]/u.test(text[w - 1])) || !/^(a|an)$/i.test(word)) return { from, text: replacement };
  let article: string = englishArticle(replacement);
  if (word === word.toUpperCase() && word.length > 1) article = article.toUpperCase();
  else if (word[0] === 'A') article = article[0].toUpperCase() + article.slice(1);
  return { from: w, text: article + text.slice(i, from) + replacement };
}

// French determiners by family: masculine, feminine, plural, and the forms before a vowel.
interface Family {
  m: string;
  f: string;
  p: string;
  /** Before a vowel, singular (both genders elide to it). */
  v?: string;
  /** Before a vowel, masculine only (`cet`). */
  vm?: string;
  /** Before a vowel, feminine only (`mon amie`). */
  vf?: string;
}
const FAMILIES: Family[] = [
  { m: 'le', f: 'la', p: 'les', v: 'l’' },
  { m: 'un', f: 'une', p: 'des' },
  { m: 'ce', f: 'cette', p: 'ces', vm: 'cet' },
  { m: 'du', f: 'de la', p: 'des', v: 'de l’' },
  { m: 'au', f: 'à la', p: 'aux', v: 'à l’' },
  { m: 'mon', f: 'ma', p: 'mes', vf: 'mon' },
  { m: 'ton', f: 'ta', p: 'tes', vf: 'ton' },
  { m: 'son', f: 'sa', p: 'ses', vf: 'son' },
  { m: 'notre', f: 'notre', p: 'nos' },
  { m: 'votre', f: 'votre', p: 'vos' },
  { m: 'leur', f: 'leur', p: 'leurs' },
];
// Folded spelling of each determiner → its family (`des` is taken as the plural of `un`).
const FAMILY_OF = new Map<string, Family>();
for (const fam of [...FAMILIES].reverse()) {
  for (const form of [fam.m, fam.f, fam.p, fam.v, fam.vm, fam.vf]) if (form) FAMILY_OF.set(fold(form.replace('’', "'")), fam);
}

function startsWithVowel(word: string): boolean {
  return /^[aeiouyœæ]/.test(fold(word.charAt(0)));
}

/** The determiner right before `from`, if any: where it starts and its folded spelling. */
function determinerBefore(text: string, from: number): { start: number; key: string; written: string } | undefined {
  let i = from;
  let elided = false;
  if (i > 0 && (text[i - 1] === '’' || text[i - 1] === "'")) {
    elided = true;
    i--;
  } else {
    const s = i;
    for (let n = 0; i > 0 && n < 8 && SPACE.test(text[i - 1]); n++) i--;
    if (i === s) return undefined;
  }
  let w = i;
  while (w > 0 && w > i - 6 && /\p{L}/u.test(text[w - 1])) w--;
  if (w > 0 && /\p{L}/u.test(text[w - 1])) return undefined;
  const word = fold(text.slice(w, i)) + (elided ? "'" : '');
  // Two-word determiners: `de la`, `à la`, `de l’`, `à l’`.
  if (word === 'la' || word === "l'") {
    let k = w;
    for (let n = 0; k > 0 && n < 4 && SPACE.test(text[k - 1]); n++) k--;
    if (k < w && k >= 2) {
      const prev = fold(text.slice(k - 2, k));
      const boundary = k === 2 || !/\p{L}/u.test(text[k - 3]);
      if (boundary && (prev === 'de' || prev === 'a')) {
        const key = `${prev} ${word}`;
        if (FAMILY_OF.has(key)) return { start: k - 2, key, written: text.slice(k - 2, from) };
      }
    }
  }
  if (!FAMILY_OF.has(word)) return undefined;
  return { start: w, key: word, written: text.slice(w, from) };
}

function withFrenchDeterminer(text: string, from: number, replacement: string, gender: 'm' | 'f', plural: boolean): Placement | undefined {
  const det = determinerBefore(text, from);
  // No article to agree: only the elision of a preceding `de`, `que`… may change.
  if (!det) return elide(text, from, replacement);
  const fam = FAMILY_OF.get(det.key)!;
  const vowel = startsWithVowel(replacement);
  let form: string;
  if (plural) form = fam.p;
  else if (gender === 'm') form = (vowel && (fam.v ?? fam.vm)) || fam.m;
  else form = (vowel && (fam.v ?? fam.vf)) || fam.f;
  const first = det.written.charAt(0);
  if (first !== first.toLowerCase()) form = form.charAt(0).toUpperCase() + form.slice(1);
  const text2 = form.endsWith('’') ? form + replacement : `${form} ${replacement}`;
  // The article already agrees: edit the phrase only (the article may sit in other markup).
  if (fold(det.written.replace(/\s+/g, ' ').replace("'", '’')) === fold(form.endsWith('’') ? form : `${form} `)) return { from, text: replacement };
  return { from: det.start, text: text2 };
}
