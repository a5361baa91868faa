/**
 * The learned spam model: a logistic regression over the features of features.ts, trained by
 * `npm run train` (scripts/train.ts) from the shared corpus and committed as data
 * (model-data.ts). The data is parsed once, on first use.
 */
import type { DraftModel } from '../model';
import type { Finding } from '../types';
import type { TextView } from '../text/view';
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

/**
 * A known token of a draft, with its first places: its contribution, made once, whose weight is
 * the model's until weigh scales it.
 */
interface KnownToken extends Contribution {
  kind: 'word';
  places: Place[];
}

/** Weighs a draft's features with a model (the strings of training; scoreDraft gives the same result). */
export function scoreFeatures(f: DraftFeatures, m: ModelData = spamModel()): ModelScore {
  const weights = tokenWeights(m);
  const known: KnownToken[] = [];
  for (const [id, places] of f.tokens) {
    const weight = weights.get(id);
    if (weight !== undefined) known.push({ kind: 'word', id, weight, places });
  }
  return weigh(m, known, f.tokens.size, f.rules, f.numeric);
}

/** Reads and weighs a parsed draft without making a string per word: the same result as scoreFeatures(extractFeatures(…)), to the bit. */
export function scoreDraft(model: DraftModel, findings: readonly Finding[], featureRules: ReadonlySet<string>, m: ModelData = spamModel()): ModelScore {
  const sink = new HashSink(tokenTable(m));
  const { numeric, rules } = readDraft(model, findings, featureRules, sink);
  return weigh(m, sink.known, sink.count, rules, numeric);
}

// The sum runs in the order of the draft's tokens (first occurrences), then rules, then measures.
// `known` becomes the list of contributions: its tokens' weights are scaled in place.
function weigh(m: ModelData, known: KnownToken[], distinct: number, rules: Map<string, number>, numeric: Record<string, number>): ModelScore {
  const contributions: Contribution[] = known;
  let logit = m.bias;
  const scale = tokenScale(distinct);
  for (const t of known) {
    const c = t.weight * scale;
    logit += c;
    t.weight = c;
  }
  for (const [id, count] of rules) {
    const w = Object.hasOwn(m.rules, id) ? m.rules[id] : undefined;
    if (w === undefined) continue;
    const c = w * ruleValue(count);
    logit += c;
    contributions.push({ kind: 'rule', id, weight: c, count });
  }
  for (const [name, [mean, std, w]] of Object.entries(m.numeric)) {
    const x = numeric[name];
    if (x === undefined) continue;
    const c = w * numericValue(x, mean, std);
    logit += c;
    if (c !== 0) contributions.push({ kind: 'structure', id: name, weight: c });
  }
  contributions.sort(largerFirst);
  const spamProbability = sigmoid(m.calibration.a * logit + m.calibration.b);
  return { logit, spamProbability, likelySpam: logit >= m.threshold, score: scoreOf(logit, m), contributions };
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
  weights: Float64Array;
}

const FILTER_BITS = 19;
const FILTER_MASK = (1 << FILTER_BITS) - 1;
const tables = new WeakMap<ModelData, TokenTable>();

function tokenTable(m: ModelData): TokenTable {
  let table = tables.get(m);
  if (table) return table;
  // Read from the parsed object, own keys only (every id is one), not through tokenWeights: a
  // Map of the model's 37,000 tokens cost a CLI process or worker 20–50 ms before its first score.
  const ids = Object.keys(m.tokens);
  let size = 16;
  while (size < ids.length * 2) size *= 2;
  table = { mask: size - 1, slots: new Int32Array(2 * size), filter: new Uint8Array(1 << (FILTER_BITS - 3)), ids, weights: new Float64Array(ids.length) };
  ids.forEach((id, i) => {
    const h = hashFolded(id);
    table!.weights[i] = m.tokens[id];
    let slot = h & table!.mask;
    while (table!.slots[2 * slot] !== 0) slot = (slot + 1) & table!.mask;
    table!.slots[2 * slot] = i + 1;
    table!.slots[2 * slot + 1] = h;
    table!.filter[(h & FILTER_MASK) >>> 3] |= 1 << (h & 7);
  });
  tables.set(m, table);
  return table;
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

/**
 * Counts a draft's distinct tokens and keeps those the model knows, with their first places,
 * from hashes alone: a hash match is confirmed character by character, so two tokens that
 * share a hash stay two tokens, exactly as the strings of extractFeatures would. A word pair
 * is confirmed by the indexes of its two words, already confirmed: words hold no space, so two
 * pairs read the same exactly when their first words do and their second words do.
 */
class HashSink implements TokenSink {
  /** Distinct tokens so far. */
  count = 0;
  readonly known: KnownToken[] = [];
  // Small to start with (a short draft has a few dozen tokens); both grow with the draft.
  private mask = 63;
  private slots = new Int32Array(64);
  // Per distinct token: its hash, its flags (SUBJECT, LITERAL, PAIR), its source text and ranges
  // (a pair: the indexes of its words), and its index in `known` (−1: unknown to the model), 8
  // numbers a token.
  private data = new Int32Array(8 * 32);
  private srcs: string[] = [];
  // The indexes of the last two words given (a pair joins them, see TokenSink).
  private lastWord = -1;
  private wordBefore = -1;

  constructor(private readonly table: TokenTable) {}

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
    const t = this.lookUp(hash, lengthOf(flags, a1, b1, a2, b2), flags, src, a1, b1, a2);
    this.insert(slot, hash, flags, first, second, -1, -1, src, t, view, from, to);
  }

  other(key: string, view: TextView, from: number, to: number): void {
    this.add(hashFolded(key), LITERAL, key, 0, key.length, -1, -1, view, from, to);
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
    return this.insert(slot, hash, flags, a1, b1, a2, b2, src, this.lookUp(hash, length, flags, src, a1, b1, a2), view, from, to);
  }

  // Another place of token r/8, kept if the model knows it and it has few.
  private placeAgain(r: number, view: TextView, from: number, to: number): void {
    const k = this.data[r + 6];
    if (k >= 0 && this.known[k].places.length < MAX_PLACES_PER_TOKEN) this.known[k].places.push({ view, from, to });
  }

  // A new distinct token at `slot`, with the model's index `t` (−1: unknown); returns its index.
  private insert(slot: number, hash: number, flags: number, x1: number, y1: number, x2: number, y2: number, src: string, t: number, view: TextView, from: number, to: number): number {
    const i = this.count++;
    this.slots[slot] = i + 1;
    if (8 * this.count > this.data.length) {
      const bigger = new Int32Array(2 * this.data.length);
      bigger.set(this.data);
      this.data = bigger;
    }
    const r = 8 * i;
    this.data[r] = hash;
    this.data[r + 1] = flags;
    this.data[r + 2] = x1;
    this.data[r + 3] = y1;
    this.data[r + 4] = x2;
    this.data[r + 5] = y2;
    this.data[r + 6] = t >= 0 ? this.known.length : -1;
    this.srcs.push(src);
    if (t >= 0) this.known.push({ kind: 'word', id: this.table.ids[t], weight: this.table.weights[t], places: [{ view, from, to }] });
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

  // The model's index of the token, or −1.
  private lookUp(hash: number, length: number, flags: number, src: string, a1: number, b1: number, a2: number): number {
    const { mask, slots, filter, ids } = this.table;
    if ((filter[(hash & FILTER_MASK) >>> 3] & (1 << (hash & 7))) === 0) return -1;
    for (let slot = hash & mask, e = slots[2 * slot]; e !== 0; slot = (slot + 1) & mask, e = slots[2 * slot]) {
      if (slots[2 * slot + 1] !== hash) continue;
      const t = e - 1;
      const id = ids[t];
      if (id.length !== length) continue;
      let k = 0;
      while (k < length && id.charCodeAt(k) === charOf(flags, src, a1, b1, a2, k)) k++;
      if (k === length) return t;
    }
    return -1;
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
