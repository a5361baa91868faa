// Output of `mailproof list`: the JSON contract (one document per file, rows streamed) and the
// text report (problem rows, then the summary).
import type { Locale } from '../engine/types';
import { INVALID_RATE_DANGER, INVALID_RATE_WARNING } from './analyze';
import type { DisciplineReport } from './history';
import { listText, percent } from './i18n';
import type { ListSummary, Reason, RowResult } from './types';

export function reasonMessage(locale: Locale, reason: Reason): string {
  return listText(locale, `reason.${reason.code}`, reason.params);
}

/** A row as the JSON contract has it: `{line, address, status, reasons, suggestion?}`. */
export function rowJson(row: RowResult, locale: Locale): string {
  // Most rows are valid: skip building an object to stringify (same text, key for key).
  if (row.reasons.length === 0 && !row.suggestion) return `{"line":${row.line},"address":${JSON.stringify(row.address)},"status":"${row.status}","reasons":[]}`;
  return JSON.stringify({
    line: row.line,
    address: row.address,
    status: row.status,
    reasons: row.reasons.map((r) => ({ code: r.code, message: reasonMessage(locale, r), ...(r.code === 'duplicate' ? { first: Number(r.params.first) } : {}) })),
    ...(row.suggestion ? { suggestion: row.suggestion } : {}),
  });
}

/** The sending-discipline object of the JSON output. */
export function disciplineJson(d: DisciplineReport, locale: Locale) {
  return {
    sends: d.sends,
    findings: d.findings.map((f) => ({ code: f.key.replace(/^history\./, ''), level: f.level, message: listText(locale, f.key, f.params) })),
    ...(d.ramp ? { ramp: d.ramp } : {}),
    warnings: d.warnings.map((w) => listText(locale, w.key, w.params)),
  };
}

/** The summary object of the JSON contract. */
export function summaryJson(s: ListSummary, locale: Locale, discipline?: DisciplineReport): Record<string, unknown> {
  return {
    rows: s.rows,
    statuses: s.statuses,
    reasons: s.reasons,
    duplicateGroups: s.duplicateGroups,
    invalidRate: Math.round(s.invalidRate * 10_000) / 10_000,
    invalidLevel: s.invalidLevel,
    thresholds: { warning: INVALID_RATE_WARNING, danger: INVALID_RATE_DANGER },
    dns: s.dns,
    header: s.header,
    separator: s.separator,
    column: s.column,
    warnings: s.warnings.map((w) => ({ code: w.key.replace(/^warning\./, ''), message: listText(locale, w.key, w.params) })),
    ...(discipline ? { discipline: disciplineJson(discipline, locale) } : {}),
  };
}

/** The opening of a file's JSON document, up to the rows array. */
export function jsonHead(file: string, s: ListSummary, locale: Locale, discipline?: DisciplineReport): string {
  const summary = JSON.stringify(summaryJson(s, locale, discipline), null, 2).replace(/\n/g, '\n  ');
  return `{\n  "version": 1,\n  "file": ${JSON.stringify(file)},\n  "summary": ${summary},\n  "rows": [`;
}

/** Between two reasons of a row: French puts a space before the semicolon. */
export function reasonSeparator(locale: Locale): string {
  return locale === 'fr' ? ' ; ' : '; ';
}

/** One problem row of the text report: `file:line  status  address  reasons`. */
export function textRow(file: string, row: RowResult, locale: Locale): string {
  const status = listText(locale, `status.${row.status}`);
  const address = row.address === '' ? '""' : row.address;
  return `${file}:${row.line}  ${status.padEnd(9)}  ${address}  ${row.reasons.map((r) => reasonMessage(locale, r)).join(reasonSeparator(locale))}\n`;
}

/** The summary block of the text report. */
export function textSummary(file: string, s: ListSummary, locale: Locale, extra: string[] = []): string {
  const out: string[] = [];
  out.push(`${file}: ${listText(locale, 'summary.rows', { rows: s.rows, ...s.statuses })}`);
  const column = s.column.name ? `${s.column.index} (${s.column.name})` : String(s.column.index);
  out.push(`  ${listText(locale, 'summary.column', { column })}`);
  out.push(`  ${listText(locale, `summary.rate.${s.invalidLevel}`, { rate: percent(s.invalidRate, locale), warn: percent(INVALID_RATE_WARNING, locale), danger: percent(INVALID_RATE_DANGER, locale) })}`);
  if (s.duplicateGroups) out.push(`  ${listText(locale, 'summary.duplicates', { groups: s.duplicateGroups, rows: s.reasons.duplicate ?? 0 })}`);
  if (!s.dns.checked) out.push(`  ${listText(locale, 'summary.dns.skipped')}`);
  else if (s.dns.failed) out.push(`  ${listText(locale, 'summary.dns.failed', { domains: s.dns.domains, failed: s.dns.failed })}`);
  else out.push(`  ${listText(locale, 'summary.dns.done', { domains: s.dns.domains })}`);
  const reasons = Object.entries(s.reasons);
  if (reasons.length) out.push(`  ${listText(locale, 'summary.reasons')} ${reasons.map(([code, n]) => `${code} ${n}`).join(', ')}`);
  if (s.warnings.length) {
    out.push(`  ${listText(locale, 'text.warnings')}`);
    for (const w of s.warnings) out.push(`    ${listText(locale, w.key, w.params)}`);
  }
  for (const e of extra) out.push(`  ${e}`);
  return out.join('\n') + '\n';
}

/** The sending-discipline block of the text report. */
export function textDiscipline(d: DisciplineReport, locale: Locale): string {
  const out = [listText(locale, 'text.discipline')];
  for (const w of d.warnings) out.push(`  ${listText(locale, w.key, w.params)}`);
  if (d.findings.length === 0) out.push(`  ${listText(locale, 'history.ok', { sends: d.sends })}`);
  for (const f of d.findings) out.push(`  ${f.level === 'danger' ? '✖' : '⚠'} ${listText(locale, f.key, f.params)}`);
  if (d.ramp) out.push(`  ${listText(locale, 'history.ramp', { steps: rampText(d.ramp, locale) })}`);
  return out.join('\n') + '\n';
}

/** "2,000 → 4,000 → 8,000" */
export function rampText(ramp: number[], locale: Locale): string {
  const f = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-US');
  return ramp.map((v) => f.format(v)).join(' → ');
}
