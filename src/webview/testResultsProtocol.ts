// Messages between the "Test results" panel and the extension. Both sides validate what they
// receive: the panel shows text from spamd, Rspamd and SMTP servers, none of it trusted.

/** One rule or symbol, with whether the draft holds a place for it. */
export interface PanelHit {
  name: string;
  score: number;
  description: string;
  located: boolean;
}

export interface PanelFilter {
  filter: 'spamassassin' | 'rspamd';
  label: string;
  ok: boolean;
  /** ok: the verdict line; not ok: what went wrong. */
  headline: string;
  /** ok: the local-filter caveat; not ok: how to install and start it. */
  detail?: string;
  isSpam?: boolean;
  hits: PanelHit[];
}

export interface PanelSend {
  ok: boolean;
  lines: string[];
}

export interface TestResultsState {
  strings: { title: string; running: string; mailproofScore: string; points: string; rule: string; description: string; place: string; located: string; unlocated: string; noHits: string; sendTitle: string; notesTitle: string; spam: string; notSpam: string };
  draft: string;
  running?: string;
  mailproofScore?: string;
  notes: string[];
  filters: PanelFilter[];
  send?: PanelSend;
}

export type ToTestResults = { type: 'state'; state: TestResultsState };
export type FromTestResults = { type: 'ready' } | { type: 'reveal'; filter: 'spamassassin' | 'rspamd'; index: number };

// Caps: a report with more hits than this is cut, a longer string shortened.
export const MAX_PANEL_HITS = 500;
const MAX_STRING = 4000;

const isString = (v: unknown, max = MAX_STRING): v is string => typeof v === 'string' && v.length <= max;

/** Validates a message from the webview; undefined for anything unexpected. */
export function parseFromTestResults(raw: unknown): FromTestResults | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  if (m.type === 'ready') return { type: 'ready' };
  if (m.type === 'reveal' && (m.filter === 'spamassassin' || m.filter === 'rspamd') && Number.isInteger(m.index) && (m.index as number) >= 0 && (m.index as number) < MAX_PANEL_HITS) {
    return { type: 'reveal', filter: m.filter, index: m.index as number };
  }
  return undefined;
}

/** Validates a message from the extension (defence in depth: the webview trusts nothing). */
export function parseToTestResults(raw: unknown): ToTestResults | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  if (m.type !== 'state' || !m.state || typeof m.state !== 'object') return undefined;
  const s = m.state as TestResultsState;
  if (!s.strings || typeof s.strings !== 'object' || !Object.values(s.strings).every((v) => isString(v))) return undefined;
  if (!isString(s.draft) || (s.running !== undefined && !isString(s.running)) || (s.mailproofScore !== undefined && !isString(s.mailproofScore))) return undefined;
  if (!Array.isArray(s.notes) || !s.notes.every((n) => isString(n))) return undefined;
  if (!Array.isArray(s.filters) || s.filters.length > 2 || !s.filters.every(isFilter)) return undefined;
  if (s.send !== undefined && !(typeof s.send === 'object' && typeof s.send.ok === 'boolean' && Array.isArray(s.send.lines) && s.send.lines.every((l) => isString(l)))) return undefined;
  return { type: 'state', state: s };
}

function isFilter(f: unknown): f is PanelFilter {
  if (!f || typeof f !== 'object') return false;
  const x = f as PanelFilter;
  return (
    (x.filter === 'spamassassin' || x.filter === 'rspamd') &&
    isString(x.label) &&
    typeof x.ok === 'boolean' &&
    isString(x.headline) &&
    (x.detail === undefined || isString(x.detail)) &&
    Array.isArray(x.hits) &&
    x.hits.length <= MAX_PANEL_HITS &&
    x.hits.every((h) => h && isString(h.name, 200) && typeof h.score === 'number' && Number.isFinite(h.score) && isString(h.description) && typeof h.located === 'boolean')
  );
}
