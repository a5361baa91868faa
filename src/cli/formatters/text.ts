import { escapeControls } from '../../deliverability/format';
import { formatNumber } from '../../engine/i18n';
import { cliText } from '../messages';
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
  out.push(cliText(locale, 'summary', { files: results.length, errors: count.error, warnings: count.warning, infos: count.info }));
  for (const r of results) out.push(scoreLine(r, locale));
  return out.join('\n') + '\n';
};

function scoreLine(r: FileResult, locale: 'en' | 'fr'): string {
  return cliText(locale, 'score', { file: escapeControls(r.file), score: formatNumber(r.score, locale) });
}
