/**
 * The spam verdict of a lint run: the learned model's probability, the 0–10 score, the
 * contributors that explain it (with their places in the draft), and the bulk-mail
 * requirements checklist, which is compliance and not spamminess, so it never adds to the score.
 */
import type { DraftModel } from '../model';
import type { Rule } from '../rule';
import type { Finding, ScoreContributor, BulkRequirement } from '../types';
import { isFeatureRule } from './features';
import { type ShownContributions, scoreDraftShown, sortFew } from './model';

// The breakdown lists contributions of at least this many log-odds units, at most this many of them.
const MIN_SHOWN_POINTS = 0.05;
const MAX_CONTRIBUTORS = 20;
// A word's places listed in the breakdown.
const MAX_RANGES = 8;

// Function words and pieces of URLs: they weigh in the model (the model reads every word), but
// a writer cannot act on "de", "your" or "https", so the breakdown shows the words around them.
const FUNCTION_WORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her his i if in into is it its me my no not of on or our ' +
    'so than that the their them then there these they this those to us was we were what when which who will with would you your ' +
    'au aux avec ce ces cette dans de des du elle en est et il ils je la le les leur leurs ma mes mon ne nos notre nous on ou par pas ' +
    'pour qu que qui sa se ses son sont sur ta te tes ton tu un une vos votre vous'
  ).split(' '),
);
const URL_PIECES = new Set(['http', 'https', 'www', 'com', 'net', 'org', 'html', 'htm', 'php', 'aspx']);

/** True for a word token a writer cannot act on: only function words, or a piece of a URL. */
export function isNoiseToken(id: string): boolean {
  if (/^(?:host|tld|sym):/.test(id)) return false;
  const words = id.replace(/^s:/, '').split(' ');
  return words.some((w) => URL_PIECES.has(w)) || words.every((w) => FUNCTION_WORDS.has(w));
}

/** The model's verdict and its explanation. */
export interface Verdict {
  score: number;
  spamProbability: number;
  likelySpam: boolean;
  contributors: ScoreContributor[];
}

// A contribution's weight as the breakdown shows it, in hundredths.
function points(weight: number): number {
  return Math.round(weight * 100) / 100;
}

// The contributions the breakdown lists: large enough once rounded, and not a word a writer cannot act on.
const SHOWN: ShownContributions = {
  weighs: (weight) => Math.abs(points(weight)) >= MIN_SHOWN_POINTS,
  showsWord: (id) => !isNoiseToken(id),
  max: MAX_CONTRIBUTORS,
};

// The feature rules of the last run, and the rules that ran then: most lints run the same ones.
let lastRan: readonly Rule[] = [];
let lastFeatureRules: ReadonlySet<string> = new Set();

function featureRulesOf(ran: readonly Rule[]): ReadonlySet<string> {
  if (ran.length !== lastRan.length || ran.some((r, i) => r !== lastRan[i])) {
    lastFeatureRules = new Set(ran.filter(isFeatureRule).map((r) => r.id));
    lastRan = ran.slice();
  }
  return lastFeatureRules;
}

/** Scores a linted draft. `ran` holds the rules that ran (turned-off rules are no features). */
export function verdictOf(model: DraftModel, findings: readonly Finding[], ran: readonly Rule[]): Verdict {
  // The largest contributions shown, largest first: only they are sorted and placed.
  const raw = scoreDraftShown(model, findings, featureRulesOf(ran), SHOWN);
  const contributors: ScoreContributor[] = [];
  for (const c of raw.contributions) {
    const out: ScoreContributor = { kind: c.kind, id: c.id, points: points(c.weight) };
    if (c.kind === 'rule') {
      out.ruleId = c.id;
      out.count = c.count;
    }
    if (c.places?.length) {
      out.ranges = [];
      for (let k = 0; k < c.places.length && k < MAX_RANGES; k++) {
        const p = c.places[k];
        if (p.to > p.from) out.ranges.push(p.view.sourceRange(p.from, p.to));
      }
      if (!out.ranges.length) delete out.ranges;
    }
    contributors.push(out);
  }
  // Most points first, then by id (at most MAX_CONTRIBUTORS).
  sortFew(contributors, morePointsFirst);
  return { score: raw.score, spamProbability: Math.round(raw.spamProbability * 1000) / 1000, likelySpam: raw.likelySpam, contributors };
}

function morePointsFirst(a: ScoreContributor, b: ScoreContributor): number {
  return b.points - a.points || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// The bulk-mail requirements, each checked by one rule (Gmail and Yahoo sender guidelines of
// February 2024, Microsoft Outlook.com high-volume senders of May 2025, CAN-SPAM's postal address).
const REQUIREMENTS: Array<{ id: BulkRequirement['id']; ruleId: string }> = [
  { id: 'unsubscribe-link', ruleId: 'unsubscribe' },
  { id: 'one-click-unsubscribe', ruleId: 'list-unsubscribe' },
  { id: 'postal-address', ruleId: 'contact-info' },
];

/** The bulk-mail checklist: met when the rule ran and found nothing, unmet when it found something. */
export function bulkRequirements(findings: readonly Finding[], ran: readonly Rule[]): BulkRequirement[] {
  const ranIds = new Set(ran.map((r) => r.id));
  return REQUIREMENTS.map(({ id, ruleId }) => ({
    id,
    ruleId,
    state: !ranIds.has(ruleId) ? 'unchecked' : findings.some((f) => f.ruleId === ruleId) ? 'unmet' : 'met',
  }));
}
