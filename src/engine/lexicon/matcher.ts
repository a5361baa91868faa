import { fold, foldCode } from '../text/normalize';
import { BLOCK_BREAK, MERGE_TAG_MASK, type TextView } from '../text/view';
import { type Words, wordsOf } from '../text/words';
import type { Locale } from '../types';
import type { LexiconEntry, PhraseInput } from './types';

/** A lexicon entry tagged with its language. */
export interface TaggedEntry extends LexiconEntry {
  lang: Locale | 'custom';
}

/** A phrase found in a view, in text offsets. */
export interface PhraseMatch {
  from: number;
  to: number;
  entry: TaggedEntry;
}

// One concrete spelling of an entry: folded words, the punctuation between them, and
// punctuation that must stand before the first or after the last word.
interface Variant {
  entry: TaggedEntry;
  words: string[];
  gaps: string[];
  lead: string;
  trail: string;
}

/** Compiled phrase lists, ready to scan text. */
export interface PhraseMatcher {
  find(view: TextView): PhraseMatch[];
  /** Number of entries after additions and removals. */
  readonly size: number;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
// Between two words of a phrase only spaces, hyphens and apostrophes may differ; a block
// break or a masked merge tag stops the phrase.
const SOFT_GAP_RE = /[\s\u00a0\u202f\u2009\-\u2010\u2011]+/g;

function normGap(gap: string): string | null {
  if (gap.includes(BLOCK_BREAK) || gap.includes(MERGE_TAG_MASK)) return null;
  return fold(gap.replace(SOFT_GAP_RE, ''));
}

/** The phrase as users read it: optional endings removed (`gratuit(e)(s)` → `gratuit`). */
export function displayPhrase(pattern: string): string {
  return pattern.replace(/\([^)]*\)/g, '');
}

// Expands optional endings: `offre(s) spéciale(s)` → offre spéciale, offres spéciale, …
function expand(pattern: string): string[] {
  const m = /\(([^)]*)\)/.exec(pattern);
  if (!m) return [pattern];
  const head = pattern.slice(0, m.index);
  const tail = pattern.slice(m.index + m[0].length);
  const options = ['', ...m[1].split('|')];
  const out: string[] = [];
  for (const rest of expand(tail)) for (const o of options) out.push(head + o + rest);
  return out;
}

function toVariant(spelling: string, entry: TaggedEntry): Variant {
  const folded = fold(spelling.trim());
  const words: string[] = [];
  const gaps: string[] = [];
  let last = 0;
  let lead = '';
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(folded); m; m = WORD_RE.exec(folded)) {
    const gap = normGap(folded.slice(last, m.index)) ?? '';
    if (words.length === 0) lead = gap;
    else gaps.push(gap);
    words.push(m[0]);
    last = m.index + m[0].length;
  }
  const trail = normGap(folded.slice(last)) ?? '';
  return words.length ? { entry, words, gaps, lead, trail } : { entry, words, gaps, lead: '', trail: folded };
}

/**
 * Compiles lexicons plus the user's additions, minus the phrases the user ignores.
 * Ignoring works on the displayed phrase or on any spelling (case and accents do not matter).
 */
export function compileMatcher(lexicons: Array<{ lang: Locale; entries: readonly LexiconEntry[] }>, add: PhraseInput[] = [], ignore: string[] = []): PhraseMatcher {
  const ignored = new Set(ignore.map((s) => fold(s.trim())));
  const byFirst = new Map<string, Variant[]>();
  const symbols: Variant[] = [];
  let size = 0;
  const all: TaggedEntry[] = [];
  for (const lex of lexicons) for (const e of lex.entries) all.push({ ...e, lang: lex.lang });
  for (const input of add) {
    const e = typeof input === 'string' ? { phrase: input } : input;
    if (!e.phrase || !e.phrase.trim()) continue;
    all.push({ phrase: e.phrase, category: e.category ?? 'custom', alternatives: e.alternatives ?? [], lang: 'custom' });
  }
  for (const entry of all) {
    if (ignored.has(fold(displayPhrase(entry.phrase).trim()))) continue;
    let kept = false;
    for (const spelling of expand(entry.phrase)) {
      if (ignored.has(fold(spelling.trim()))) continue;
      const v = toVariant(spelling, entry);
      kept = true;
      if (v.words.length === 0) {
        if (v.trail) symbols.push(v);
        continue;
      }
      let list = byFirst.get(v.words[0]);
      if (!list) byFirst.set(v.words[0], (list = []));
      list.push(v);
    }
    if (kept) size++;
  }
  // Longest phrase first, so `offre exceptionnelle` wins over `offre`.
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length || b.trail.length - a.trail.length);
  // A character trie of first words: looking a word up walks its folded characters in place,
  // so scanning a draft allocates nothing for the words that match no phrase (nearly all).
  const trie: TrieNode = { next: new Map() };
  for (const [first, list] of byFirst) {
    let node = trie;
    for (let k = 0; k < first.length; k++) {
      const c = first.charCodeAt(k);
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map() }));
      node = child;
    }
    node.variants = list;
  }

  return {
    size,
    find(view) {
      const text = view.text;
      const words = wordsOf(view);
      const out: PhraseMatch[] = [];
      for (let i = 0; i < words.count; i++) {
        let node: TrieNode | undefined = trie;
        for (let k = words.from[i], end = words.to[i]; k < end && node; k++) node = node.next.get(foldCode(text.charCodeAt(k)));
        const cands = node?.variants;
        if (!cands) continue;
        for (const v of cands) {
          const to = matchAt(text, words, i, v);
          if (to < 0) continue;
          let from = words.from[i];
          if (v.lead) from = leadStart(text, from, v.lead);
          if (from < 0) continue;
          out.push({ from, to, entry: v.entry });
          i += v.words.length - 1;
          break;
        }
      }
      for (const v of symbols) {
        for (let k = text.indexOf(v.trail); k >= 0; k = text.indexOf(v.trail, k + v.trail.length)) {
          out.push({ from: k, to: k + v.trail.length, entry: v.entry });
        }
      }
      if (symbols.length) out.sort((a, b) => a.from - b.from);
      return out;
    },
  };
}

interface TrieNode {
  next: Map<number, TrieNode>;
  variants?: Variant[];
}

// Returns the text offset where variant `v` ends when it matches at word `i`, else -1.
function matchAt(text: string, words: Words, i: number, v: Variant): number {
  const n = v.words.length;
  if (i + n > words.count) return -1;
  for (let k = 1; k < n; k++) {
    const w = v.words[k];
    const from = words.from[i + k];
    if (words.to[i + k] - from !== w.length || !sameFolded(text, from, w)) return -1;
    const gap = normGap(text.slice(words.to[i + k - 1], from));
    if (gap !== v.gaps[k - 1]) return -1;
  }
  let end = words.to[i + n - 1];
  if (v.trail) {
    let j = end;
    while (j < text.length && (text[j] === ' ' || text[j] === '\u00a0' || text[j] === '\u202f')) j++;
    if (fold(text.slice(j, j + v.trail.length)) !== v.trail) return -1;
    end = j + v.trail.length;
  }
  return end;
}

// True when text[from, from + word.length) folds to `word` (already folded).
function sameFolded(text: string, from: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (foldCode(text.charCodeAt(from + k)) !== word.charCodeAt(k)) return false;
  return true;
}

function leadStart(text: string, from: number, lead: string): number {
  let j = from;
  while (j > 0 && (text[j - 1] === ' ' || text[j - 1] === '\u00a0')) j--;
  return fold(text.slice(j - lead.length, j)) === lead ? j - lead.length : -1;
}

/** Gives `replacement` the capitalisation of `original` (all caps, capitalised or as is). */
export function matchCase(original: string, replacement: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  const first = letters[0];
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}
