/**
 * The spam verdict of a lint run: the learned model's probability, the 0–10 score, the
 * contributors that explain it (with their places in the draft), and the bulk-mail
 * requirements checklist, which is compliance and not spamminess, so it never adds to the score.
 */
import type { DraftModel } from '../model';
import type { Rule } from '../rule';
import type { Finding, ScoreContributor, BulkRequirement } from '../types';
import { extractFeatures, isFeatureRule } from './features';
import { type ModelScore, scoreFeatures } from './model';

// The breakdown lists contributions of at least this many log-odds units, at most this many of them.
const MIN_SHOWN_POINTS = 0.05;
const MAX_CONTRIBUTORS = 20;
// A word's places listed in the breakdown.
const MAX_RANGES = 8;

/** The model's verdict and its explanation. */
export interface Verdict {
  score: number;
  spamProbability: number;
  likelySpam: boolean;
  contributors: ScoreContributor[];
  raw: ModelScore;
}

/** Scores a linted draft. `ran` holds the rules that ran (turned-off rules are no features). */
export function verdictOf(model: DraftModel, findings: readonly Finding[], ran: readonly Rule[]): Verdict {
  const featureRules = new Set(ran.filter(isFeatureRule).map((r) => r.id));
  const raw = scoreFeatures(extractFeatures(model, findings, featureRules));
  const contributors: ScoreContributor[] = [];
  for (const c of raw.contributions) {
    if (contributors.length >= MAX_CONTRIBUTORS) break;
    const points = Math.round(c.weight * 100) / 100;
    if (Math.abs(points) < MIN_SHOWN_POINTS) continue;
    const out: ScoreContributor = { kind: c.kind, id: c.id, points };
    if (c.kind === 'rule') {
      out.ruleId = c.id;
      out.count = c.count;
    }
    if (c.places?.length) {
      out.ranges = [];
      for (const p of c.places.slice(0, MAX_RANGES)) if (p.to > p.from) out.ranges.push(p.view.sourceRange(p.from, p.to));
      if (!out.ranges.length) delete out.ranges;
    }
    contributors.push(out);
  }
  contributors.sort((a, b) => b.points - a.points || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { score: raw.score, spamProbability: Math.round(raw.spamProbability * 1000) / 1000, likelySpam: raw.likelySpam, contributors, raw };
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
