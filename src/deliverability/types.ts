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
