import type { ListMessageKey, Params } from './i18n';

/** The status of a row, named as the market leaders name them. */
export type Status = 'valid' | 'risky' | 'invalid' | 'duplicate' | 'unknown';
export const STATUSES: readonly Status[] = ['valid', 'risky', 'invalid', 'duplicate', 'unknown'];

/** Why a row is not valid; each code has a message `reason.<code>` in both languages. */
export type ReasonCode =
  | 'empty'
  | 'missing-at'
  | 'multiple-at'
  | 'too-long'
  | 'local-too-long'
  | 'local-invalid'
  | 'domain-invalid'
  | 'domain-literal'
  | 'syntax'
  | 'unknown-tld'
  | 'typo-domain'
  | 'disposable'
  | 'role'
  | 'trap-role'
  | 'duplicate'
  | 'no-domain'
  | 'null-mx'
  | 'no-mx-a'
  | 'no-mail-host'
  | 'dns-failed';

/** The status each reason gives a row; the worst one wins (see STATUS_RANK). */
export const REASON_STATUS: Record<ReasonCode, Status> = {
  empty: 'invalid',
  'missing-at': 'invalid',
  'multiple-at': 'invalid',
  'too-long': 'invalid',
  'local-too-long': 'invalid',
  'local-invalid': 'invalid',
  'domain-invalid': 'invalid',
  'domain-literal': 'invalid',
  syntax: 'invalid',
  'unknown-tld': 'invalid',
  'typo-domain': 'risky',
  disposable: 'risky',
  role: 'risky',
  'trap-role': 'risky',
  duplicate: 'duplicate',
  'no-domain': 'invalid',
  'null-mx': 'invalid',
  'no-mx-a': 'risky',
  'no-mail-host': 'invalid',
  'dns-failed': 'unknown',
};

/** Worse statuses rank higher: an invalid duplicate is invalid, a risky address whose DNS failed is risky. */
export const STATUS_RANK: Record<Status, number> = { valid: 0, unknown: 1, risky: 2, duplicate: 3, invalid: 4 };

export interface Reason {
  code: ReasonCode;
  /** Values for the message (domain, suggestion, first line of a duplicate…). */
  params: Params;
}

/** Where the address sits in the file: 0-based line and UTF-16 columns, for editor ranges. */
export interface AddressSpan {
  line: number;
  start: number;
  end: number;
  /** The domain's columns when the cell's text is exactly the address (quick fixes replace it). */
  domainStart?: number;
}

/** One analysed row. */
export interface RowResult {
  /** 1-based line where the row starts. */
  line: number;
  address: string;
  status: Status;
  reasons: Reason[];
  /** The corrected address for a typo domain. */
  suggestion?: string;
  span?: AddressSpan;
}

/** A problem with the file itself or one of its lines, reported once. */
export interface InputWarning {
  key: ListMessageKey;
  params: Params;
}

/** Thrown for a file that cannot be read as a list (binary, 10,000 columns…): one clear message. */
export class ListInputError extends Error {
  constructor(
    readonly key: ListMessageKey,
    readonly params: Params,
  ) {
    super(key);
    this.name = 'ListInputError';
  }
}

/** Receivers' thresholds for the rate of invalid addresses in a send. */
export interface RateLevel {
  rate: number;
  level: 'ok' | 'warning' | 'danger';
}

export interface DnsSummary {
  checked: boolean;
  domains: number;
  failed: number;
}

export interface ListSummary {
  rows: number;
  statuses: Record<Status, number>;
  reasons: Partial<Record<ReasonCode, number>>;
  /** Mailboxes that appear more than once. */
  duplicateGroups: number;
  /** invalid / (rows − duplicates): what would bounce if the list were sent as is. */
  invalidRate: number;
  invalidLevel: RateLevel['level'];
  dns: DnsSummary;
  header: boolean;
  separator: string;
  column: { index: number; name?: string };
  warnings: InputWarning[];
}
