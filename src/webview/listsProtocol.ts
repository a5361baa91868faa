// Messages between the recipient-list panel (src/extension/listPanel.ts) and its page
// (src/webview/lists.ts). The page trusts nothing: every message is checked on receipt.
export type ListStatus = 'valid' | 'risky' | 'invalid' | 'duplicate' | 'unknown';
const STATUS_NAMES: readonly ListStatus[] = ['valid', 'risky', 'invalid', 'duplicate', 'unknown'];

/** Localized texts of the panel (the page has no l10n of its own). */
export interface ListPanelStrings {
  title: string;
  running: string;
  cancelled: string;
  rerun: string;
  cancel: string;
  statuses: Record<ListStatus, string>;
  statusHeading: string;
  reasonsHeading: string;
  problemsHeading: string;
  line: string;
  address: string;
  status: string;
  reason: string;
  more: string;
  privacy: string;
}

/** What the panel shows of one list: counts, the summary sentences, the first problem rows. */
export interface ListPanelReport {
  file: string;
  rows: number;
  statuses: Record<ListStatus, number>;
  level: 'ok' | 'warning' | 'danger';
  /** Summary sentences (rate, DNS, duplicates, warnings), already localized. */
  lines: string[];
  reasons: { code: string; count: number }[];
  problems: { line: number; address: string; status: ListStatus; message: string }[];
  /** Problem rows not listed. */
  more: number;
}

export type ToListWebview = { type: 'init'; strings: ListPanelStrings } | { type: 'running' } | { type: 'cancelled' } | { type: 'report'; report: ListPanelReport };
export type FromListWebview = { type: 'ready' } | { type: 'rerun' } | { type: 'cancel' };

/** Rows listed in the panel; the rest are in the Problems view and the CLI's report. */
export const MAX_PANEL_PROBLEMS = 500;
const MAX_TEXT = 2000;

/** Validates a message from the page; undefined for anything unexpected. */
export function parseFromListWebview(raw: unknown): FromListWebview | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const type = (raw as { type?: unknown }).type;
  return type === 'ready' || type === 'rerun' || type === 'cancel' ? { type } : undefined;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function isStrings(s: unknown): s is ListPanelStrings {
  if (!s || typeof s !== 'object') return false;
  const x = s as Record<string, unknown>;
  const texts = ['title', 'running', 'cancelled', 'rerun', 'cancel', 'statusHeading', 'reasonsHeading', 'problemsHeading', 'line', 'address', 'status', 'reason', 'more', 'privacy'];
  if (!texts.every((k) => isText(x[k]))) return false;
  const st = x.statuses as Record<string, unknown> | undefined;
  return !!st && STATUS_NAMES.every((k) => isText(st[k]));
}

function isReport(r: unknown): r is ListPanelReport {
  if (!r || typeof r !== 'object') return false;
  const x = r as Record<string, unknown>;
  const st = x.statuses as Record<string, unknown> | undefined;
  return (
    isText(x.file) &&
    isCount(x.rows) &&
    isCount(x.more) &&
    (x.level === 'ok' || x.level === 'warning' || x.level === 'danger') &&
    !!st &&
    STATUS_NAMES.every((k) => isCount(st[k])) &&
    Array.isArray(x.lines) &&
    x.lines.length <= 50 &&
    x.lines.every(isText) &&
    Array.isArray(x.reasons) &&
    x.reasons.length <= 50 &&
    x.reasons.every((c) => c && typeof c === 'object' && isText((c as { code: unknown }).code) && isCount((c as { count: unknown }).count)) &&
    Array.isArray(x.problems) &&
    x.problems.length <= MAX_PANEL_PROBLEMS &&
    x.problems.every((p) => {
      const q = p as Record<string, unknown>;
      return !!q && isCount(q.line) && isText(q.address) && STATUS_NAMES.includes(q.status as ListStatus) && isText(q.message);
    })
  );
}

/** Validates a message from the extension (defence in depth). */
export function parseToListWebview(raw: unknown): ToListWebview | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'init':
      return isStrings(m.strings) ? { type: 'init', strings: m.strings } : undefined;
    case 'report':
      return isReport(m.report) ? { type: 'report', report: m.report } : undefined;
    case 'running':
    case 'cancelled':
      return { type: m.type };
    default:
      return undefined;
  }
}
