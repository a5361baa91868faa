/** Words for the spam score's contributors and verdict, shared by the CLI and the editor. */
import { formatNumber, translate } from '../i18n';
import type { LintResult, Locale, ScoreContributor } from '../types';

/** A contributor as a reader names it: a quoted word, a rule with its count, a measure. */
export function contributorLabel(c: ScoreContributor, locale: Locale): string {
  if (c.kind === 'rule') return translate(locale, 'score.rule', { rule: c.id, count: c.count ?? 1 });
  if (c.kind === 'structure') return translate(locale, `score.structure.${c.id}`);
  if (c.id.startsWith('s:')) return translate(locale, 'score.subjectWord', { word: c.id.slice(2) });
  const word = c.id.replace(/^(?:host|tld|sym):/, '');
  return translate(locale, 'score.word', { word });
}

/** `+0.8` / `−0.3`, in log-odds units. */
export function signedPoints(points: number, locale: Locale): string {
  return (points >= 0 ? '+' : '−') + formatNumber(Math.abs(points), locale);
}

/** The mail type and whether it was detected: `bulk mail (detected)`. */
export function mailTypeLabel(r: Pick<LintResult, 'mailType' | 'mailTypeSource'>, locale: Locale): string {
  const type = translate(locale, `score.mailType.${r.mailType}`);
  return r.mailTypeSource === 'detected' ? translate(locale, 'score.mailTypeDetected', { type }) : type;
}

/** The main contributors that raise the score, as one line: `“free” +0.8, exclamation (4×) +0.5`. */
export function raisedBy(breakdown: readonly ScoreContributor[], locale: Locale, max = 5): string {
  return breakdown
    .filter((c) => c.points > 0)
    .slice(0, max)
    .map((c) => `${contributorLabel(c, locale)} ${signedPoints(c.points, locale)}`)
    .join(', ');
}
