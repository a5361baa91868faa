import { rules } from './rules/index';
import type { Finding } from './types';

// A rule's repeated findings say the same thing: like SpamAssassin, where each rule fires at
// most once, a rule adds its weight for at most this many findings.
export const MAX_COUNTED_FINDINGS_PER_RULE = 3;

/** SpamAssassin's default `required_score`: 5 points and more is treated as spam. */
export const SPAM_THRESHOLD = 5;

/**
 * The draft's spam score: each rule adds its weight per warning or error, up to
 * MAX_COUNTED_FINDINGS_PER_RULE findings. Info findings are advice and add nothing.
 */
export function computeScore(findings: readonly Finding[], weightOf: (ruleId: string) => number): { score: number; breakdown: Array<{ ruleId: string; points: number; count: number }> } {
  const counts = new Map<string, number>();
  for (const f of findings) if (f.severity !== 'info') counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  const breakdown: Array<{ ruleId: string; points: number; count: number }> = [];
  let score = 0;
  for (const [ruleId, count] of counts) {
    const points = round1(weightOf(ruleId) * Math.min(count, MAX_COUNTED_FINDINGS_PER_RULE));
    if (points <= 0) continue;
    breakdown.push({ ruleId, points, count });
    score += points;
  }
  breakdown.sort((a, b) => b.points - a.points || a.ruleId.localeCompare(b.ruleId));
  return { score: round1(score), breakdown };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * The hand-weighted sum that was Mailproof's score before the learned model (kept for
 * `npm run eval:score`, which compares the two): each rule's `weight` per warning or error.
 */
export function computeLegacyScore(findings: readonly Finding[]): number {
  return computeScore(findings, legacyWeight).score;
}

let legacyWeights: Map<string, number> | undefined;
function legacyWeight(id: string): number {
  legacyWeights ??= new Map(rules.map((r) => [r.id, r.weight]));
  return legacyWeights.get(id) ?? 0;
}
