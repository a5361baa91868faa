import { escapeControls } from '../../deliverability/format';
import { formatNumber, translate } from '../../engine/i18n';
import { mailTypeLabel, raisedBy } from '../../engine/score/explain';
import { cliText, counted } from '../messages';
import { type FileResult, type Formatter, lineCol } from './types';

/** `path:line:col  severity  message  rule-id`, one line per finding, then a summary. */
export const formatText: Formatter = (results, locale) => {
  const out: string[] = [];
  const count = { error: 0, warning: 0, info: 0 };
  for (const r of results) {
    for (const f of r.findings) {
      count[f.severity]++;
      const { line, column } = lineCol(r.lines, f.start);
      // File names and messages (which quote link hosts and header values) come from the draft:
      // no terminal escape sequences or line breaks reach the terminal, as in `check`.
      out.push(`${escapeControls(r.file)}:${line}:${column}  ${f.severity}  ${escapeControls(f.message)}  ${f.ruleId}`);
    }
  }
  if (out.length) out.push('');
  else out.push(cliText(locale, 'noProblems'));
  const tally = (c: { error: number; warning: number; info: number }) => ({
    errors: counted(locale, 'errors', c.error),
    warnings: counted(locale, 'warnings', c.warning),
    infos: counted(locale, 'infos', c.info),
  });
  // A folder gets one line per file, so a long report still says where the problems are.
  if (results.length > 1) {
    for (const r of results) {
      const c = { error: 0, warning: 0, info: 0 };
      for (const f of r.findings) c[f.severity]++;
      out.push(cliText(locale, 'fileSummary', { file: r.file, ...tally(c) }));
    }
  }
  out.push(cliText(locale, 'summary', { files: counted(locale, 'files', results.length), ...tally(count) }));
  // The summary counts what is shown; say how much --quiet or --min-severity left out.
  const hidden = results.reduce((n, r) => n + (r.hidden ? r.hidden.error + r.hidden.warning + r.hidden.info : 0), 0);
  const min = results.find((r) => r.minSeverity)?.minSeverity;
  if (hidden > 0 && min) out.push(cliText(locale, 'hidden', { findings: counted(locale, 'hidden', hidden, { severity: min }), severity: min }));
  for (const r of results) out.push(...scoreLines(r, locale));
  return out.join('\n') + '\n';
};

// A score this low says nothing a reader must act on: its line is left out.
const QUIET_SCORE_BELOW = 3;

// `Spam score 6.2 for a.html: likely spam (spam probability 93%); bulk mail (detected)`, then what raises it.
function scoreLines(r: FileResult, locale: 'en' | 'fr'): string[] {
  const v = r.verdict;
  if (r.score < QUIET_SCORE_BELOW && !v.likelySpam) return [];
  const probability = translate(locale, 'score.probability', { percent: String(Math.round(100 * v.spamProbability)) });
  const verdict = v.likelySpam ? `${translate(locale, 'score.likelySpam')} (${probability})` : probability;
  const lines = [cliText(locale, 'scoreVerdict', { file: escapeControls(r.file), score: formatNumber(r.score, locale), verdict, type: mailTypeLabel(v, locale) })];
  const list = raisedBy(v.scoreBreakdown, locale);
  if (list) lines.push(cliText(locale, 'scoreRaisedBy', { list }));
  return lines;
}
