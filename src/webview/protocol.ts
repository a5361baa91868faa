import type { ChecklistItem, CheckResult, CheckStatus, DeliverabilityReport } from '../deliverability/types';

export type { ChecklistItem };

/** Localized texts of the panel, sent by the extension (the webview has no l10n of its own). */
export interface PanelStrings {
  title: string;
  running: string;
  cancelled: string;
  rerun: string;
  cancel: string;
  exportMarkdown: string;
  loginTest: string;
  copy: string;
  copied: string;
  records: string;
  noRecords: string;
  suggestion: string;
  fix: string;
  checklist: string;
  groups: { authentication: string; infrastructure: string; reputation: string };
  status: Record<CheckStatus, string>;
  states: Record<ChecklistItem['state'], string>;
  checkNames: Record<string, string>;
}

/** Extension → webview. */
export type ToWebview =
  | { type: 'init'; strings: PanelStrings; domain: string; canTestLogin: boolean }
  | { type: 'progress'; check: CheckResult }
  | { type: 'report'; report: DeliverabilityReport; checklist: ChecklistItem[] }
  | { type: 'running' }
  | { type: 'cancelled' }
  | { type: 'copied' };

/** Webview → extension. */
export type FromWebview = { type: 'ready' } | { type: 'rerun' } | { type: 'cancel' } | { type: 'export' } | { type: 'loginTest' } | { type: 'copy'; text: string };

const SIMPLE = new Set(['ready', 'rerun', 'cancel', 'export', 'loginTest']);
// A suggested record is a few hundred characters; refuse anything absurd.
const MAX_COPY_CHARS = 10_000;

/** Validates a message from the webview; undefined for anything unexpected. */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as { type?: unknown; text?: unknown };
  if (typeof m.type !== 'string') return undefined;
  if (SIMPLE.has(m.type)) return { type: m.type } as FromWebview;
  if (m.type === 'copy' && typeof m.text === 'string' && m.text.length <= MAX_COPY_CHARS) return { type: 'copy', text: m.text };
  return undefined;
}

const STATUSES = new Set<CheckStatus>(['pass', 'warn', 'fail', 'error', 'info', 'skipped']);

/** Validates a message from the extension (defence in depth: the webview trusts nothing). */
export function parseToWebview(raw: unknown): ToWebview | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'init':
      return m.strings && typeof m.strings === 'object' && typeof m.domain === 'string' ? (m as unknown as ToWebview) : undefined;
    case 'progress':
      return isCheck(m.check) ? (m as unknown as ToWebview) : undefined;
    case 'report': {
      const r = m.report as DeliverabilityReport | undefined;
      return r && typeof r.domain === 'string' && Array.isArray(r.checks) && r.checks.every(isCheck) && Array.isArray(m.checklist) ? (m as unknown as ToWebview) : undefined;
    }
    case 'running':
    case 'cancelled':
    case 'copied':
      return { type: m.type };
    default:
      return undefined;
  }
}

function isCheck(c: unknown): c is CheckResult {
  if (!c || typeof c !== 'object') return false;
  const x = c as CheckResult;
  return typeof x.id === 'string' && STATUSES.has(x.status) && typeof x.summary === 'string' && Array.isArray(x.records) && Array.isArray(x.problems);
}
