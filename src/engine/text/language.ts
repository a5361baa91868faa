import type { Locale } from '../types';

// Frequent function words that rarely occur in the other language.
const FR = new Set(['le', 'la', 'les', 'des', 'du', 'et', 'est', 'une', 'pour', 'vous', 'votre', 'vos', 'nous', 'avec', 'dans', 'sur', 'pas', 'qui', 'que', 'ce', 'cette', 'au', 'aux', 'sont', 'être', 'plus', 'par', 'notre', 'nos', 'ou', 'mais', 'très', 'été', 'où', 'à']);
const EN = new Set(['the', 'and', 'is', 'are', 'you', 'your', 'for', 'with', 'this', 'that', 'we', 'our', 'of', 'to', 'in', 'on', 'it', 'be', 'have', 'has', 'will', 'not', 'from', 'at', 'by', 'an', 'or', 'was', 'were', 'can', 'if', 'all', 'more']);

const SAMPLE_CHARS = 20_000;

/** Guesses whether text is French or English from function words; English when unsure. */
export function detectLanguage(texts: string[]): Locale {
  let fr = 0;
  let en = 0;
  let budget = SAMPLE_CHARS;
  for (const text of texts) {
    const sample = text.slice(0, budget).toLowerCase();
    budget -= sample.length;
    for (const w of sample.match(/\p{L}+/gu) ?? []) {
      if (FR.has(w)) fr++;
      else if (EN.has(w)) en++;
    }
    if (budget <= 0) break;
  }
  return fr > en ? 'fr' : 'en';
}
