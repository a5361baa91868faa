/**
 * The learned spam model: a logistic regression over the features of features.ts, trained by
 * `npm run train` (scripts/train.ts) from the shared corpus and committed as data
 * (model-data.ts). The data is parsed once, on first use.
 */
import type { DraftModel } from '../model';
import type { Finding } from '../types';
import { grown, type TextView } from '../text/view';
import { foldCode } from '../text/normalize';
import { hashFolded } from '../text/words';
import { type DraftFeatures, MAX_PLACES_PER_TOKEN, type Place, readDraft, type TokenSink } from './features';
import { MODEL_JSON } from './model-data';

/** The model as training writes it. */
export interface ModelData {
  version: number;
  /** What it was trained on, for the docs. */
  trainedOn: { spam: number; ham: number; corpus: string };
  bias: number;
  /** Token → weight. */
  tokens: Record<string, number>;
  /** Rule id → weight per log2(1 + findings). */
  rules: Record<string, number>;
  /** Structural measure → [mean, standard deviation, weight]. */
  numeric: Record<string, [number, number, number]>;
  /** Platt scaling fitted on leave-one-source-out logits: p = σ(a·z + b). */
  calibration: { a: number; b: number };
  /** The raw logit at which a draft is likely spam (at most 1% of training ham reaches it). */
  threshold: number;
  /** Logit units per score unit around the threshold (see scoreOf). */
  spread: number;
}

/** Token weights are scaled by 1/√(distinct tokens), at least this many, so long drafts do not add up without bound. */
export const MIN_TOKENS_FOR_SCALE = 30;

/** The scale of each token's weight in a draft with `distinct` distinct tokens. */
export function tokenScale(distinct: number): number {
  return 1 / Math.sqrt(Math.max(MIN_TOKENS_FOR_SCALE, distinct));
}

/** A rule's feature value: repeated findings count, with diminishing returns. */
export function ruleValue(count: number): number {
  return Math.log2(1 + count);
}

/** A standardized structural measure; clipped so one extreme value cannot decide alone. */
export function numericValue(x: number, mean: number, std: number): number {
  const z = (x - mean) / (std || 1);
  return Math.max(-4, Math.min(4, z));
}

let loaded: ModelData | undefined;
// Token weights as a Map: a draft's words include `constructor` and `valueof`, which an object
// lookup would answer from Object.prototype.
const tokenMaps = new WeakMap<ModelData, Map<string, number>>();

/** The committed model, parsed on first use. */
export function spamModel(): ModelData {
  return (loaded ??= JSON.parse(MODEL_JSON) as ModelData);
}

/** A model's token weights, as a Map built once per model. */
export function tokenWeights(m: ModelData): Map<string, number> {
  let map = tokenMaps.get(m);
  if (!map) tokenMaps.set(m, (map = new Map(Object.entries(m.tokens))));
  return map;
}

/** One feature's share of a draft's score, in logit units (positive raises the score). */
export interface Contribution {
  kind: 'word' | 'rule' | 'structure';
  /** The token (`s:` prefix for the subject), rule id or measure name. */
  id: string;
  weight: number;
  places?: Place[];
  count?: number;
}

/** The model's reading of a draft. */
export interface ModelScore {
  logit: number;
  spamProbability: number;
  likelySpam: boolean;
  /** 0–10, 5 at the likelySpam threshold, monotone in the probability. */
  score: number;
  contributions: Contribution[];
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * The 0–10 score of a logit: 10·σ((z − threshold)/spread), so 5 is the likelySpam threshold,
 * as SpamAssassin's `required_score` of 5. Rounded to one decimal without crossing 5 the wrong way.
 */
export function scoreOf(logit: number, m: ModelData): number {
  const s = Math.round(100 * sigmoid((logit - m.threshold) / m.spread)) / 10;
  return logit >= m.threshold ? Math.max(5, s) : Math.min(4.9, s);
}

/** Weighs a draft's features with a model (the strings of training; scoreDraft gives the same result). */
export function scoreFeatures(f: DraftFeatures, m: ModelData = spamModel()): ModelScore {
  const weights = tokenWeights(m);
  const known: Contribution[] = [];
  for (const [id, places] of f.tokens) {
    const weight = weights.get(id);
    if (weight !== undefined) known.push({ kind: 'word', id, weight, places });
  }
  return weigh(m, known, f.tokens.size, f.rules, f.numeric);
}

/** Reads and weighs a parsed draft without making a string per word: the same result as scoreFeatures(extractFeatures(…)), to the bit. */
export function scoreDraft(model: DraftModel, findings: readonly Finding[], featureRules: ReadonlySet<string>, m: ModelData = spamModel()): ModelScore {
  const sink = takeSink(tokenTable(m));
  try {
    const { numeric, rules } = readDraft(model, findings, featureRules, sink);
    const known: Contribution[] = [];
    for (let k = 0; k < sink.known; k++) known.push({ kind: 'word', id: sink.idOf(k), weight: sink.weightOf(k), places: sink.placesOf(k) });
    return weigh(m, known, sink.count, rules, numeric);
  } finally {
    releaseSink(sink);
  }
}

/** What a breakdown shows of a draft's contributions (see scoreDraftShown). */
export interface ShownContributions {
  /** False for a weight too small to show: a cheap test, made before a word's contribution is. */
  weighs(weight: number): boolean;
  /**
   * Whether a word token of the model may be shown, whatever its weight. Asked at most once per
   * token: the answers are kept with the model, for this object.
   */
  showsWord(id: string): boolean;
  /** At most this many are shown. */
  max: number;
}

/**
 * {@link scoreDraft}'s reading with only the contributions `shown` keeps, largest first and at
 * most `shown.max` of them (the first that scoreDraft's list holds, in its order), and the places
 * of those only. A draft's known tokens are many and shown ones few: the others are given no
 * contribution object and no places, and are not sorted.
 */
export function scoreDraftShown(model: DraftModel, findings: readonly Finding[], featureRules: ReadonlySet<string>, shown: ShownContributions, m: ModelData = spamModel()): ModelScore {
  const table = tokenTable(m);
  const wordShown = shownWords(table, shown);
  const sink = takeSink(table);
  try {
    const { numeric, rules } = readDraft(model, findings, featureRules, sink);
    const kept: Contribution[] = [];
    // The known token of each word kept, to give it its places at the end.
    const keptTokens: number[] = [];
    const scale = tokenScale(sink.count);
    // The sum in scoreDraft's order (see weigh).
    let logit = m.bias;
    for (let k = 0; k < sink.known; k++) {
      const c = sink.weightOf(k) * scale;
      logit += c;
      if (!shown.weighs(c)) continue;
      const t = sink.tokenOf(k);
      if (wordShown[t] === 0) wordShown[t] = shown.showsWord(table.ids[t]) ? SHOWN : NOT_SHOWN;
      if (wordShown[t] === NOT_SHOWN) continue;
      kept.push({ kind: 'word', id: table.ids[t], weight: c });
      keptTokens.push(k);
    }
    const words = kept.length;
    logit = weighOthers(m, logit, rules, numeric, (c) => {
      if (shown.weighs(c.weight)) kept.push(c);
    });
    const top = largestFirst(kept, shown.max);
    for (const c of top) {
      const k = kept.indexOf(c);
      if (k < words) c.places = sink.placesOf(keptTokens[k]);
    }
    return result(m, logit, top);
  } finally {
    releaseSink(sink);
  }
}

// Whether each token of a table may be shown (SHOWN, NOT_SHOWN, 0: not asked yet), per table
// and ShownContributions.
const SHOWN = 1;
const NOT_SHOWN = 2;
const shownByTable = new WeakMap<TokenTable, WeakMap<ShownContributions, Uint8Array>>();

function shownWords(table: TokenTable, shown: ShownContributions): Uint8Array {
  let byShown = shownByTable.get(table);
  if (!byShown) shownByTable.set(table, (byShown = new WeakMap()));
  let marks = byShown.get(shown);
  if (!marks) byShown.set(shown, (marks = new Uint8Array(table.ids.length)));
  return marks;
}

// The first `max` of `list` sorted by largerFirst, stably. Those are among the contributions at
// least as large as the max-th largest: only those are sorted, which keeps their order in the
// sort of all.
function largestFirst(list: Contribution[], max: number): Contribution[] {
  let candidates = list;
  if (list.length > max) {
    const sizes = new Float64Array(list.length);
    for (let i = 0; i < list.length; i++) sizes[i] = Math.abs(list[i].weight);
    sizes.sort();
    const least = sizes[list.length - max];
    candidates = list.filter((c) => Math.abs(c.weight) >= least);
  }
  const out = candidates.slice();
  // Many of the same size make it Array#sort again.
  if (out.length > 4 * max) return out.sort(largerFirst).slice(0, max);
  sortFew(out, largerFirst);
  if (out.length > max) out.length = max;
  return out;
}

/**
 * Sorts a short list in place, stably as Array#sort does: an insertion sort, quicker than
 * Array#sort on the few contributions and contributors a breakdown shows.
 */
export function sortFew<T>(list: T[], compare: (a: T, b: T) => number): void {
  for (let i = 1; i < list.length; i++) {
    const x = list[i];
    let j = i;
    while (j > 0 && compare(list[j - 1], x) > 0) {
      list[j] = list[j - 1];
      j--;
    }
    list[j] = x;
  }
}

// A sink kept from one draft to the next, so that a lint does not allocate its tables again (a
// dozen typed arrays were a tenth of the score of a small draft). Taken while a draft is read and
// given back after, emptied: it holds no draft between two.
let spareSink: HashSink | undefined;
// A sink grown past this many distinct tokens is not kept (a draft reads at most
// MAX_WORDS_PER_VIEW words per text, but may have many texts).
const MAX_SPARE_TOKENS = 1 << 16;

function takeSink(table: TokenTable): HashSink {
  const sink = spareSink?.table === table ? spareSink : new HashSink(table);
  spareSink = undefined;
  return sink;
}

function releaseSink(sink: HashSink): void {
  if (sink.capacity() > MAX_SPARE_TOKENS) return;
  sink.clear();
  spareSink = sink;
}

// The sum runs in the order of the draft's tokens (first occurrences), then rules, then measures.
// `known` becomes the list of contributions: its tokens' weights are scaled in place.
function weigh(m: ModelData, known: Contribution[], distinct: number, rules: Map<string, number>, numeric: Record<string, number>): ModelScore {
  const contributions = known;
  let logit = m.bias;
  const scale = tokenScale(distinct);
  for (const t of known) {
    const c = t.weight * scale;
    logit += c;
    t.weight = c;
  }
  logit = weighOthers(m, logit, rules, numeric, (c) => contributions.push(c));
  contributions.sort(largerFirst);
  return result(m, logit, contributions);
}

// Adds the rules' and then the measures' weights to `logit`, in that order, giving each
// contribution to `add`; returns the sum.
function weighOthers(m: ModelData, logit: number, rules: Map<string, number>, numeric: Record<string, number>, add: (c: Contribution) => void): number {
  for (const [id, count] of rules) {
    const w = Object.hasOwn(m.rules, id) ? m.rules[id] : undefined;
    if (w === undefined) continue;
    const c = w * ruleValue(count);
    logit += c;
    add({ kind: 'rule', id, weight: c, count });
  }
  for (const [name, mean, std, w] of numericWeights(m)) {
    const x = numeric[name];
    if (x === undefined) continue;
    const c = w * numericValue(x, mean, std);
    logit += c;
    if (c !== 0) add({ kind: 'structure', id: name, weight: c });
  }
  return logit;
}

function result(m: ModelData, logit: number, contributions: Contribution[]): ModelScore {
  const spamProbability = sigmoid(m.calibration.a * logit + m.calibration.b);
  return { logit, spamProbability, likelySpam: logit >= m.threshold, score: scoreOf(logit, m), contributions };
}

const numericLists = new WeakMap<ModelData, Array<[string, number, number, number]>>();

// The model's structural measures, name, mean, deviation and weight, in the model's order: read
// from the model once, not as new entry arrays on every draft.
function numericWeights(m: ModelData): Array<[string, number, number, number]> {
  let list = numericLists.get(m);
  if (!list) numericLists.set(m, (list = Object.entries(m.numeric).map(([name, [mean, std, w]]) => [name, mean, std, w])));
  return list;
}

// Larger weights (in absolute value) first, then by id. It answers −1, 0 or 1: the difference of
// the two sizes, a fraction, was a new heap number at each of the sort's calls.
function largerFirst(a: Contribution, b: Contribution): number {
  const x = Math.abs(a.weight);
  const y = Math.abs(b.weight);
  if (x !== y) return x > y ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// Token flags: in the subject (`s:` in front); a literal string (sym:, tld:, host:), not folded.
const SUBJECT = 1;
const LITERAL = 2;
// A word pair, kept as the indexes of its two words (see HashSink.text).
const PAIR = 4;

// A token as the sink sees it: `s:` + src[a1, b1) (+ ' ' + src[a2, b2)), folded; its k-th code unit.
function charOf(flags: number, src: string, a1: number, b1: number, a2: number, k: number): number {
  if (flags & SUBJECT) {
    if (k < 2) return k === 0 ? 0x73 : 0x3a; // "s:"
    k -= 2;
  }
  const n1 = b1 - a1;
  const c = k < n1 ? src.charCodeAt(a1 + k) : k === n1 ? 0x20 : src.charCodeAt(a2 + k - n1 - 1);
  return flags & LITERAL ? c : foldCode(c);
}

function lengthOf(flags: number, a1: number, b1: number, a2: number, b2: number): number {
  return (flags & SUBJECT ? 2 : 0) + b1 - a1 + (a2 >= 0 ? 1 + b2 - a2 : 0);
}

/** A model's tokens in an open-addressing table keyed by their hash (hashFolded of the token). */
interface TokenTable {
  mask: number;
  /**
   * Two numbers a slot: the token index + 1 (0: empty), then the token's hash, side by side so
   * that a probe reads one place of a table too large for the cache (most of a draft's word
   * pairs are not in the model, and each miss probes a slot or two).
   */
  slots: Int32Array;
  /**
   * One bit per value of a hash's low FILTER_BITS bits, set when a token of the model has it:
   * small enough to stay in the cache, it turns most unknown tokens away without a probe.
   */
  filter: Uint8Array;
  ids: string[];
  /** Token weights, NaN until the token is first found (reading all 37,000 slowed a process's first score). */
  weights: Float64Array;
  /** The model's token weights by id, read when a token is first found. */
  tokens: Record<string, number>;
  /**
   * Tokens found lately, each in an entry of RECENT_UNITS 16-bit units (a cache line) at a place
   * set by its hash: the hash, the token index + 1 (0: empty), the length, the weight (a
   * float64, read through `recentWeights`) and the code units of the token. It finds the words
   * that draft after draft uses (most of those the model knows) from one place of memory,
   * without the large table, the id string or the weights, all out of the cache after the rest
   * of a lint. Tokens longer than RECENT_MAX_CHARS are not kept.
   */
  recent: Uint16Array;
  recentWeights: Float64Array;
}

const FILTER_BITS = 19;
const FILTER_MASK = (1 << FILTER_BITS) - 1;
// 8,192 entries of 64 bytes: on the 57 corpus templates, 1 in 17 of the known tokens looked up
// missed them for another token at their place (1 in 8 with 4,096), and each miss reads the large
// table, an id and a weight.
const RECENT_BITS = 13;
const RECENT_MASK = (1 << RECENT_BITS) - 1;
// A recent entry's fields, in 16-bit units from its start.
const RECENT_UNITS = 32;
const RECENT_HASH = 0;
const RECENT_INDEX = 2;
const RECENT_LENGTH = 4;
const RECENT_WEIGHT = 8;
const RECENT_CHARS = 12;
const RECENT_MAX_CHARS = RECENT_UNITS - RECENT_CHARS;
const tables = new WeakMap<ModelData, TokenTable>();

function tokenTable(m: ModelData): TokenTable {
  let table = tables.get(m);
  if (table) return table;
  // Read from the parsed object, own keys only (every id is one), not through tokenWeights: a
  // Map of the model's 37,000 tokens cost a CLI process or worker 20–50 ms before its first score.
  const ids = Object.keys(m.tokens);
  let size = 16;
  while (size < ids.length * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(2 * size);
  const filter = new Uint8Array(1 << (FILTER_BITS - 3));
  for (let i = 0; i < ids.length; i++) {
    const h = hashFolded(ids[i]);
    let slot = h & mask;
    while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = i + 1;
    slots[2 * slot + 1] = h;
    filter[(h & FILTER_MASK) >>> 3] |= 1 << (h & 7);
  }
  const recent = new ArrayBuffer(2 * RECENT_UNITS << RECENT_BITS);
  table = {
    mask,
    slots,
    filter,
    ids,
    weights: new Float64Array(ids.length).fill(NaN),
    tokens: m.tokens,
    recent: new Uint16Array(recent),
    recentWeights: new Float64Array(recent),
  };
  tables.set(m, table);
  return table;
}

// The weight of token t, read from the model on first use.
function weightIn(table: TokenTable, t: number): number {
  let w = table.weights[t];
  if (w !== w) table.weights[t] = w = table.tokens[table.ids[t]];
  return w;
}

// The recent entry of a hash (see TokenTable.recent), in 16-bit units.
function recentEntry(hash: number): number {
  return ((hash ^ (hash >>> RECENT_BITS)) & RECENT_MASK) * RECENT_UNITS;
}

// `s[x, x + n)` and `t[y, y + n)` fold alike.
function sameAcross(s: string, x: number, t: string, y: number, n: number): boolean {
  for (let k = 0; k < n; k++) {
    const p = s.charCodeAt(x + k);
    const q = t.charCodeAt(y + k);
    if (p !== q && foldCode(p) !== foldCode(q)) return false;
  }
  return true;
}

// Whether the code units of src[from, to), folded unless `literal`, are those of `units` from `at` on.
function unitsMatch(units: Uint16Array, at: number, src: string, from: number, to: number, literal: boolean): boolean {
  for (let i = from; i < to; i++, at++) {
    const c = src.charCodeAt(i);
    if (units[at] !== (literal ? c : foldCode(c))) return false;
  }
  return true;
}

/**
 * Counts a draft's distinct tokens and keeps those the model knows, with their first places,
 * from hashes alone: a hash match is confirmed character by character, so two tokens that
 * share a hash stay two tokens, exactly as the strings of extractFeatures would. A word pair
 * is confirmed by the indexes of its two words, already confirmed: words hold no space, so two
 * pairs read the same exactly when their first words do and their second words do.
 * Known tokens and their places are numbers in typed arrays: a contribution object and place
 * objects are made only for those asked for (see scoreDraftShown).
 */
class HashSink implements TokenSink {
  /** Distinct tokens so far. */
  count = 0;
  /** Distinct tokens the model knows, so far. */
  known = 0;
  private mask: number;
  private slots: Int32Array<ArrayBuffer>;
  // Per distinct token: its hash, its flags (SUBJECT, LITERAL, PAIR), its source text and ranges
  // (a pair: the indexes of its words), and its index among the known tokens (−1: unknown to
  // the model), 8 numbers a token.
  private data: Int32Array<ArrayBuffer>;
  private srcs: string[] = [];
  // Per known token: its index in the model's table and its weight, its first and last places, how many.
  private knownToken: Int32Array<ArrayBuffer>;
  private knownWeight: Float64Array<ArrayBuffer>;
  private knownFirst: Int32Array<ArrayBuffer>;
  private knownLast: Int32Array<ArrayBuffer>;
  private knownPlaces: Uint8Array<ArrayBuffer>;
  // Places, 4 numbers each: the view's index in `views`, from, to, and the token's next place (−1: none).
  private places: Int32Array<ArrayBuffer>;
  private placeCount = 0;
  private readonly views: TextView[] = [];
  private readonly viewIndexes = new Map<TextView, number>();
  private lastView: TextView | undefined = undefined;
  private lastViewIndex = -1;
  // The indexes of the last two words given (a pair joins them, see TokenSink).
  private lastWord = -1;
  private wordBefore = -1;
  // What expect read, kept so that the reads are not optimised away.
  private warm = 0;
  // The weight of the token lookUp found last.
  private foundWeight = 0;

  constructor(readonly table: TokenTable) {
    const size = 256;
    this.mask = size - 1;
    this.slots = new Int32Array(size);
    this.data = new Int32Array(8 * (size >> 1));
    const known = size >> 2;
    this.knownToken = new Int32Array(known);
    this.knownWeight = new Float64Array(known);
    this.knownFirst = new Int32Array(known);
    this.knownLast = new Int32Array(known);
    this.knownPlaces = new Uint8Array(known);
    this.places = new Int32Array(4 * known);
  }

  /** How many distinct tokens its tables hold before growing. */
  capacity(): number {
    return this.data.length / 8;
  }

  /** Empties the sink for the next draft, keeping its tables and no reference to the last one. */
  clear(): void {
    this.slots.fill(0);
    this.count = 0;
    this.known = 0;
    this.placeCount = 0;
    this.srcs.length = 0;
    this.views.length = 0;
    this.viewIndexes.clear();
    this.lastView = undefined;
    this.lastViewIndex = -1;
    this.lastWord = -1;
    this.wordBefore = -1;
  }

  text(hash: number, subject: boolean, src: string, a1: number, b1: number, a2: number, b2: number, view: TextView, from: number, to: number): void {
    if (a2 < 0) {
      this.wordBefore = this.lastWord;
      this.lastWord = this.add(hash, subject ? SUBJECT : 0, src, a1, b1, -1, -1, view, from, to);
      return;
    }
    const flags = (subject ? SUBJECT : 0) | PAIR;
    const first = this.wordBefore;
    const second = this.lastWord;
    const data = this.data;
    let slot = hash & this.mask;
    for (let e = this.slots[slot]; e !== 0; e = this.slots[slot]) {
      const r = 8 * (e - 1);
      if (data[r] === hash && data[r + 1] === flags && data[r + 2] === first && data[r + 3] === second) {
        this.placeAgain(r, view, from, to);
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    const t = this.lookUp(hash, lengthOf(flags, a1, b1, a2, b2), flags, src, a1, b1, a2, b2);
    this.insert(slot, hash, flags, first, second, -1, -1, src, t, view, from, to);
  }

  other(key: string, view: TextView, from: number, to: number): void {
    this.add(hashFolded(key), LITERAL, key, 0, key.length, -1, -1, view, from, to);
  }

  // Reads the places of the model's table that looking these hashes up will read: one loop of
  // reads that do not wait on each other, where the lookups, one at a time, each waited on
  // memory (the table is out of the cache after the rest of a lint).
  expect(hashes: Int32Array, count: number): void {
    const { filter, recent } = this.table;
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const hash = hashes[i];
      sum += recent[recentEntry(hash) + RECENT_LENGTH] + filter[(hash & FILTER_MASK) >>> 3];
    }
    this.warm = sum;
  }

  /** The model's weight of known token `k` (not scaled). */
  weightOf(k: number): number {
    return this.knownWeight[k];
  }

  /** The index in the table's `ids` of known token `k`. */
  tokenOf(k: number): number {
    return this.knownToken[k];
  }

  /** The id of known token `k`. */
  idOf(k: number): string {
    return this.table.ids[this.tokenOf(k)];
  }

  /** The places of known token `k`, first first. */
  placesOf(k: number): Place[] {
    const out: Place[] = [];
    for (let p = this.knownFirst[k]; p >= 0; p = this.places[4 * p + 3]) {
      out.push({ view: this.views[this.places[4 * p]], from: this.places[4 * p + 1], to: this.places[4 * p + 2] });
    }
    return out;
  }

  // A word or another token (not a pair); returns its index.
  private add(hash: number, flags: number, src: string, a1: number, b1: number, a2: number, b2: number, view: TextView, from: number, to: number): number {
    const length = lengthOf(flags, a1, b1, a2, b2);
    const data = this.data;
    let slot = hash & this.mask;
    for (let e = this.slots[slot]; e !== 0; e = this.slots[slot]) {
      const i = e - 1;
      const r = 8 * i;
      if (data[r] === hash && !(data[r + 1] & PAIR) && this.sameAs(i, length, flags, src, a1, b1, a2, b2)) {
        this.placeAgain(r, view, from, to);
        return i;
      }
      slot = (slot + 1) & this.mask;
    }
    return this.insert(slot, hash, flags, a1, b1, a2, b2, src, this.lookUp(hash, length, flags, src, a1, b1, a2, b2), view, from, to);
  }

  // Another place of token r/8, kept if the model knows it and it has few.
  private placeAgain(r: number, view: TextView, from: number, to: number): void {
    const k = this.data[r + 6];
    if (k < 0 || this.knownPlaces[k] >= MAX_PLACES_PER_TOKEN) return;
    const p = this.newPlace(view, from, to);
    this.places[4 * this.knownLast[k] + 3] = p;
    this.knownLast[k] = p;
    this.knownPlaces[k]++;
  }

  // A place with no next one; returns its index.
  private newPlace(view: TextView, from: number, to: number): number {
    const p = this.placeCount++;
    if (4 * this.placeCount > this.places.length) this.places = grown(this.places, 2 * this.places.length);
    const places = this.places;
    places[4 * p] = this.viewIndex(view);
    places[4 * p + 1] = from;
    places[4 * p + 2] = to;
    places[4 * p + 3] = -1;
    return p;
  }

  private viewIndex(view: TextView): number {
    if (view === this.lastView) return this.lastViewIndex;
    let i = this.viewIndexes.get(view);
    if (i === undefined) {
      i = this.views.length;
      this.views.push(view);
      this.viewIndexes.set(view, i);
    }
    this.lastView = view;
    this.lastViewIndex = i;
    return i;
  }

  // A new distinct token at `slot`, with its index `t` in the model's table (−1: unknown; its
  // weight in foundWeight otherwise); returns its index.
  private insert(slot: number, hash: number, flags: number, x1: number, y1: number, x2: number, y2: number, src: string, t: number, view: TextView, from: number, to: number): number {
    const i = this.count++;
    this.slots[slot] = i + 1;
    if (8 * this.count > this.data.length) this.data = grown(this.data, 2 * this.data.length);
    const data = this.data;
    const r = 8 * i;
    data[r] = hash;
    data[r + 1] = flags;
    data[r + 2] = x1;
    data[r + 3] = y1;
    data[r + 4] = x2;
    data[r + 5] = y2;
    if (t >= 0) {
      const k = this.known++;
      if (k === this.knownToken.length) {
        const cap = 2 * k;
        this.knownToken = grown(this.knownToken, cap);
        this.knownWeight = grown(this.knownWeight, cap);
        this.knownFirst = grown(this.knownFirst, cap);
        this.knownLast = grown(this.knownLast, cap);
        this.knownPlaces = grown(this.knownPlaces, cap);
      }
      const p = this.newPlace(view, from, to);
      this.knownToken[k] = t;
      this.knownWeight[k] = this.foundWeight;
      this.knownFirst[k] = p;
      this.knownLast[k] = p;
      this.knownPlaces[k] = 1;
      data[r + 6] = k;
    } else data[r + 6] = -1;
    this.srcs.push(src);
    if (this.count * 2 > this.mask) this.grow();
    return i;
  }

  // Token i reads the same as the given one.
  private sameAs(i: number, length: number, flags: number, src: string, a1: number, b1: number, a2: number, b2: number): boolean {
    const r = 8 * i;
    const f = this.data[r + 1];
    const c1 = this.data[r + 2];
    const d1 = this.data[r + 3];
    const c2 = this.data[r + 4];
    const d2 = this.data[r + 5];
    if (lengthOf(f, c1, d1, c2, d2) !== length) return false;
    const other = this.srcs[i];
    if (f === flags && d1 - c1 === b1 - a1 && c2 < 0 === a2 < 0 && !(flags & LITERAL)) {
      // The same shape (the common case): compare the words, folding only where they differ as
      // written.
      return sameAcross(other, c1, src, a1, b1 - a1) && (a2 < 0 || sameAcross(other, c2, src, a2, b2 - a2));
    }
    for (let k = 0; k < length; k++) if (charOf(f, other, c1, d1, c2, k) !== charOf(flags, src, a1, b1, a2, k)) return false;
    return true;
  }

  // The token's index in the model's table, its weight in foundWeight; −1 when the model does
  // not know it.
  private lookUp(hash: number, length: number, flags: number, src: string, a1: number, b1: number, a2: number, b2: number): number {
    const table = this.table;
    const { recent } = table;
    const r = recentEntry(hash);
    if (
      recent[r + RECENT_LENGTH] === length &&
      recent[r + RECENT_HASH] === (hash & 0xffff) &&
      recent[r + RECENT_HASH + 1] === hash >>> 16 &&
      this.reads(recent, r + RECENT_CHARS, flags, src, a1, b1, a2, b2)
    ) {
      const t = (recent[r + RECENT_INDEX] | (recent[r + RECENT_INDEX + 1] << 16)) - 1;
      if (t >= 0) {
        this.foundWeight = table.recentWeights[(r + RECENT_WEIGHT) / 4];
        return t;
      }
    }
    const { mask, slots, filter, ids } = table;
    if ((filter[(hash & FILTER_MASK) >>> 3] & (1 << (hash & 7))) === 0) return -1;
    for (let slot = hash & mask, e = slots[2 * slot]; e !== 0; slot = (slot + 1) & mask, e = slots[2 * slot]) {
      if (slots[2 * slot + 1] !== hash) continue;
      const t = e - 1;
      const id = ids[t];
      if (id.length !== length) continue;
      let k = 0;
      while (k < length && id.charCodeAt(k) === charOf(flags, src, a1, b1, a2, k)) k++;
      if (k < length) continue;
      const w = weightIn(table, t);
      this.foundWeight = w;
      if (length <= RECENT_MAX_CHARS) {
        recent[r + RECENT_HASH] = hash & 0xffff;
        recent[r + RECENT_HASH + 1] = hash >>> 16;
        recent[r + RECENT_INDEX] = e & 0xffff;
        recent[r + RECENT_INDEX + 1] = e >>> 16;
        recent[r + RECENT_LENGTH] = length;
        table.recentWeights[(r + RECENT_WEIGHT) / 4] = w;
        for (let j = 0; j < length; j++) recent[r + RECENT_CHARS + j] = id.charCodeAt(j);
      }
      return t;
    }
    return -1;
  }

  // Whether `units` from `at` on hold the token's code units (the length already compared).
  private reads(units: Uint16Array, at: number, flags: number, src: string, a1: number, b1: number, a2: number, b2: number): boolean {
    if (flags & SUBJECT) {
      if (units[at] !== 0x73 || units[at + 1] !== 0x3a) return false; // "s:"
      at += 2;
    }
    const literal = (flags & LITERAL) !== 0;
    if (!unitsMatch(units, at, src, a1, b1, literal)) return false;
    if (a2 < 0) return true;
    at += b1 - a1;
    return units[at] === 0x20 && unitsMatch(units, at + 1, src, a2, b2, literal);
  }

  private grow(): void {
    const size = 2 * (this.mask + 1);
    this.mask = size - 1;
    this.slots = new Int32Array(size);
    for (let i = 0; i < this.count; i++) {
      let slot = this.data[8 * i] & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = i + 1;
    }
  }
}
