// Report output for the CLI and the panel's "export to Markdown". Records come from DNS and are
// attacker-controlled: text output escapes control characters (no terminal escapes), Markdown
// puts them in code fences and escapes inline text.
import type { Locale } from '../engine/types';
import { bulkSenderChecklist } from './checklist';
import { type MessageKey, msg } from './i18n';
import type { CheckStatus, DeliverabilityReport } from './types';

export type ReportFormat = 'text' | 'json' | 'markdown';

const STATUS_ICON: Record<CheckStatus, string> = { pass: '✔', warn: '⚠', fail: '✖', error: '?', info: 'ℹ', skipped: '-' };

/** Control characters (C0, DEL, C1) and bidi overrides shown as \xNN / \u{…}. */
export function escapeControls(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  }).replace(/\n/g, '\\n');
}

/** Inline Markdown text: HTML and Markdown punctuation escaped, controls visible. */
function mdInline(s: string): string {
  return escapeControls(s).replace(/[\\`*_[\]<>&|#]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** A fenced block whose fence is longer than any backtick run inside. */
function mdFence(lines: string[]): string {
  const body = lines.map(escapeControls).join('\n');
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${body}\n${fence}`;
}

function counts(report: DeliverabilityReport, locale: Locale): string {
  const by = (s: CheckStatus) => report.checks.filter((c) => c.status === s).length;
  return msg(locale, 'report.counts', { pass: by('pass'), warn: by('warn'), fail: by('fail'), error: by('error'), info: by('info'), skipped: by('skipped') });
}

const title = (locale: Locale, id: string) => msg(locale, `check.${id}` as MessageKey);
const statusLabel = (locale: Locale, s: CheckStatus) => msg(locale, `status.${s}` as MessageKey);

function formatText(report: DeliverabilityReport, locale: Locale): string {
  const out: string[] = [];
  const shown = report.displayDomain ? `${report.displayDomain} (${report.domain})` : report.domain;
  out.push(msg(locale, 'report.title', { domain: escapeControls(shown) }), '');
  for (const c of report.checks) {
    const time = c.durationMs !== undefined ? ` (${c.durationMs} ms)` : '';
    const sep = msg(locale, 'report.separator');
    out.push(`${STATUS_ICON[c.status]} ${statusLabel(locale, c.status).padEnd(9)} ${title(locale, c.id)}${sep}${escapeControls(c.summary)}${time}`);
    for (const p of c.problems) {
      out.push(`    ${msg(locale, `severity.${p.severity}` as MessageKey)} ${p.code}${sep}${escapeControls(p.message)}`);
      if (p.fix) out.push(`      ${msg(locale, 'report.fix')} ${escapeControls(p.fix)}`);
    }
    if (c.records.length) {
      out.push(`    ${msg(locale, 'report.records')}`);
      for (const r of c.records) out.push(`      ${escapeControls(r)}`);
    }
    if (c.suggestion) out.push(`    ${msg(locale, 'report.suggestion')}`, `      ${escapeControls(c.suggestion)}`);
  }
  out.push('', counts(report, locale));
  return `${out.join('\n')}\n`;
}

function formatMarkdown(report: DeliverabilityReport, locale: Locale): string {
  const out: string[] = [];
  const shown = report.displayDomain ? `${report.displayDomain} (${report.domain})` : report.domain;
  out.push(`# ${mdInline(msg(locale, 'report.title', { domain: shown }))}`, '', counts(report, locale), '');
  out.push(`| ${msg(locale, 'report.check')} | ${msg(locale, 'report.status')} | ${msg(locale, 'report.summary')} |`, '|---|---|---|');
  for (const c of report.checks) out.push(`| ${title(locale, c.id)} | ${STATUS_ICON[c.status]} ${statusLabel(locale, c.status)} | ${mdInline(c.summary)} |`);
  out.push('', `## ${msg(locale, 'report.checklist')}`, '');
  for (const item of bulkSenderChecklist(report, locale)) {
    const box = item.state === 'met' ? '[x]' : '[ ]';
    out.push(`- ${box} ${mdInline(item.label)} — ${mdInline(item.detail)}`);
  }
  for (const c of report.checks) {
    if (!c.problems.length && !c.records.length && !c.suggestion) continue;
    out.push('', `## ${title(locale, c.id)}`);
    if (c.problems.length) out.push('');
    for (const p of c.problems) {
      out.push(`- **${msg(locale, `severity.${p.severity}` as MessageKey)}** \`${p.code}\`${msg(locale, 'report.separator')}${mdInline(p.message)}${p.fix ? `. ${mdInline(p.fix)}` : ''}`);
    }
    if (c.records.length) out.push('', `${msg(locale, 'report.records')}`, '', mdFence(c.records));
    if (c.suggestion) out.push('', `${msg(locale, 'report.suggestion')}`, '', mdFence([c.suggestion]));
  }
  return `${out.join('\n')}\n`;
}

function formatJson(report: DeliverabilityReport): string {
  const checks = report.checks.map((c) => {
    const o: Record<string, unknown> = { id: c.id, status: c.status, summary: c.summary, records: c.records, problems: c.problems.map((p) => ({ code: p.code, severity: p.severity, message: p.message, ...(p.fix ? { fix: p.fix } : {}) })) };
    if (c.suggestion) o.suggestion = c.suggestion;
    if (c.durationMs !== undefined) o.durationMs = c.durationMs;
    return o;
  });
  const out: Record<string, unknown> = { version: report.version, domain: report.domain };
  if (report.displayDomain) out.displayDomain = report.displayDomain;
  out.checks = checks;
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The report as text (terminal), JSON (the CLI contract, version 1) or Markdown. */
export function formatReport(report: DeliverabilityReport, format: ReportFormat, locale: Locale): string {
  if (format === 'json') return formatJson(report);
  if (format === 'markdown') return formatMarkdown(report, locale);
  return formatText(report, locale);
}
