import { translate } from '../../engine/i18n';
import { docsUrl } from '../../engine/rule';
import { rules } from '../../engine/rules/index';
import type { Severity } from '../../engine/types';
import type { Formatter } from './types';
import { lineCol } from './types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

declare const MAILPROOF_VERSION: string | undefined;

/** SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps…). */
export const formatSarif: Formatter = (results, locale) => {
  const used = new Set(results.flatMap((r) => r.findings.map((f) => f.ruleId)));
  const driverRules = rules.filter((r) => used.has(r.id));
  const index = new Map(driverRules.map((r, i) => [r.id, i]));
  const uri = (p: string) => encodeURI(p.replace(/\\/g, '/'));
  const region = (lines: (typeof results)[number]['lines'], start: number, end: number) => {
    const s = lineCol(lines, start);
    const e = lineCol(lines, end);
    return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
  };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Mailproof',
            informationUri: 'https://github.com/mailproof/mailproof',
            version: typeof MAILPROOF_VERSION === 'string' ? MAILPROOF_VERSION : '0.0.0',
            rules: driverRules.map((r) => ({
              id: r.id,
              shortDescription: { text: translate(locale, `rule.${r.id}.description`) },
              fullDescription: { text: translate(locale, `rule.${r.id}.why`) },
              helpUri: docsUrl(r.id),
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: { category: r.category },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        // The spam verdict of each file (SARIF 2.1.0 §3.8: property bags carry tool-specific data).
        properties: {
          mailproofScores: results.map((r) => ({
            file: r.file,
            score: r.score,
            spamProbability: r.verdict.spamProbability,
            likelySpam: r.verdict.likelySpam,
            mailType: r.verdict.mailType,
          })),
        },
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: index.get(f.ruleId),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: uri(r.file) }, region: region(r.lines, f.start, f.end) } }],
            ...(f.related?.length
              ? { relatedLocations: f.related.map((rel, i) => ({ id: i + 1, message: { text: rel.message }, physicalLocation: { artifactLocation: { uri: uri(r.file) }, region: region(r.lines, rel.start, rel.end) } })) }
              : {}),
            // SARIF fixes are proposals: the safe fix first, then the suggestions.
            ...(f.fixes?.length || f.suggestions?.length
              ? {
                  fixes: [...(f.fixes ?? []), ...(f.suggestions ?? [])].map((fix) => ({
                    description: { text: fix.title },
                    artifactChanges: [
                      {
                        artifactLocation: { uri: uri(r.file) },
                        replacements: fix.edits.map((ed) => ({ deletedRegion: region(r.lines, ed.start, ed.end), insertedContent: { text: ed.newText } })),
                      },
                    ],
                  })),
                }
              : {}),
          })),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
