// The row checks of a list: finds the address column, then gives each row a status and its
// reasons, and counts them for the summary. Fed record by record (from a file stream or an
// editor's text), so memory holds only the duplicate keys and the per-domain caches.
import { mailboxKey, parseAddress, roleOf } from './address';
import type { DomainMail } from './dns';
import { domainFacts } from './domains';
import { type CsvRecord, fieldSpan, ListReader, type Separator } from './reader';
import { type InputWarning, ListInputError, type ListSummary, type Reason, REASON_STATUS, type ReasonCode, type RowResult, type Status, STATUS_RANK } from './types';

// Share of invalid addresses (would-be hard bounces) in a send. Sending services ask for under
// 2% (Mailchimp, Brevo and SendGrid's guidance); Amazon SES puts an account under review at 5%
// and may pause it at 10% (Amazon SES Developer Guide, "Bounce rate").
export const INVALID_RATE_WARNING = 0.02;
export const INVALID_RATE_DANGER = 0.05;

export interface AnalyzeOptions {
  /** The file's name in messages. */
  file: string;
  /** `--column`: a header name or a 1-based number. */
  column?: string;
  /** Mail DNS of the domains; undefined when DNS was not checked. */
  dns?: ReadonlyMap<string, DomainMail>;
  /** Only gather the domains to look up (the first pass when DNS is on). */
  collectDomains?: boolean;
  /** Compute editor positions of each address. */
  spans?: boolean;
  /** Each analysed row with its record. */
  onRow?: (row: RowResult, record: CsvRecord, analyzer: ListAnalyzer) => void;
}

// Header names of address columns, lowercased without accents, spaces or punctuation:
// Mailchimp "Email Address", Brevo "EMAIL", Mailjet "email", French "Adresse e-mail", "Courriel".
const ADDRESS_HEADERS = new Set(['email', 'emailaddress', 'emails', 'mail', 'mailaddress', 'courriel', 'adressemail', 'adresseemail', 'adressecourriel', 'emailadresse', 'address', 'adresse']);

function normalizeHeader(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function hasAt(fields: string[]): number {
  for (let i = 0; i < fields.length; i++) if (fields[i].indexOf('@') !== -1) return i;
  return -1;
}

// Without trimming copies: a million rows would mean millions of throwaway strings.
function isBlank(fields: string[]): boolean {
  for (const f of fields) {
    for (let i = 0; i < f.length; i++) {
      const c = f.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 13 && c !== 10 && c !== 0xa0) return false;
    }
  }
  return true;
}

function dnsReason(mail: DomainMail | undefined, domain: string): Reason | undefined {
  switch (mail?.status) {
    case undefined:
    case 'mx':
      return undefined;
    case 'nxdomain':
      return { code: 'no-domain', params: { domain } };
    case 'null-mx':
      return { code: 'null-mx', params: { domain } };
    case 'a-only':
      return { code: 'no-mx-a', params: { domain } };
    case 'none':
      return { code: 'no-mail-host', params: { domain } };
    case 'error':
      return { code: 'dns-failed', params: { domain, code: mail.code } };
  }
}

/** Analyses the records of one list; `reader()` gives the ListReader to feed. */
export class ListAnalyzer {
  readonly domains = new Set<string>();
  readonly warnings: InputWarning[] = [];
  /** The header record, when the file has one. */
  header: CsvRecord | undefined;
  private column = -1;
  private columnName: string | undefined;
  private decided = false;
  private rows = 0;
  private readonly statuses: Record<Status, number> = { valid: 0, risky: 0, invalid: 0, duplicate: 0, unknown: 0 };
  private readonly reasons: Partial<Record<ReasonCode, number>> = {};
  private readonly seen = new Map<string, number>();
  private groups = 0;
  private listReader: ListReader | undefined;

  constructor(private readonly options: AnalyzeOptions) {}

  /** The reader that feeds this analyser (created once). */
  reader(separator?: Separator): ListReader {
    return (this.listReader ??= new ListReader(
      this.options.file,
      (r) => this.record(r),
      (w) => this.warnings.push(w),
      separator,
    ));
  }

  /** Analyses a whole text at once (the editor's document). */
  static text(text: string, options: AnalyzeOptions): { analyzer: ListAnalyzer; summary: ListSummary } {
    const analyzer = new ListAnalyzer(options);
    const reader = analyzer.reader();
    reader.push(Buffer.from(text, 'utf8'));
    reader.end();
    return { analyzer, summary: analyzer.summary() };
  }

  private decide(record: CsvRecord): boolean {
    const { column } = this.options;
    const fields = record.fields;
    const at = hasAt(fields);
    if (column !== undefined && /^\d+$/.test(column)) {
      const index = Number(column) - 1;
      if (index < 0 || index >= fields.length) throw new ListInputError('input.badColumnNumber', { file: this.options.file, column, count: fields.length });
      this.column = index;
      this.decided = true;
      if (at === -1) {
        this.header = record;
        this.columnName = fields[index].trim();
        return true;
      }
      return false;
    }
    if (at !== -1 && column === undefined) {
      // No header: the first field with an @ is the address column.
      this.column = at;
      this.decided = true;
      return false;
    }
    this.header = record;
    const names = fields.map(normalizeHeader);
    if (column !== undefined) {
      const want = column.trim().toLowerCase();
      const index = at === -1 ? fields.findIndex((f) => f.trim().toLowerCase() === want) : -1;
      if (index === -1) throw new ListInputError('input.noColumn', { file: this.options.file, column, columns: at === -1 ? fields.map((f) => f.trim()).join(', ') : '—' });
      this.column = index;
      this.columnName = fields[index].trim();
      this.decided = true;
      return true;
    }
    const byName = names.findIndex((n) => ADDRESS_HEADERS.has(n));
    if (byName !== -1) {
      this.column = byName;
      this.columnName = fields[byName].trim();
      this.decided = true;
    }
    return true;
  }

  private record(record: CsvRecord): void {
    if (this.header === undefined && !this.decided) {
      if (this.decide(record)) return;
    } else if (!this.decided) {
      // A header without a known address column: the first data row with an @ decides.
      if (isBlank(record.fields)) return;
      const at = hasAt(record.fields);
      this.column = at === -1 ? 0 : at;
      this.columnName = this.header?.fields[this.column]?.trim();
      this.decided = true;
      if (at === -1) this.warnings.push({ key: 'warning.noAddressColumn', params: { column: String(this.column + 1) } });
    }
    if (isBlank(record.fields)) return;
    this.row(record);
  }

  private row(record: CsvRecord): void {
    const address = (record.fields[this.column] ?? '').trim();
    const parsed = parseAddress(address);
    if (this.options.collectDomains) {
      if (parsed.ok && !domainFacts(parsed.domain).unknownTld) this.domains.add(parsed.domain);
      return;
    }
    const reasons: Reason[] = [];
    let suggestion: string | undefined;
    if (!parsed.ok) reasons.push(parsed.reason);
    else {
      const { local, domain } = parsed;
      const facts = domainFacts(domain);
      if (facts.unknownTld) reasons.push({ code: 'unknown-tld', params: { tld: facts.unknownTld } });
      if (facts.typoOf) {
        suggestion = `${local}@${facts.typoOf}`;
        reasons.push({ code: 'typo-domain', params: { domain, suggestion: facts.typoOf } });
      }
      if (facts.disposable) reasons.push({ code: 'disposable', params: { domain } });
      const role = roleOf(local);
      if (role) reasons.push({ code: role, params: { local } });
      if (this.options.dns && !facts.unknownTld) {
        const r = dnsReason(this.options.dns.get(domain), domain);
        if (r) reasons.push(r);
      }
      const key = mailboxKey(local, domain);
      const first = this.seen.get(key);
      if (first === undefined) this.seen.set(key, record.line);
      else {
        // A negative line marks a key already counted as a group.
        if (first > 0) {
          this.groups++;
          this.seen.set(key, -first);
        }
        reasons.push({ code: 'duplicate', params: { first: String(Math.abs(first)) } });
      }
    }
    let status: Status = 'valid';
    for (const r of reasons) {
      const s = REASON_STATUS[r.code];
      if (STATUS_RANK[s] > STATUS_RANK[status]) status = s;
      this.reasons[r.code] = (this.reasons[r.code] ?? 0) + 1;
    }
    this.rows++;
    this.statuses[status]++;
    if (!this.options.onRow) return;
    const result: RowResult = { line: record.line, address, status, reasons };
    if (suggestion) result.suggestion = suggestion;
    if (this.options.spans) {
      const span = fieldSpan(record.text, this.listReader?.separator ?? '', this.column);
      if (span) {
        result.span = { line: record.line - 1 + span.lineOffset, start: span.start, end: span.end };
        const at = address.lastIndexOf('@');
        if (span.exact && span.end - span.start === address.length && at !== -1) result.span.domainStart = span.start + at + 1;
      }
    }
    this.options.onRow(result, record, this);
  }

  /** The counts so far (complete after the reader's `end()`). */
  summary(): ListSummary {
    const sendable = this.rows - this.statuses.duplicate;
    const invalidRate = sendable > 0 ? this.statuses.invalid / sendable : 0;
    const reasons: Partial<Record<ReasonCode, number>> = {};
    for (const code of Object.keys(this.reasons).sort() as ReasonCode[]) reasons[code] = this.reasons[code];
    return {
      rows: this.rows,
      statuses: { ...this.statuses },
      reasons,
      duplicateGroups: this.groups,
      invalidRate,
      invalidLevel: invalidRate >= INVALID_RATE_DANGER ? 'danger' : invalidRate >= INVALID_RATE_WARNING ? 'warning' : 'ok',
      dns: { checked: this.options.dns !== undefined, domains: this.options.dns?.size ?? 0, failed: [...(this.options.dns?.values() ?? [])].filter((m) => m.status === 'error').length },
      header: this.header !== undefined,
      separator: this.listReader?.separator ?? '',
      column: { index: this.column + 1, ...(this.columnName !== undefined ? { name: this.columnName } : {}) },
      warnings: this.warnings,
    };
  }
}
