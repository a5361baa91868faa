/**
 * What the spam model reads of a draft: the words and word pairs of its visible text and
 * subject, a few structural measures (links, images, capitals, `!`, emoji, hidden text) and how
 * often each content rule fired. The same function feeds training (scripts/train.ts) and
 * scoring, so the two cannot read a draft differently.
 *
 * Features are chosen to read the same on a draft and on the message sent from it: nothing
 * comes from transport headers, and rules that only run on `.eml` files or only on bulk mail
 * (compliance, not content) are left out.
 */
import { visibilityOf } from '../html/visibility';
import { linksOf } from '../html/links';
import { imagesOf } from '../html/images';
import type { DraftModel } from '../model';
import type { Rule } from '../rule';
import { findEmoji } from '../text/emoji';
import { BLOCK_BREAK, type TextView } from '../text/view';
import { foldCode, foldSlice } from '../text/normalize';
import { hashFolded, type Words, wordsOf } from '../text/words';
import type { Finding } from '../types';

/** Where a token occurs: a range of a text view (mapped to the source only when shown). */
export interface Place {
  view: TextView;
  from: number;
  to: number;
}

/** The features of one draft, before the model weighs them. */
export interface DraftFeatures {
  /** Token → where it occurs (first occurrences only, see MAX_PLACES_PER_TOKEN). */
  tokens: Map<string, Place[]>;
  /** Structural measures by name (counts as log(1 + n), shares as log-odds; the model standardizes them). */
  numeric: Record<string, number>;
  /** Rule id → number of findings. */
  rules: Map<string, number>;
}

/** The structural measures, in a fixed order. */
export const NUMERIC_FEATURES = [
  'links',
  'linkDomains',
  'images',
  'textChars',
  'imageShare',
  'capsRatio',
  'capsWords',
  'exclamations',
  'subjectExclamation',
  'emoji',
  'hiddenChars',
] as const;

// Words longer than this are hashes, encoded blobs or URLs run together, not vocabulary.
const MAX_TOKEN_CHARS = 24;
// The model reads the first this many words of each text (about 20 KB of prose): what a reader
// and a filter see first, and a bounded cost on long drafts (issue #17: the model adds at most
// 20% to a lint). Rules still read everything, and their findings are features.
const MAX_WORDS_PER_VIEW = 3000;
/** Only the first few places of a token are kept, for highlighting. */
export const MAX_PLACES_PER_TOKEN = 8;
// Image area counted per character of text, as the image-ratio rule does (SpamAssassin HTML_IMAGE_RATIO_*).
const AREA_PER_CHAR = 500;
// Shares (0–1) enter the model as log-odds, smoothed by one hundredth so 0 and 1 stay finite
// (±4.6). As raw shares they were standardised by a spread set by the many drafts near 0, so
// any image-heavy layout sat at the clip of +4 standard deviations and added about +3 log-odds
// on its own; on the log-odds scale a share's weight is spread over its whole range.
const SHARE_SMOOTHING = 0.01;
// French elided articles and pronouns (`l’offre`, `qu’il`): the word after the apostrophe carries the meaning.
const ELIDED = new Set(['l', 'd', 'j', 'm', 't', 's', 'n', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu']);
const MAX_ELIDED_CHARS = 6;

/** True for rules whose findings are model features: content rules that run on every kind of draft. */
export function isFeatureRule(rule: Rule): boolean {
  return !rule.bulkOnly && !rule.kinds && rule.id !== SPAM_SIGNAL_RULE;
}

/** The rule that shows the model's strongest words in the draft; not a feature of itself. */
export const SPAM_SIGNAL_RULE = 'spam-signal';

/** A share's log-odds, smoothed (see SHARE_SMOOTHING). */
export function shareLogOdds(share: number): number {
  return Math.log((share + SHARE_SMOOTHING) / (1 - share + SHARE_SMOOTHING));
}

// Between two words of a pair: only spaces, an apostrophe or a hyphen (no sentence or block break).
function joins(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // space, no-break space, apostrophe, hyphen, tab
    if (c !== 0x20 && c !== 0xa0 && c !== 0x27 && c !== 0x2d && c !== 0x09) return false;
  }
  return true;
}

/**
 * Receives a draft's tokens in reading order, every occurrence. A word or word-pair token reads
 * `s:` (subject) + `src[a1, b1)`, plus a space and `src[a2, b2)` for a pair (`a2` < 0 for a
 * word), each code unit folded by foldCode (as Words.hashes does, straight from the view's
 * text); `hash` is {@link hashFolded} of that string. A pair always joins the last two words
 * given before it (its second word just before it). Other tokens (`sym:`, `tld:`, `host:`) come
 * as strings. Training builds the strings (extractFeatures); scoring only looks the hashes up
 * (model.ts, scoreDraft), so a long draft makes no string per word.
 */
export interface TokenSink {
  text(hash: number, subject: boolean, src: string, a1: number, b1: number, a2: number, b2: number, view: TextView, from: number, to: number): void;
  other(key: string, view: TextView, from: number, to: number): void;
  /**
   * Told the hashes of the tokens `text` is about to be given, in any order and some perhaps
   * never given, before they come one by one: a sink may read what it will need at once.
   */
  expect?(hashes: Int32Array, count: number): void;
}

// 31^k modulo 2^32, for the hash of a token built from the hashes of its words: the hash of
// `a + b` is hash(a)·31^|b| + hash(b). Tokens are at most `s:` + 24 + 1 + 24 characters.
const POW31 = new Int32Array(64);
POW31[0] = 1;
for (let k = 1; k < POW31.length; k++) POW31[k] = Math.imul(POW31[k - 1], 31);
const SUBJECT_HASH = hashFolded('s:');
// The hash of the pair `first second`: hash(first)·31 + ' ', then the second word.
function pairHash(first: number, second: number, secondLength: number): number {
  return (Math.imul((Math.imul(first, 31) + 32) | 0, POW31[secondLength & 63]) + second) | 0;
}
// A word or pair token's hash, with the subject's `s:` in front when `subject`.
function prefixed(hash: number, length: number, subject: boolean): number {
  return subject ? (Math.imul(SUBJECT_HASH, POW31[length]) + hash) | 0 : hash;
}

// A token's characters (see TokenSink) are folded from the view's text by foldSlice, not read
// from foldedText, so that a word's characters and its hash (Words.hashes) always agree.

function isDigitsIn(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = foldCode(s.charCodeAt(i));
    if (c < 48 || c > 57) return false;
  }
  return true;
}

// Words (folded, `s:` in the subject) and adjacent word pairs of one view.
function viewTokens(view: TextView, subject: boolean, sink: TokenSink, counts: { upper: number; lower: number; capsWords: number; longWords: number }): void {
  const words = wordsOf(view);
  const hashes = words.hashes();
  const text = view.text;
  const n = Math.min(words.count, MAX_WORDS_PER_VIEW);
  if (sink.expect) sink.expect(expectedHashes(words, n, subject), 2 * n);
  let havePrev = false;
  let prevHash = 0;
  let prevFrom = -1;
  let prevTo = -1;
  for (let i = 0; i < n; i++) {
    const from = words.from[i];
    const to = words.to[i];
    const length = to - from;
    counts.upper += words.upper[i];
    counts.lower += words.lower[i];
    if (length >= 3 && words.upper[i] >= 3 && words.lower[i] === 0) counts.capsWords++;
    if (length >= 3) counts.longWords++;
    const next = text.charCodeAt(to);
    const elided = (next === 0x27 || next === 0x2019) && length <= MAX_ELIDED_CHARS && ELIDED.has(foldSlice(text, from, to));
    if (length < 2 || length > MAX_TOKEN_CHARS || isDigitsIn(text, from, to) || elided) {
      // An elided article does not break a pair (`offre d’exception` → `offre exception`).
      if (!elided) havePrev = false;
      continue;
    }
    const hash = hashes[i];
    sink.text(prefixed(hash, length, subject), subject, text, from, to, -1, -1, view, from, to);
    if (havePrev && (joins(text, prevTo, from) || isElisionGap(text, prevTo, from))) {
      sink.text(prefixed(pairHash(prevHash, hash, length), prevTo - prevFrom + 1 + length, subject), subject, text, prevFrom, prevTo, from, to, view, prevFrom, to);
    }
    havePrev = true;
    prevHash = hash;
    prevFrom = from;
    prevTo = to;
  }
}

// The hashes of the first n words and of each with the word before it (the pairs a text may
// have), with `s:` in front in the subject.
let expected = new Int32Array(0);
function expectedHashes(words: Words, n: number, subject: boolean): Int32Array {
  if (expected.length < 2 * n) expected = new Int32Array(2 * n);
  const hashes = words.hashes();
  for (let i = 0; i < n; i++) {
    const length = words.to[i] - words.from[i];
    const hash = hashes[i];
    expected[2 * i] = prefixed(hash, length, subject);
    if (i > 0) {
      const prevLength = words.to[i - 1] - words.from[i - 1];
      expected[2 * i + 1] = prefixed(pairHash(hashes[i - 1], hash, length), (prevLength + 1 + length) & 63, subject);
    }
  }
  return expected;
}

// Places are objects: only the first few of each token are made.
function addToken(tokens: Map<string, Place[]>, key: string, view: TextView, from: number, to: number): void {
  const list = tokens.get(key);
  if (!list) tokens.set(key, [{ view, from, to }]);
  else if (list.length < MAX_PLACES_PER_TOKEN) list.push({ view, from, to });
}

// The tokens as strings, for training.
class StringSink implements TokenSink {
  readonly tokens = new Map<string, Place[]>();
  text(_hash: number, subject: boolean, src: string, a1: number, b1: number, a2: number, b2: number, view: TextView, from: number, to: number): void {
    const key = (subject ? 's:' : '') + foldSlice(src, a1, b1) + (a2 >= 0 ? ' ' + foldSlice(src, a2, b2) : '');
    addToken(this.tokens, key, view, from, to);
  }
  other(key: string, view: TextView, from: number, to: number): void {
    addToken(this.tokens, key, view, from, to);
  }
}

// `offre d’exception`: a space, an elided word and its apostrophe.
function isElisionGap(text: string, from: number, to: number): boolean {
  if (to - from < 3 || to - from > 9) return false;
  const last = text[to - 1];
  if (last !== "'" && last !== '\u2019') return false;
  const gap = foldSlice(text, from, to);
  const m = /^[ \u00a0]([a-z]{1,7})['\u2019]$/.exec(gap);
  return !!m && ELIDED.has(m[1]) && !text.slice(from, to).includes(BLOCK_BREAK);
}

// Money and percent signs: the body of most offers.
const SYMBOLS: Record<string, string> = { $: 'sym:$', '€': 'sym:€', '£': 'sym:£', '%': 'sym:%' };

/** Reads a parsed draft's features; `findings` are the rule findings kept after directives. */
export function extractFeatures(model: DraftModel, findings: readonly Finding[], featureRules: ReadonlySet<string>): DraftFeatures {
  const sink = new StringSink();
  const { numeric, rules } = readDraft(model, findings, featureRules, sink);
  return { tokens: sink.tokens, numeric, rules };
}

/** Reads a parsed draft, giving its tokens to `sink` in reading order; returns its other features. */
export function readDraft(model: DraftModel, findings: readonly Finding[], featureRules: ReadonlySet<string>, sink: TokenSink): Omit<DraftFeatures, 'tokens'> {
  const counts = { upper: 0, lower: 0, capsWords: 0, longWords: 0 };
  let textChars = 0;
  let exclamations = 0;
  let emoji = 0;
  let links = 0;
  let images = 0;
  let imageArea = 0;
  let hiddenChars = 0;
  const domains = new Set<string>();

  for (const part of model.parts) {
    const view = part.text;
    viewTokens(view, false, sink, counts);
    const text = view.text;
    // `!`, money and percent signs and the length of the text, noted by the word pass.
    const words = wordsOf(view);
    exclamations += words.exclamations;
    textChars += words.textChars;
    for (let k = 0; k < words.symbolCount; k++) {
      const i = words.symbolAt[k];
      sink.other(SYMBOLS[text[i]], view, i, i + 1);
    }
    // Most drafts skip the emoji scan (see Words.mayHoldEmoji).
    if (words.mayHoldEmoji) emoji += findEmoji(text).length;
    for (const link of linksOf(part, model.source)) {
      const scheme = link.parts.scheme;
      if (scheme && scheme !== 'http' && scheme !== 'https') continue;
      links++;
      const named = link.parts.host;
      const host = named.startsWith('www.') ? named.slice(4) : named;
      if (!host || link.parts.templated) continue;
      if (!domains.has(host)) {
        domains.add(host);
        // The last label and the last two, found from the end rather than split.
        const last = host.lastIndexOf('.');
        const tld = host.slice(last + 1);
        const lastTwo = host.slice(last > 0 ? host.lastIndexOf('.', last - 1) + 1 : 0);
        // The link's text, when it has one, is where a reader sees it.
        const [pv, pf, pt] = link.text ? [link.text.view, link.text.from, link.text.to] : [view, 0, 0];
        if (/^[a-z]{2,24}$/.test(tld)) sink.other(`tld:${tld}`, pv, pf, pt);
        sink.other(`host:${lastTwo}`, pv, pf, pt);
      }
    }
    if (part.html) {
      for (const img of imagesOf(part, model.source)) {
        if (img.hidden || img.tracking) continue;
        images++;
        imageArea += img.shownWidth * img.shownHeight;
      }
      for (const block of visibilityOf(part.html, model.source).blocks) if (block.hasWords && !block.atTop) hiddenChars += block.length;
    }
  }

  let subjectExclamation = 0;
  if (model.subject) {
    viewTokens(model.subject, true, sink, counts);
    const text = model.subject.text;
    for (let i = 0; i < text.length; i++) if (text[i] === '!') subjectExclamation = 1;
    emoji += findEmoji(text).length;
  }

  const rules = new Map<string, number>();
  for (const f of findings) if (featureRules.has(f.ruleId)) rules.set(f.ruleId, (rules.get(f.ruleId) ?? 0) + 1);

  const letters = counts.upper + counts.lower;
  const numeric: Record<string, number> = {
    links: Math.log1p(links),
    linkDomains: Math.log1p(domains.size),
    images: Math.log1p(images),
    textChars: Math.log1p(textChars),
    imageShare: shareLogOdds(imageArea / (imageArea + AREA_PER_CHAR * textChars + 1)),
    capsRatio: shareLogOdds(letters ? counts.upper / letters : 0),
    capsWords: shareLogOdds(counts.longWords ? counts.capsWords / counts.longWords : 0),
    exclamations: Math.log1p(exclamations),
    subjectExclamation,
    emoji: Math.log1p(emoji),
    hiddenChars: Math.log1p(hiddenChars),
  };
  return { numeric, rules };
}
