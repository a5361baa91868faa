/** Outcome of one check. `error`: could not be determined (timeout, refused query…). */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'error' | 'info' | 'skipped';

/** Check ids; part of the CLI's JSON contract. */
export type CheckId = 'sender' | 'mx' | 'spf' | 'dkim' | 'dmarc' | 'ptr' | 'ip-blocklists' | 'domain-blocklists' | 'smtp' | 'mta-sts' | 'tls-rpt' | 'bimi';

export type ProblemSeverity = 'error' | 'warning' | 'info';

/** One thing wrong (or worth knowing) found by a check. `code` is part of the contract. */
export interface Problem {
  code: string;
  severity: ProblemSeverity;
  /** Localized, one sentence naming the problem, with measured values. */
  message: string;
  /** Localized advice: what to change. */
  fix?: string;
}

/** The result of one check. */
export interface CheckResult {
  id: CheckId;
  status: CheckStatus;
  /** Localized one-line summary. */
  summary: string;
  /** Raw records read (TXT, MX, PTR answers, SMTP banner…), shown as text only. */
  records: string[];
  problems: Problem[];
  /** A record to publish (SPF, DMARC…), ready to copy. */
  suggestion?: string;
  durationMs?: number;
  /** Measured values for the panel and the checklist (e.g. `lookups`, `usableKeys`); not part of the JSON output. */
  metrics?: Record<string, number>;
}

/** The whole report; `version` changes if the shape breaks. */
export interface DeliverabilityReport {
  version: 1;
  /** The domain checked, in ASCII (punycode) form. */
  domain: string;
  /** The domain as the user typed it, when it differs (IDN). */
  displayDomain?: string;
  checks: CheckResult[];
}

export type SmtpSecurity = 'ssl' | 'starttls' | 'none';

/** The submission server to probe. */
export interface SmtpTarget {
  host: string;
  port: number;
  security: SmtpSecurity;
  /** Only with a password from VS Code SecretStorage and an explicit login test. */
  auth?: { user: string; pass: string };
  /** Extra CA certificates to trust (PEM), for tests and private CAs. */
  ca?: string | string[];
}

/** Options of `runChecks`. */
export interface RunOptions {
  /** A domain (IDN allowed) or an address (`Name <user@example.com>` too). */
  target: string;
  /** Sending IPs (IPv4 or IPv6). */
  ips?: string[];
  /** DKIM selectors; common ones are tried when empty. */
  selectors?: string[];
  /** SMTP server to probe; the smtp check is skipped without one. */
  smtp?: SmtpTarget;
  /** DNS servers ("host[:port]", "[v6]:port"); every query, blocklists included, goes there. */
  dns?: string[];
  /** IP blocklist zones replacing the defaults. */
  ipBlocklists?: string[];
  /** Domain blocklist zones replacing the defaults. */
  domainBlocklists?: string[];
  /** Domains linked from the active draft, checked against the domain blocklists. */
  linkedDomains?: string[];
  /** Extra CA certificates (PEM) trusted for the MTA-STS policy fetch: tests and private CAs. */
  httpsCa?: string | string[];
  /** Port of the MTA-STS policy host (443 when absent): tests only. */
  httpsPort?: number;
  /** Overall time budget in ms for all checks together. */
  timeoutMs?: number;
  locale: 'en' | 'fr';
  signal?: AbortSignal;
  /** Injected resolver (tests); `dns` is ignored when given. */
  resolver?: import('./dns/resolver').Resolver;
  /** Called as each check finishes. */
  onProgress?(result: CheckResult): void;
}

/** One line of the Gmail / Yahoo / Microsoft bulk-sender checklist. */
export interface ChecklistItem {
  id: 'spf' | 'dkim' | 'dmarc' | 'alignment' | 'fcrdns' | 'tls' | 'unsubscribe' | 'spam-rate';
  /** met: satisfied; unmet: not satisfied; unknown: not determined by this run; draft: checked in the draft by the linter; external: cannot be checked from here. */
  state: 'met' | 'unmet' | 'unknown' | 'draft' | 'external';
  /** Localized requirement. */
  label: string;
  /** Localized detail: what was found or where to look. */
  detail: string;
  /** The checks this item is derived from. */
  checks: CheckId[];
}
