import type { Edit } from '../../engine/types';
import type { Formatter } from './types';
import { lineCol } from './types';

/** Machine-readable results; the shape is a stable contract (`version` changes if it breaks). */
export const formatJson: Formatter = (results) => {
  const doc = {
    version: 1,
    results: results.map((r) => ({
      file: r.file,
      kind: r.kind,
      score: r.score,
      spamProbability: r.verdict.spamProbability,
      likelySpam: r.verdict.likelySpam,
      mailType: r.verdict.mailType,
      mailTypeSource: r.verdict.mailTypeSource,
      scoreBreakdown: r.verdict.scoreBreakdown.map((c) => ({
        kind: c.kind,
        id: c.id,
        points: c.points,
        ...(c.ruleId ? { ruleId: c.ruleId, count: c.count } : {}),
        ...(c.ranges
          ? {
              ranges: c.ranges.map((x) => {
                const a = lineCol(r.lines, x.start);
                const b = lineCol(r.lines, x.end);
                return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
              }),
            }
          : {}),
      })),
      ...(r.verdict.bulkRequirements ? { bulkRequirements: r.verdict.bulkRequirements } : {}),
      findings: r.findings.map((f) => {
        const edits = (list: Edit[]) =>
          list.map((ed) => {
            const a = lineCol(r.lines, ed.start);
            const b = lineCol(r.lines, ed.end);
            return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, newText: ed.newText };
          });
        const s = lineCol(r.lines, f.start);
        const e = lineCol(r.lines, f.end);
        return {
          ruleId: f.ruleId,
          severity: f.severity,
          message: f.message,
          line: s.line,
          column: s.column,
          endLine: e.line,
          endColumn: e.column,
          // At most one fix, always safe; `--fix` applies it.
          fixes: (f.fixes ?? []).map((fix) => ({ title: fix.title, ...(fix.preferred ? { preferred: true } : {}), edits: edits(fix.edits) })),
          // Rewordings and guesses, applied only with `--fix-type suggestion`.
          suggestions: (f.suggestions ?? []).map((s) => ({ title: s.title, edits: edits(s.edits) })),
        };
      }),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
};
