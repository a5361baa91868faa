/**
 * The learned spam model: a logistic regression over the features of features.ts, trained by
 * `npm run train` (scripts/train.ts) from the shared corpus and committed as data
 * (model-data.ts). The data is parsed once, on first use.
 */
import type { DraftFeatures, Place } from './features';
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

/** Weighs a draft's features with a model. */
export function scoreFeatures(f: DraftFeatures, m: ModelData = spamModel()): ModelScore {
  const contributions: Contribution[] = [];
  let logit = m.bias;
  const scale = tokenScale(f.tokens.size);
  const weights = tokenWeights(m);
  for (const [token, places] of f.tokens) {
    const w = weights.get(token);
    if (w === undefined) continue;
    const c = w * scale;
    logit += c;
    contributions.push({ kind: 'word', id: token, weight: c, places });
  }
  for (const [id, count] of f.rules) {
    const w = Object.hasOwn(m.rules, id) ? m.rules[id] : undefined;
    if (w === undefined) continue;
    const c = w * ruleValue(count);
    logit += c;
    contributions.push({ kind: 'rule', id, weight: c, count });
  }
  for (const [name, [mean, std, w]] of Object.entries(m.numeric)) {
    const x = f.numeric[name];
    if (x === undefined) continue;
    const c = w * numericValue(x, mean, std);
    logit += c;
    if (c !== 0) contributions.push({ kind: 'structure', id: name, weight: c });
  }
  contributions.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const spamProbability = sigmoid(m.calibration.a * logit + m.calibration.b);
  return { logit, spamProbability, likelySpam: logit >= m.threshold, score: scoreOf(logit, m), contributions };
}
