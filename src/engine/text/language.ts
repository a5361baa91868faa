import type { TextView } from './view';
import { wordsOf } from './words';
import type { Locale } from '../types';

// Frequent function words that rarely occur in the other language.
const FR = new Set(['le', 'la', 'les', 'des', 'du', 'et', 'est', 'une', 'pour', 'vous', 'votre', 'vos', 'nous', 'avec', 'dans', 'sur', 'pas', 'qui', 'que', 'ce', 'cette', 'au', 'aux', 'sont', 'etre', 'plus', 'par', 'notre', 'nos', 'ou', 'mais', 'tres', 'ete', 'a']);
const EN = new Set(['the', 'and', 'is', 'are', 'you', 'your', 'for', 'with', 'this', 'that', 'we', 'our', 'of', 'to', 'in', 'on', 'it', 'be', 'have', 'has', 'will', 'not', 'from', 'at', 'by', 'an', 'or', 'was', 'were', 'can', 'if', 'all', 'more']);

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
    for (let i = 0; i < n; i++) {
      // Function words are short: skip the others without folding them.
      if (words.to[i] - words.from[i] > 5) continue;
      const w = words.folded(i);
      if (FR.has(w)) fr++;
      else if (EN.has(w)) en++;
    }
    if (budget <= 0) break;
  }
  return fr > en ? 'fr' : 'en';
}
