import { fold, foldCode } from '../text/normalize';
import { BLOCK_BREAK, MERGE_TAG_MASK, type TextView } from '../text/view';
import { linkRanges } from '../text/links';
import { hashFolded, type Words, wordsOf } from '../text/words';
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
  /** Which option of each optional group of the phrase the text used (0 = none); see {@link inflect}. */
  choices: readonly number[];
}

// A phrase as a sequence of folded words and the punctuation between them.
interface WordSeq {
  words: string[];
  gaps: string[];
}

// A longer phrase in which a variant does not count: its words, gaps, and the index of the
// word where the variant's first word sits.
interface Exception extends WordSeq {
  offset: number;
}

// One concrete spelling of an entry: folded words, the punctuation between them, and
// punctuation that must stand before the first or after the last word.
interface Variant extends WordSeq {
  entry: TaggedEntry;
  lead: string;
  trail: string;
  choices: number[];
  exceptions: Exception[];
}

/** Compiled phrase lists, ready to scan text. */
export interface PhraseMatcher {
  /**
   * Finds the phrases of a view, longest first and without overlaps. When the same words are
   * in both lexicons, the entry of `prefer` (the draft's language) wins, so its alternatives
   * are in the draft's language.
   */
  find(view: TextView, prefer?: Locale): PhraseMatch[];
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

// regex-audit: safe, run on lexicon phrases and on configured ones, which validation caps at MAX_PHRASE_CHARS (200)
const GROUP_RE = /\(([^)]*)\)/g;

/** The phrase as users read it: optional endings removed (`gratuit(e)(s)` → `gratuit`). */
export function displayPhrase(pattern: string): string {
  return inflect(pattern, []);
}

/**
 * Spells a pattern with the given option of each optional group, in order (0 = leave the
 * group out, k = its k-th `|`-separated option): `inflect('offert(e)(s)', [1, 1])` is
 * `offertes`. Groups without a choice are left out.
 */
export function inflect(pattern: string, choices: readonly number[]): string {
  let g = 0;
  return pattern.replace(GROUP_RE, (_, inner: string) => {
    const k = choices[g++] ?? 0;
    return k === 0 ? '' : (inner.split('|')[k - 1] ?? '');
  });
}

/** Every spelling of a pattern with its choices: `offre(s) spéciale(s)` → offre spéciale, offres spéciale, … */
export function expand(pattern: string): Array<{ text: string; choices: number[] }> {
  // regex-audit: safe, phrases are at most MAX_PHRASE_CHARS (200) long, see GROUP_RE
  const m = /\(([^)]*)\)/.exec(pattern);
  if (!m) return [{ text: pattern, choices: [] }];
  const head = pattern.slice(0, m.index);
  const options = ['', ...m[1].split('|')];
  const out: Array<{ text: string; choices: number[] }> = [];
  for (const rest of expand(pattern.slice(m.index + m[0].length))) {
    options.forEach((o, k) => out.push({ text: head + o + rest.text, choices: [k, ...rest.choices] }));
  }
  return out;
}

function toWords(spelling: string): WordSeq & { lead: string; trail: string } {
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
  return words.length ? { words, gaps, lead, trail } : { words, gaps, lead: '', trail: folded };
}

/**
 * The spellings of a pattern as the matcher tells them apart: case, accents, spaces and
 * hyphens do not count (`Risk-free` and `risk free` are one spelling).
 */
export function spellingKeys(pattern: string): string[] {
  return expand(pattern).map(({ text }) => {
    const w = toWords(text);
    return [w.lead, w.words.join(' '), w.gaps.join('|'), w.trail].join('/');
  });
}

// Every word index where `inner` sits inside `outer` (same words, same punctuation between
// them): `gagnant` sits twice in `gagnant-gagnant`.
function offsetsOfSeq(outer: WordSeq, inner: WordSeq): number[] {
  const n = inner.words.length;
  const out: number[] = [];
  for (let k = 0; k + n <= outer.words.length; k++) {
    let ok = true;
    for (let j = 0; j < n && ok; j++) ok = outer.words[k + j] === inner.words[j] && (j === 0 || outer.gaps[k + j - 1] === inner.gaps[j - 1]);
    if (ok) out.push(k);
  }
  return out;
}

// Matchers of the last few phrase configurations: two folders with different phrases (or a
// CLI run over both) lint without compiling again (16–144 ms each time, issue #11).
const CACHE_SIZE = 4;
const cache = new Map<string, PhraseMatcher>();
const lexiconIds = new WeakMap<readonly LexiconEntry[], number>();
let nextLexiconId = 1;

function cacheKey(lexicons: ReadonlyArray<{ lang: Locale; entries: readonly LexiconEntry[] }>, add: PhraseInput[], ignore: string[]): string {
  const ids = lexicons.map((l) => {
    let id = lexiconIds.get(l.entries);
    if (id === undefined) lexiconIds.set(l.entries, (id = nextLexiconId++));
    return `${l.lang}:${id}`;
  });
  return `${ids.join(',')}\u0000${JSON.stringify(add)}\u0000${JSON.stringify(ignore)}`;
}

/**
 * Compiles lexicons plus the user's additions, minus the phrases the user ignores.
 * Ignoring works on the displayed phrase or on any spelling (case and accents do not matter).
 * The last few configurations are kept (lexicons by identity, additions and ignores by value):
 * compiling again what was compiled returns the same matcher.
 */
export function compileMatcher(lexicons: Array<{ lang: Locale; entries: readonly LexiconEntry[] }>, add: PhraseInput[] = [], ignore: string[] = []): PhraseMatcher {
  const key = cacheKey(lexicons, add, ignore);
  let matcher = cache.get(key);
  if (matcher) {
    // Most recently used last: a Map iterates in insertion order.
    cache.delete(key);
  } else {
    matcher = compileMatcherUncached(lexicons, add, ignore);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, matcher);
  return matcher;
}

/** {@link compileMatcher} without its cache: always compiles (for tests and benchmarks). */
export function compileMatcherUncached(lexicons: Array<{ lang: Locale; entries: readonly LexiconEntry[] }>, add: PhraseInput[] = [], ignore: string[] = []): PhraseMatcher {
  const ignored = new Set(ignore.map((s) => fold(s.trim())));
  const byFirst = new Map<string, Variant[]>();
  // Phrases without words ($$$, €€€), by spelling: several lexicons may list the same one.
  const symbols = new Map<string, Variant[]>();
  let size = 0;
  const all: TaggedEntry[] = [];
  for (const lex of lexicons) for (const e of lex.entries) all.push({ ...e, lang: lex.lang });
  for (const input of add) {
    const e = typeof input === 'string' ? { phrase: input } : input;
    if (!e.phrase || !e.phrase.trim()) continue;
    all.push({ phrase: e.phrase, category: e.category ?? 'custom', alternatives: e.alternatives ?? [], except: e.except, lang: 'custom' });
  }
  for (const entry of all) {
    if (ignored.size > 0 && ignored.has(fold(displayPhrase(entry.phrase).trim()))) continue;
    const excepts = (entry.except ?? []).flatMap((x) => expand(x).map((sp) => toWords(sp.text)));
    let kept = false;
    for (const { text: spelling, choices } of expand(entry.phrase)) {
      if (ignored.size > 0 && ignored.has(fold(spelling.trim()))) continue;
      const seq = toWords(spelling);
      const exceptions: Exception[] = [];
      for (const x of excepts) {
        if (x.words.length <= seq.words.length) continue;
        for (const offset of offsetsOfSeq(x, seq)) exceptions.push({ words: x.words, gaps: x.gaps, offset });
      }
      // Fields named one by one: a spread here was a third of compiling the lexicons.
      const v: Variant = { words: seq.words, gaps: seq.gaps, lead: seq.lead, trail: seq.trail, entry, choices, exceptions };
      kept = true;
      if (v.words.length === 0) {
        if (v.trail) {
          const same = symbols.get(v.trail);
          if (same) same.push(v);
          else symbols.set(v.trail, [v]);
        }
        continue;
      }
      let list = byFirst.get(v.words[0]);
      if (!list) byFirst.set(v.words[0], (list = []));
      list.push(v);
    }
    if (kept) size++;
  }
  // A trie over the phrases' words: each step is one word hash lookup, so the cost of a
  // draft word does not grow with the number of phrases that start with it (issue #11:
  // 10,000 custom phrases on the draft's own words made a lint 5.5x slower when they were
  // tried one after the other). Edges are keyed by a hash of the folded word, so scanning
  // allocates nothing for the words that start no phrase (nearly all of them).
  const root: TrieNode = {};
  // One bit per low 16 bits of the hash of a word that follows another in a phrase: a draft
  // word after a first word is mostly turned away without a map lookup.
  const later = new Uint8Array(8192);
  for (const variants of byFirst.values()) {
    for (const v of variants) {
      let node = child(root, '', v.words[0]);
      for (let j = 1; j < v.words.length; j++) {
        const h = hashFolded(v.words[j]);
        later[(h >>> 3) & 8191] |= 1 << (h & 7);
        node = child(node, v.gaps[j - 1], v.words[j]);
      }
      (node.ends ??= []).push(v);
    }
  }
  // At one node all phrases have the same words: the longer trailing punctuation first, then
  // the user's own entries over the lexicons' (the order the phrases are tried in).
  const custom = (v: Variant) => (v.entry.lang === 'custom' ? 0 : 1);
  const sortEnds = (node: TrieNode) => {
    node.ends?.sort((a, b) => b.trail.length - a.trail.length || custom(a) - custom(b));
    if (node.next) for (const edges of node.next.values()) for (const e of edges) sortEnds(e.node);
  };
  sortEnds(root);
  // One bit per low 16 bits of a first word's hash: most words are turned away without a map lookup.
  const seen = new Uint8Array(8192);
  if (root.next) for (const h of root.next.keys()) seen[(h >>> 3) & 8191] |= 1 << (h & 7);

  // The phrases that match at word `i`, longest first (the order of the original linear
  // scan: length, then trailing punctuation, then custom entries first).
  const matchingAt = (text: string, words: Words, hashes: Int32Array, i: number): Variant[] | undefined => {
    const h = hashes[i];
    if ((seen[(h >>> 3) & 8191] & (1 << (h & 7))) === 0) return undefined;
    const first = root.next?.get(h);
    let node = first && edgeIn(first, '', text, words.from[i], words.to[i]);
    if (!node) return undefined;
    let found: Variant[][] | undefined;
    if (node.ends) found = [node.ends];
    for (let j = i + 1; node.next && j < words.count; j++) {
      const hj = hashes[j];
      if ((later[(hj >>> 3) & 8191] & (1 << (hj & 7))) === 0) break;
      const edges = node.next.get(hj);
      if (!edges) break;
      const gap = normGap(text.slice(words.to[j - 1], words.from[j]));
      if (gap === null) break;
      node = edgeIn(edges, gap, text, words.from[j], words.to[j]);
      if (!node) break;
      if (node.ends) (found ??= []).push(node.ends);
    }
    if (!found) return undefined;
    return found.length === 1 ? found[0] : found.reverse().flat();
  };

  return {
    size,
    find(view, prefer) {
      const text = view.text;
      const words = wordsOf(view);
      const linked = linkedWords(view, words);
      const hashes = words.hashes();
      const out: PhraseMatch[] = [];
      for (let i = 0; i < words.count; i++) {
        if (linked?.[i]) continue;
        const cands = matchingAt(text, words, hashes, i);
        if (!cands) continue;
        let best: PhraseMatch | undefined;
        let bestLength = 0;
        for (const v of cands) {
          // Candidates are sorted longest first: a shorter one never beats a match found.
          if (best && v.words.length < bestLength) break;
          const to = trailEnd(text, words.to[i + v.words.length - 1], v);
          if (to < 0 || (linked && linked[i + v.words.length - 1])) continue;
          let from = words.from[i];
          if (v.lead) from = leadStart(text, from, v.lead);
          if (from < 0) continue;
          if (excepted(text, words, i, v)) {
            // `feel free`: these words are benign here, for every entry of this length or shorter.
            if (best && bestLength === v.words.length) best = undefined;
            break;
          }
          if (!best) {
            best = { from, to, entry: v.entry, choices: v.choices };
            bestLength = v.words.length;
            if (!prefer || v.entry.lang === prefer || v.entry.lang === 'custom') break;
          } else if (v.entry.lang === prefer) {
            best = { from, to, entry: v.entry, choices: v.choices };
            break;
          }
        }
        if (best) {
          out.push(best);
          i += bestLength - 1;
        }
      }
      if (symbols.size === 0) return out;
      // Symbols follow the same choices as words: the user's entry, else the draft's language;
      // one finding per place, none inside a word match or a link.
      const wordMatches = out.length;
      const links = linkRanges(view);
      const taken = (from: number, to: number) =>
        out.slice(0, wordMatches).some((m) => m.from < to && from < m.to) || links.some(([a, b]) => a < to && from < b);
      for (const [spelling, variants] of symbols) {
        const v = variants.find((x) => x.entry.lang === 'custom') ?? variants.find((x) => x.entry.lang === prefer) ?? variants[0];
        for (let k = text.indexOf(spelling); k >= 0; k = text.indexOf(spelling, k + spelling.length)) {
          if (!taken(k, k + spelling.length)) out.push({ from: k, to: k + spelling.length, entry: v.entry, choices: v.choices });
        }
      }
      out.sort((a, b) => a.from - b.from);
      return out;
    },
  };
}

// Marks the words that belong to a URL, a domain or an e-mail address; undefined when there are none.
function linkedWords(view: TextView, words: Words): Uint8Array | undefined {
  const links = linkRanges(view);
  if (links.length === 0) return undefined;
  const out = new Uint8Array(words.count);
  let k = 0;
  for (let i = 0; i < words.count; i++) {
    while (k < links.length && links[k][1] <= words.from[i]) k++;
    if (k === links.length) break;
    if (words.from[i] >= links[k][0]) out[i] = 1;
  }
  return out;
}

// True when the words from word `at` on spell `seq` (folded words, same punctuation between them).
function seqAt(text: string, words: Words, at: number, seq: WordSeq): boolean {
  const n = seq.words.length;
  if (at < 0 || at + n > words.count) return false;
  for (let j = 0; j < n; j++) {
    const w = seq.words[j];
    const from = words.from[at + j];
    if (words.to[at + j] - from !== w.length || !sameFolded(text, from, w)) return false;
    if (j > 0 && normGap(text.slice(words.to[at + j - 1], from)) !== seq.gaps[j - 1]) return false;
  }
  return true;
}

// Whether the words around word `i` form one of the variant's exceptions (`feel free`).
function excepted(text: string, words: Words, i: number, v: Variant): boolean {
  return v.exceptions.some((x) => seqAt(text, words, i - x.offset, x));
}

// The offset where variant `v` ends, its words ending at `end`, else -1 when the trailing
// punctuation it needs is not there.
function trailEnd(text: string, end: number, v: Variant): number {
  if (!v.trail) return end;
  let j = end;
  while (j < text.length && (text[j] === ' ' || text[j] === '\u00a0' || text[j] === '\u202f')) j++;
  if (fold(text.slice(j, j + v.trail.length)) !== v.trail) return -1;
  return j + v.trail.length;
}

// A node of the phrase trie: the phrases that end after its words, and the next words.
interface TrieNode {
  ends?: Variant[];
  /** Next words by hash of the folded word; several words may share a hash, or one word several gaps. */
  next?: Map<number, TrieEdge[]>;
}

interface TrieEdge {
  /** Normalized punctuation between the previous word and this one. */
  gap: string;
  word: string;
  node: TrieNode;
}

// The node after `word` (already folded) from `node`, created when missing.
function child(node: TrieNode, gap: string, word: string): TrieNode {
  const h = hashFolded(word);
  const next = (node.next ??= new Map<number, TrieEdge[]>());
  let edges = next.get(h);
  if (!edges) next.set(h, (edges = []));
  let edge = edges.find((e) => e.gap === gap && e.word === word);
  if (!edge) edges.push((edge = { gap, word, node: {} }));
  return edge.node;
}

// The node reached by the draft's word text[from, to) after `gap`, among the edges of its hash.
function edgeIn(edges: readonly TrieEdge[], gap: string, text: string, from: number, to: number): TrieNode | undefined {
  for (const e of edges) if (e.gap === gap && e.word.length === to - from && sameFolded(text, from, e.word)) return e.node;
  return undefined;
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
