// Fits the spam model (L2-regularised logistic regression, full-batch Adam: deterministic) on
// corpus documents, and the measures used to evaluate it.
import { NUMERIC_FEATURES } from '../../src/engine/score/features';
import { type ModelData, numericValue, ruleValue, tokenScale, tokenWeights } from '../../src/engine/score/model';
import type { Corpus, Doc } from './corpus';

/** Training settings; the defaults are the committed model's. */
export const FIT = {
  /** A token must occur in this many training documents… */
  minDocs: 5,
  /** …from this many different sources, so that no source's own vocabulary (a list name, a template's footer) is learned. */
  minGroups: 3,
  maxVocab: 40_000,
  l2: 1e-4,
  iterations: 120,
  learningRate: 0.1,
  /** At most this share of training ham may reach the likelySpam threshold (issue #17)… */
  hamAboveThreshold: 0.01,
  /**
   * …each scored by a model trained without it: the training documents are dealt into this many
   * folds, and each fold's legitimate mail is scored by a model fitted on the others (0: by the
   * model itself, in-sample). A model fitted on a message has learned its words, so in-sample
   * scores of legitimate mail are lower than those of unseen mail, and an in-sample threshold
   * lets about twice as much unseen legitimate mail through.
   */
  thresholdFolds: 3,
};

/** Documents a model learns from: English and French only ("other"-language spam has no legitimate counterpart). */
export function trainable(d: Doc): boolean {
  return d.lang !== 'other' && !d.converted;
}

/**
 * Sample weights: each (label, language, HTML or plain text) cell weighs the same in total, so
 * that the model cannot learn "French means legitimate", nor "HTML means spam": most legitimate
 * mail in the corpus is plain text while most spam is HTML, and without this split the few
 * legitimate HTML newsletters and templates are drowned and read as spam for their layout.
 */
function sampleWeights(docs: Doc[]): Float64Array {
  const langs = new Map<string, number>();
  const cells = new Map<string, number>();
  const labels = new Map<string, number>();
  const fmt = (d: Doc) => `${d.lang}/${d.html ? 'html' : 'text'}`;
  for (const d of docs) {
    langs.set(d.lang, (langs.get(d.lang) ?? 0) + 1);
    cells.set(fmt(d), (cells.get(fmt(d)) ?? 0) + 1);
    labels.set(`${fmt(d)}/${d.label}`, (labels.get(`${fmt(d)}/${d.label}`) ?? 0) + 1);
  }
  const w = new Float64Array(docs.length);
  docs.forEach((d, i) => {
    // The language's share, the format's share of it, half of that per label, split among its documents.
    const share = (1 / langs.size) * (cells.get(fmt(d))! / langs.get(d.lang)!) * 0.5;
    w[i] = (docs.length * share) / labels.get(`${fmt(d)}/${d.label}`)!;
  });
  return w;
}

export interface Fitted {
  /** Logit of a document (built from the same transforms as the engine's scorer). */
  logit(d: Doc): number;
  threshold: number;
  data: ModelData;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

const round = (x: number, digits = 4) => {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
};

/** Fits a model on `docs` (all trainable), with its likelySpam threshold and score spread. */
export function fit(corpus: Corpus, docs: Doc[]): Fitted {
  const m = fitWeights(corpus, docs);
  let hamLogits: number[];
  const k = FIT.thresholdFolds;
  if (k > 1) {
    // Dealt in the corpus' order, so each source's documents spread over the folds.
    hamLogits = [];
    for (let f = 0; f < k; f++) {
      const inner = fitWeights(corpus, docs.filter((_, i) => i % k !== f));
      docs.forEach((d, i) => {
        if (i % k === f && d.label === 'ham') hamLogits.push(inner.logit(d));
      });
    }
  } else hamLogits = docs.filter((d) => d.label === 'ham').map(m.logit);
  hamLogits.sort((a, b) => b - a);
  // At most FIT.hamAboveThreshold of training ham at or above the threshold.
  const data = m.data;
  data.threshold = round(hamLogits[Math.floor(FIT.hamAboveThreshold * hamLogits.length)] + 1e-4);
  const medianHam = hamLogits[Math.floor(hamLogits.length / 2)];
  // The median training ham scores 1 out of 10: σ(−ln 9) = 0.1.
  data.spread = round(Math.max(0.1, (data.threshold - medianHam) / Math.log(9)));
  return { logit: m.logit, threshold: data.threshold, data };
}

// The weights of a model fitted on `docs`, without its threshold.
function fitWeights(corpus: Corpus, docs: Doc[]): Omit<Fitted, 'threshold'> {
  const { dict, featureRules } = corpus;
  // Vocabulary: frequent enough, in enough sources.
  const df = new Int32Array(dict.length);
  const groupsOf = new Int32Array(dict.length);
  const lastGroup = new Int32Array(dict.length).fill(-1);
  const groupIds = new Map<string, number>();
  const order = docs.map((d, i) => i).sort((a, b) => (docs[a].group < docs[b].group ? -1 : docs[a].group > docs[b].group ? 1 : a - b));
  for (const i of order) {
    const d = docs[i];
    let g = groupIds.get(d.group);
    if (g === undefined) groupIds.set(d.group, (g = groupIds.size));
    for (const t of d.tokens) {
      df[t]++;
      if (lastGroup[t] !== g) {
        lastGroup[t] = g;
        groupsOf[t]++;
      }
    }
  }
  let candidates: number[] = [];
  for (let t = 0; t < dict.length; t++) if (df[t] >= FIT.minDocs && groupsOf[t] >= FIT.minGroups) candidates.push(t);
  candidates.sort((a, b) => df[b] - df[a] || (dict[a] < dict[b] ? -1 : 1));
  candidates = candidates.slice(0, FIT.maxVocab).sort((a, b) => (dict[a] < dict[b] ? -1 : 1));
  const col = new Int32Array(dict.length).fill(-1);
  candidates.forEach((t, j) => (col[t] = j));
  const V = candidates.length;
  const R = featureRules.length;
  const K = NUMERIC_FEATURES.length;
  const D = V + R + K;

  // Standardization of the structural measures.
  const mean = new Float64Array(K);
  const std = new Float64Array(K);
  for (const d of docs) for (let k = 0; k < K; k++) mean[k] += d.numeric[k] / docs.length;
  for (const d of docs) for (let k = 0; k < K; k++) std[k] += (d.numeric[k] - mean[k]) ** 2 / docs.length;
  for (let k = 0; k < K; k++) std[k] = Math.sqrt(std[k]) || 1;
  for (let k = 0; k < K; k++) {
    mean[k] = round(mean[k]);
    std[k] = round(std[k]) || 1;
  }

  // Rows: sparse token columns with one value each, then dense rules and measures.
  const rowCols: Int32Array[] = [];
  const rowScale = new Float64Array(docs.length);
  const dense = new Float64Array(docs.length * (R + K));
  docs.forEach((d, i) => {
    const cols: number[] = [];
    for (const t of d.tokens) if (col[t] >= 0) cols.push(col[t]);
    rowCols.push(Int32Array.from(cols));
    rowScale[i] = tokenScale(d.tokens.length);
    const base = i * (R + K);
    featureRules.forEach((id, r) => (dense[base + r] = ruleValue(d.rules.get(id) ?? 0)));
    for (let k = 0; k < K; k++) dense[base + R + k] = numericValue(d.numeric[k], mean[k], std[k]);
  });

  const sw = sampleWeights(docs);
  const total = sw.reduce((a, b) => a + b, 0);
  const y = docs.map((d) => (d.label === 'spam' ? 1 : 0));
  const w = new Float64Array(D + 1); // last: bias
  const m1 = new Float64Array(D + 1);
  const m2 = new Float64Array(D + 1);
  const grad = new Float64Array(D + 1);
  const z = new Float64Array(docs.length);
  const forward = (i: number) => {
    let s = w[D];
    const cols = rowCols[i];
    let t = 0;
    for (let j = 0; j < cols.length; j++) t += w[cols[j]];
    s += t * rowScale[i];
    const base = i * (R + K);
    for (let r = 0; r < R + K; r++) s += w[V + r] * dense[base + r];
    return s;
  };
  const b1 = 0.9;
  const b2 = 0.999;
  for (let it = 1; it <= FIT.iterations; it++) {
    grad.fill(0);
    for (let i = 0; i < docs.length; i++) {
      z[i] = forward(i);
      const g = (sw[i] * (sigmoid(z[i]) - y[i])) / total;
      const cols = rowCols[i];
      const gs = g * rowScale[i];
      for (let j = 0; j < cols.length; j++) grad[cols[j]] += gs;
      const base = i * (R + K);
      for (let r = 0; r < R + K; r++) grad[V + r] += g * dense[base + r];
      grad[D] += g;
    }
    for (let j = 0; j < D; j++) grad[j] += FIT.l2 * w[j];
    const c1 = 1 - b1 ** it;
    const c2 = 1 - b2 ** it;
    for (let j = 0; j <= D; j++) {
      m1[j] = b1 * m1[j] + (1 - b1) * grad[j];
      m2[j] = b2 * m2[j] + (1 - b2) * grad[j] * grad[j];
      w[j] -= (FIT.learningRate * (m1[j] / c1)) / (Math.sqrt(m2[j] / c2) + 1e-8);
    }
  }

  // The committed numbers are rounded; the threshold and evaluation use the rounded model.
  const tokens: Record<string, number> = {};
  candidates.forEach((t, j) => {
    const v = round(w[j], 3);
    if (v !== 0) tokens[dict[t]] = v;
  });
  const rules: Record<string, number> = {};
  featureRules.forEach((id, r) => (rules[id] = round(w[V + r])));
  const numeric: ModelData['numeric'] = {};
  NUMERIC_FEATURES.forEach((name, k) => (numeric[name] = [mean[k], std[k], round(w[V + R + k])]));
  const data: ModelData = {
    version: 1,
    trainedOn: { spam: 0, ham: 0, corpus: '' },
    bias: round(w[D]),
    tokens,
    rules,
    numeric,
    calibration: { a: 1, b: 0 },
    threshold: 0,
    spread: 1,
  };
  return { logit: (d: Doc) => logitOf(corpus, data, d), data };
}

/** A document's logit under a model, with the engine's transforms. */
export function logitOf(corpus: Corpus, m: ModelData, d: Doc): number {
  let s = m.bias;
  let t = 0;
  const weights = tokenWeights(m);
  for (const id of d.tokens) {
    const w = weights.get(corpus.dict[id]);
    if (w !== undefined) t += w;
  }
  s += t * tokenScale(d.tokens.length);
  for (const [id, count] of d.rules) {
    const w = Object.hasOwn(m.rules, id) ? m.rules[id] : undefined;
    if (w !== undefined) s += w * ruleValue(count);
  }
  NUMERIC_FEATURES.forEach((name, k) => {
    const p = m.numeric[name];
    if (p) s += p[2] * numericValue(d.numeric[k], p[0], p[1]);
  });
  return s;
}

/** Platt scaling: a, b with p = σ(a·z + b), fitted by Newton's method on held-out logits. */
export function platt(z: number[], y: number[], weights: number[]): { a: number; b: number } {
  let a = 1;
  let b = 0;
  for (let it = 0; it < 50; it++) {
    let ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
    for (let i = 0; i < z.length; i++) {
      const p = sigmoid(a * z[i] + b);
      const r = weights[i] * (p - y[i]);
      const h = weights[i] * p * (1 - p) + 1e-9;
      ga += r * z[i];
      gb += r;
      haa += h * z[i] * z[i];
      hab += h * z[i];
      hbb += h;
    }
    // A small ridge keeps the steps finite when held-out logits separate the classes.
    haa += 1e-3;
    hbb += 1e-3;
    const det = haa * hbb - hab * hab;
    let da = (hbb * ga - hab * gb) / det;
    let db = (haa * gb - hab * ga) / det;
    const step = Math.max(Math.abs(da), Math.abs(db));
    if (step > 1) {
      da /= step;
      db /= step;
    }
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a: round(a), b: round(b) };
}

/** Cell weights for the calibration, as in training. */
export function cellWeights(docs: Doc[]): number[] {
  return Array.from(sampleWeights(docs));
}

/** Area under the ROC curve: the chance that a random spam scores above a random ham (ties count half). */
export function auc(spam: number[], ham: number[]): number {
  if (!spam.length || !ham.length) return NaN;
  if (spam.some(Number.isNaN) || ham.some(Number.isNaN)) throw new Error('auc: NaN score');
  const all = [...spam.map((s) => [s, 1] as const), ...ham.map((h) => [h, 0] as const)].sort((a, b) => a[0] - b[0]);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j][0] === all[i][0]) j++;
    const rank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (all[k][1] === 1) rankSum += rank;
    i = j;
  }
  return (rankSum - (spam.length * (spam.length + 1)) / 2) / (spam.length * ham.length);
}

/** Sources split into k folds of similar size, deterministically (largest first, into the smallest fold). */
export function groupFolds(docs: Doc[], k: number): string[][] {
  const sizes = new Map<string, number>();
  for (const d of docs) sizes.set(d.group, (sizes.get(d.group) ?? 0) + 1);
  const groups = [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const folds = Array.from({ length: k }, () => ({ n: 0, groups: [] as string[] }));
  for (const [g, n] of groups) {
    const f = folds.reduce((best, x) => (x.n < best.n ? x : best));
    f.groups.push(g);
    f.n += n;
  }
  return folds.map((f) => f.groups);
}
