import type { TextView } from './view';
import { hashFolded, wordsOf } from './words';
import type { Locale } from '../types';

// Frequent function words that rarely occur in the other language.
const FR = new Set(['le', 'la', 'les', 'des', 'du', 'et', 'est', 'une', 'pour', 'vous', 'votre', 'vos', 'nous', 'avec', 'dans', 'sur', 'pas', 'qui', 'que', 'ce', 'cette', 'au', 'aux', 'sont', 'etre', 'plus', 'par', 'notre', 'nos', 'ou', 'mais', 'tres', 'ete', 'a']);
const EN = new Set(['the', 'and', 'is', 'are', 'you', 'your', 'for', 'with', 'this', 'that', 'we', 'our', 'of', 'to', 'in', 'on', 'it', 'be', 'have', 'has', 'will', 'not', 'from', 'at', 'by', 'an', 'or', 'was', 'were', 'can', 'if', 'all', 'more']);

// The function words, each with its language, in an open-addressing table by the hash of their
// (ASCII) letters: two numbers a slot, the hash and the word's index in FUNCTION_WORDS + 1 (0:
// empty). A typed table, not a Map: most words of a draft are short and looked up.
const FUNCTION_WORDS: Array<{ word: string; fr: boolean }> = [];
const SLOT_MASK = 255;
const SLOTS = new Int32Array(2 * (SLOT_MASK + 1));
for (const [set, fr] of [[FR, true], [EN, false]] as const) {
  for (const word of set) {
    FUNCTION_WORDS.push({ word, fr });
    const h = hashFolded(word);
    let slot = h & SLOT_MASK;
    while (SLOTS[2 * slot + 1] !== 0) slot = (slot + 1) & SLOT_MASK;
    SLOTS[2 * slot] = h;
    SLOTS[2 * slot + 1] = FUNCTION_WORDS.length;
  }
}

// A few hundred words tell French from English; more only costs time on long drafts.
const SAMPLE_WORDS = 2000;

/** Guesses whether text is French or English from function words; English when unsure. */
export function detectLanguage(views: TextView[]): Locale {
  let fr = 0;
  let en = 0;
  let budget = SAMPLE_WORDS;
  for (const view of views) {
    const words = wordsOf(view);
    const n = Math.min(words.count, budget);
    budget -= n;
    const hashes = words.hashes();
    const text = view.text;
    for (let i = 0; i < n; i++) {
      // Function words are short: skip the others without folding them.
      const from = words.from[i];
      const length = words.to[i] - from;
      if (length > 5) continue;
      const lang = asciiFunctionWord(text, from, length, hashes[i]);
      if (lang === ASCII_OTHER) continue;
      if (lang === NOT_ASCII) {
        // `été`, `très`: folded as a string, as the lists are.
        const w = words.folded(i);
        if (FR.has(w)) fr++;
        else if (EN.has(w)) en++;
      } else if (lang === FRENCH) fr++;
      else en++;
    }
    if (budget <= 0) break;
  }
  return fr > en ? 'fr' : 'en';
}

const FRENCH = 1;
const ENGLISH = 2;
const ASCII_OTHER = 3;
const NOT_ASCII = 4;

// Whether the word text[from, from + length) (its hash `hash`), when all ASCII, is a French or
// an English function word, without making its folded string; NOT_ASCII for another word.
function asciiFunctionWord(text: string, from: number, length: number, hash: number): number {
  for (let k = 0; k < length; k++) if (text.charCodeAt(from + k) >= 0x80) return NOT_ASCII;
  for (let slot = hash & SLOT_MASK, e = SLOTS[2 * slot + 1]; e !== 0; slot = (slot + 1) & SLOT_MASK, e = SLOTS[2 * slot + 1]) {
    if (SLOTS[2 * slot] !== hash) continue;
    const { word, fr } = FUNCTION_WORDS[e - 1];
    if (word.length !== length) continue;
    let k = 0;
    while (k < length && (text.charCodeAt(from + k) | 0x20) === word.charCodeAt(k)) k++;
    if (k === length) return fr ? FRENCH : ENGLISH;
  }
  return ASCII_OTHER;
}
