// Sending discipline from a history of sends (date, recipients, optional bounces and
// complaints): volume jumps with a warm-up ramp, complaint and bounce rates against the limits
// receivers publish.
import type { ListMessageKey, Params } from './i18n';
import { detectSeparator, splitRecord } from './reader';
import { ListInputError } from './types';

// Google's Email sender guidelines (Feb. 2024) and Yahoo's sender requirements: keep the
// spam-complaint rate under 0.10% and never reach 0.30%.
export const COMPLAINT_RATE_WARNING = 0.001;
export const COMPLAINT_RATE_DANGER = 0.003;
// Bounces are not in Gmail's and Yahoo's published limits; sending services ask for under 2%
// and Amazon SES reviews an account at 5% (Amazon SES Developer Guide, "Bounce rate").
export const BOUNCE_RATE_WARNING = 0.02;
export const BOUNCE_RATE_DANGER = 0.05;
/** Default day-over-day growth: warm-up guides double the volume at most each day. */
export const DEFAULT_MAX_GROWTH = 2;
/** A history longer than this is a log, not a send history; the rest is ignored. */
export const MAX_HISTORY_ROWS = 10_000;
// A ramp longer than this is not a plan anyone follows.
const MAX_RAMP_STEPS = 30;

export interface Send {
  /** The date as written. */
  date: string;
  /** YYYY-MM-DD, for sorting. */
  day: string;
  recipients: number;
  bounces?: number;
  complaints?: number;
}

export interface DisciplineFinding {
  key: ListMessageKey;
  level: 'warning' | 'danger';
  params: Params;
}

export interface DisciplineReport {
  sends: number;
  findings: DisciplineFinding[];
  /** Daily volumes to reach the planned send, when it is a jump. */
  ramp?: number[];
  warnings: { key: ListMessageKey; params: Params }[];
}

const HEADERS: Record<string, 'date' | 'recipients' | 'bounces' | 'complaints'> = {
  date: 'date',
  day: 'date',
  jour: 'date',
  senddate: 'date',
  recipients: 'recipients',
  sent: 'recipients',
  volume: 'recipients',
  destinataires: 'recipients',
  envois: 'recipients',
  envoyes: 'recipients',
  bounces: 'bounces',
  bounced: 'bounces',
  hardbounces: 'bounces',
  rebonds: 'bounces',
  complaints: 'complaints',
  spamcomplaints: 'complaints',
  spam: 'complaints',
  plaintes: 'complaints',
};

function norm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** ISO `YYYY-MM-DD` from `YYYY-MM-DD`, `YYYY/MM/DD` or the French `DD/MM/YYYY`. */
function isoDay(s: string): string | undefined {
  const t = s.trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return undefined;
}

function count(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const t = s.replace(/[\s\u00a0\u202f_]/g, '');
  if (t === '') return undefined;
  return /^\d{1,12}$/.test(t) ? Number(t) : NaN;
}

/** Reads a send history (CSV, header optional: date, recipients, bounces, complaints). */
export function readHistory(text: string, file: string): { sends: Send[]; warnings: DisciplineReport['warnings'] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const warnings: DisciplineReport['warnings'] = [];
  const sends: Send[] = [];
  let sep: ReturnType<typeof detectSeparator> | undefined;
  let columns: Record<string, number> = { date: 0, recipients: 1, bounces: 2, complaints: 3 };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    sep ??= detectSeparator(line);
    const fields = splitRecord(line, sep);
    if (sends.length === 0 && isoDay(fields[0] ?? '') === undefined && columns.date === 0 && fields.some((f) => HEADERS[norm(f)])) {
      columns = {};
      fields.forEach((f, index) => {
        const name = HEADERS[norm(f)];
        if (name && columns[name] === undefined) columns[name] = index;
      });
      if (columns.date === undefined || columns.recipients === undefined) throw new ListInputError('history.noColumns', { file, columns: fields.map((f) => f.trim()).join(', ') });
      continue;
    }
    if (sends.length >= MAX_HISTORY_ROWS) {
      warnings.push({ key: 'history.tooManyRows', params: { file, max: MAX_HISTORY_ROWS } });
      break;
    }
    const day = isoDay(fields[columns.date] ?? '');
    const recipients = count(fields[columns.recipients]);
    const bounces = columns.bounces === undefined ? undefined : count(fields[columns.bounces]);
    const complaints = columns.complaints === undefined ? undefined : count(fields[columns.complaints]);
    if (!day || recipients === undefined || Number.isNaN(recipients) || Number.isNaN(bounces) || Number.isNaN(complaints)) throw new ListInputError('history.badRow', { file, line: String(i + 1) });
    sends.push({ date: fields[columns.date].trim(), day, recipients, ...(bounces !== undefined ? { bounces } : {}), ...(complaints !== undefined ? { complaints } : {}) });
  }
  return { sends, warnings };
}

/** A growth factor with one decimal: `×3.5`. */
function factorOf(to: number, from: number): number {
  return Math.round((to / from) * 10) / 10;
}

/**
 * Checks a history: each day-over-day growth beyond `maxGrowth`, each send's complaint and
 * bounce rates, and `planned` (the next send's size) against the last send, with a ramp.
 */
export function checkDiscipline(history: Send[], options: { maxGrowth?: number; planned?: number; percent: (rate: number) => string }): DisciplineReport {
  const maxGrowth = options.maxGrowth ?? DEFAULT_MAX_GROWTH;
  const sends = [...history].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const findings: DisciplineFinding[] = [];
  for (let i = 0; i < sends.length; i++) {
    const s = sends[i];
    const prev = sends[i - 1];
    if (prev && prev.recipients > 0 && s.recipients > prev.recipients * maxGrowth) {
      findings.push({ key: 'history.jump', level: 'warning', params: { date: s.date, previous: prev.date, from: prev.recipients, to: s.recipients, factor: factorOf(s.recipients, prev.recipients), max: maxGrowth } });
    }
    if (s.recipients > 0 && s.complaints !== undefined) {
      const rate = s.complaints / s.recipients;
      const level = rate >= COMPLAINT_RATE_DANGER ? 'danger' : rate >= COMPLAINT_RATE_WARNING ? 'warning' : undefined;
      if (level) findings.push({ key: `history.complaints.${level}`, level, params: { date: s.date, rate: options.percent(rate), complaints: s.complaints, recipients: s.recipients } });
    }
    if (s.recipients > 0 && s.bounces !== undefined) {
      const rate = s.bounces / s.recipients;
      const level = rate >= BOUNCE_RATE_DANGER ? 'danger' : rate >= BOUNCE_RATE_WARNING ? 'warning' : undefined;
      if (level) findings.push({ key: `history.bounces.${level}`, level, params: { date: s.date, rate: options.percent(rate), bounces: s.bounces, recipients: s.recipients } });
    }
  }
  const report: DisciplineReport = { sends: sends.length, findings, warnings: [] };
  const last = sends.at(-1);
  if (options.planned !== undefined && last && last.recipients > 0 && options.planned > last.recipients * maxGrowth) {
    findings.push({ key: 'history.plannedJump', level: 'warning', params: { previous: last.date, from: last.recipients, to: options.planned, factor: factorOf(options.planned, last.recipients), max: maxGrowth } });
    const ramp: number[] = [];
    let v = last.recipients;
    while (v < options.planned && ramp.length < MAX_RAMP_STEPS) {
      v = Math.min(options.planned, Math.ceil(v * maxGrowth));
      ramp.push(v);
    }
    report.ramp = ramp;
  }
  return report;
}
