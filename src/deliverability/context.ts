// What every check receives, and the small helpers they share to build results.
import type { Locale } from '../engine/types';
import type { Resolver } from './dns/resolver';
import { type MessageKey, msg } from './i18n';
import type { CheckId, CheckResult, CheckStatus, Problem, ProblemSeverity, SmtpTarget } from './types';

/** Options after validation and defaults. */
export interface CheckOptions {
  ips: string[];
  selectors: string[];
  smtp?: SmtpTarget;
  ipBlocklists: string[];
  domainBlocklists: string[];
  linkedDomains: string[];
  timeoutMs: number;
  httpsCa?: string | string[];
  httpsPort?: number;
}

export interface CheckContext {
  /** The domain in ASCII (punycode) form. */
  domain: string;
  /** The full address when the user gave one. */
  address?: string;
  resolver: Resolver;
  /** The DNS server(s) every query goes to, as named in "could not determine" messages. */
  dnsServer: string;
  locale: Locale;
  options: CheckOptions;
  /** Aborted on cancel or when the overall time budget runs out. */
  signal: AbortSignal;
  /** Milliseconds left in the budget. */
  remainingMs(): number;
  /** Work shared by several checks (MX hosts, sending IPs, the DMARC record), computed once. */
  shared<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

export type Check = (ctx: CheckContext) => Promise<CheckResult>;

export type Params = Record<string, string | number>;

/** A problem with its message and fix advice: keys `problem.<code>[.<variant>]` and `fix.<code>[.<variant>]`. */
export function problem(ctx: CheckContext, code: string, severity: ProblemSeverity, params: Params = {}, variant?: string): Problem {
  const suffix = variant ? `${code}.${variant}` : code;
  const fixKey = `fix.${suffix}` as MessageKey;
  const out: Problem = { code, severity, message: msg(ctx.locale, `problem.${suffix}` as MessageKey, params) };
  const fix = msg(ctx.locale, fixKey, params, true);
  if (fix) out.fix = fix;
  return out;
}

/** pass / warn / fail from the worst problem (info problems do not lower the status). */
export function statusOf(problems: Problem[], clean: CheckStatus = 'pass'): CheckStatus {
  if (problems.some((p) => p.severity === 'error')) return 'fail';
  if (problems.some((p) => p.severity === 'warning')) return 'warn';
  return clean;
}

export function result(id: CheckId, status: CheckStatus, summary: string, records: string[] = [], problems: Problem[] = [], suggestion?: string): CheckResult {
  const r: CheckResult = { id, status, summary, records, problems };
  if (suggestion) r.suggestion = suggestion;
  return r;
}

/** "Could not determine" text for a failed query, naming the DNS server that failed to answer. */
export function dnsFailed(ctx: CheckContext, name: string, type: string, code: string): string {
  return msg(ctx.locale, 'dns.failed', { name, type, code, server: ctx.dnsServer });
}
