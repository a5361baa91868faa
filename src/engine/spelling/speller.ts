import type { Locale } from '../types';
import type { ContextModel } from './context';

/** A language the spell checker may hold a dictionary for. */
export type SpellLanguage = Locale;

/**
 * A synchronous spell checker, passed to `lint` through `LintOptions.speller`. The engine never
 * loads dictionaries itself (it runs in VS Code for the Web and must stay small): a host loads
 * one (`src/spelling/` on Node, with Hunspell) and hands it in. Without one, the `spelling`
 * rule reports nothing.
 */
export interface Speller {
  /** True when a dictionary for the language is loaded. */
  has(lang: SpellLanguage): boolean;
  /** True when the word (as written: case, accents, apostrophes) is correct in the language. */
  check(word: string, lang: SpellLanguage): boolean;
  /** Corrections, most likely first; may be slow (tens of milliseconds), so call it on demand. */
  suggest(word: string, lang: SpellLanguage): string[];
  /** Counts of words in context, per language, for real-word slips (`vote` for `votre`); optional. */
  readonly context?: Partial<Record<SpellLanguage, ContextModel>>;
}

// A draft rarely has more than a few thousand distinct words; past this, the cache starts over
// rather than growing without bound on a 10 MB draft.
const CACHE_MAX_ENTRIES = 50_000;
const caches = new WeakMap<Speller, Record<SpellLanguage, Map<string, boolean>>>();

/**
 * `speller.check` with a cache shared by every lint: a newsletter repeats its words, and most
 * words survive from one keystroke's lint to the next.
 */
export function cachedCheck(speller: Speller, word: string, lang: SpellLanguage): boolean {
  let byLang = caches.get(speller);
  if (!byLang) caches.set(speller, (byLang = { fr: new Map(), en: new Map() }));
  const cache = byLang[lang];
  let ok = cache.get(word);
  if (ok === undefined) {
    if (cache.size >= CACHE_MAX_ENTRIES) cache.clear();
    ok = speller.check(word, lang);
    cache.set(word, ok);
  }
  return ok;
}
