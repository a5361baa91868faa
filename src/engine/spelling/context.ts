/**
 * Real-word typos: a dictionary word one slip away from a much more frequent word that the
 * words around it call for (`confirmez vote compte` for `votre`, `copier ce lin` for `lien`).
 * The counts of words and of word pairs are learned from the French mail of the shared corpus
 * by `scripts/spelling-context.ts`. A word is flagged when a word one slip away is at least
 * MIN_FREQUENCY_RATIO times as frequent, and when the words before and after are, together, at
 * least MIN_LIKELIHOOD_RATIO times likelier next to that word than next to the one written:
 *   P(prev | intended) · P(next | intended) / (P(prev | word) · P(next | word)),
 * where a pair never seen (or seen once: such pairs are not shipped) weighs as the neighbour's
 * own frequency discounted by UNSEEN_PAIR, so that only pairs actually seen are evidence and a
 * neighbour met everywhere (`de`, `la`) says little; divided further by the times the pair
 * would have been seen by chance when that is more than once (`votre vote compte`: `votre
 * votre` is never written, so `vote` there is no slip).
 */

/** The learned counts, as written by `scripts/spelling-context.ts`. */
export interface ContextData {
  /** Number of word tokens (sentence boundaries included). */
  total: number;
  /** `word count` lines, the boundary written `#`. */
  words: string;
  /** `previous next count` lines. */
  pairs: string;
}

/** The token standing for the start or end of a sentence, or for text that is not prose. */
export const BOUNDARY = '#';
// A word becomes a likely intended word from this many occurrences in the learned mail.
export const MIN_INTENDED_COUNT = 5;
// Word pairs seen fewer times are not shipped (noise, and size).
export const MIN_PAIR_COUNT = 2;
// The intended word must be this many times as frequent as the word written (plus one): a
// slip of a frequent word is likelier than a rare word used on purpose, and two frequent words
// (`les`, `le`; `et`, `été`) are each other's neighbours without being slips of each other.
const MIN_FREQUENCY_RATIO = 20;
// How much likelier the context must be around the intended word.
const MIN_LIKELIHOOD_RATIO = 6;
// A pair not shipped weighs as this share of its neighbour's own frequency (Katz's discount).
const UNSEEN_PAIR = 0.5;
// Accents a writer drops (`e` for `é`, `è`, `ê`): restoring one is a candidate.
const ACCENTED: Record<string, string> = { a: 'àâ', e: 'éèêë', i: 'îï', o: 'ô', u: 'ùûü', c: 'ç' };
// Results kept per word across lints; bounded like the speller's cache.
const CACHE_MAX_ENTRIES = 20_000;

/** Counts of words and word pairs, and the real-word slip check built on them. */
export class ContextModel {
  private readonly counts = new Map<string, number>();
  private readonly pairs = new Map<string, number>();
  // Frequent words by each of their one-letter deletions: the intended words of a dropped letter.
  private readonly byDeletion = new Map<string, string[]>();
  private readonly cache = new Map<string, readonly string[]>();
  private readonly total: number;

  constructor(data: ContextData) {
    this.total = Math.max(1, data.total);
    for (const line of data.words.split('\n')) {
      const sp = line.lastIndexOf(' ');
      if (sp > 0) this.counts.set(line.slice(0, sp), Number(line.slice(sp + 1)));
    }
    for (const line of data.pairs.split('\n')) {
      const sp = line.lastIndexOf(' ');
      if (sp > 0) this.pairs.set(line.slice(0, sp), Number(line.slice(sp + 1)));
    }
    for (const [w, c] of this.counts) {
      if (c < MIN_INTENDED_COUNT || w === BOUNDARY) continue;
      for (let i = 1; i < w.length - 1; i++) {
        const d = w.slice(0, i) + w.slice(i + 1);
        const list = this.byDeletion.get(d);
        if (!list) this.byDeletion.set(d, [w]);
        else if (!list.includes(w)) list.push(w);
      }
    }
  }

  count(word: string): number {
    return this.counts.get(word) ?? 0;
  }

  pair(prev: string, next: string): number {
    return this.pairs.get(`${prev} ${next}`) ?? 0;
  }

  /**
   * Frequent words one slip from `word`: a letter dropped, doubled or added, two swapped, an
   * accent dropped. Not the first letter: writers seldom slip on it (about 7% of misspellings
   * in Pollock and Zamora, 1983), and `fin`/`afin`, `tant`/`étant` are both meant all the time.
   * Not a letter added or dropped at the end: that is mostly agreement (`suivant`/`suivants`,
   * `créé`/`créée`, `souhaite`/`souhaitez`), which word pairs cannot judge.
   */
  intended(word: string): readonly string[] {
    const hit = this.cache.get(word);
    if (hit) return hit;
    const out = new Set<string>(this.byDeletion.get(word));
    const add = (w: string) => {
      if (w !== word && (this.counts.get(w) ?? 0) >= MIN_INTENDED_COUNT) out.add(w);
    };
    const n = word.length;
    for (let i = 0; i < n; i++) {
      if (i > 0 && i < n - 1) add(word.slice(0, i) + word.slice(i + 1));
      if (i > 0 && i + 1 < n && word[i] !== word[i + 1]) add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
      const accents = ACCENTED[word[i]];
      if (accents) for (const a of accents) add(word.slice(0, i) + a + word.slice(i + 1));
    }
    const list = [...out];
    if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.clear();
    this.cache.set(word, list);
    return list;
  }

  // P(neighbour | word), for the neighbour before (`before`) or after the word.
  private conditional(word: string, neighbour: string, before: boolean): number {
    const n = before ? this.pair(neighbour, word) : this.pair(word, neighbour);
    const c = this.count(word);
    if (n > 0 && c > 0) return n / c;
    // Never seen together though both are frequent (`votre votre`): the more often the pair
    // would have turned up by chance, the less likely it is.
    const nb = Math.max(1, this.count(neighbour));
    const expected = (nb * c) / this.total;
    return (UNSEEN_PAIR * nb) / this.total / Math.max(1, expected);
  }

  /**
   * The word likely meant instead of `word` (a dictionary word, lowercase) between `prev` and
   * `next` (lowercase words, or BOUNDARY), or undefined when `word` fits.
   */
  slip(prev: string, word: string, next: string): string | undefined {
    const candidates = this.intended(word);
    if (candidates.length === 0) return undefined;
    const floor = MIN_FREQUENCY_RATIO * (this.count(word) + 1);
    const written = this.conditional(word, prev, true) * this.conditional(word, next, false);
    let best: string | undefined;
    let bestRatio = MIN_LIKELIHOOD_RATIO;
    for (const w of candidates) {
      if (this.count(w) < floor) continue;
      const ratio = (this.conditional(w, prev, true) * this.conditional(w, next, false)) / written;
      if (ratio >= bestRatio) {
        best = w;
        bestRatio = ratio;
      }
    }
    return best;
  }
}
