// Entry of the lazily loaded bundle dist/deliverability.js: every sender-domain check run in
// parallel under one time budget, plus the report formatters and the bulk-sender checklist.
import { getServers } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { setMaxListeners } from 'node:events';
import { domainOf } from '../engine/data/freemail';
import { checkDomainBlocklists, checkIpBlocklists } from './checks/blocklists';
import { checkDkim } from './checks/dkim';
import { checkDmarc } from './checks/dmarc';
import { checkMx, resolverBrokenSummary } from './checks/mx';
import { checkBimi, checkMtaSts, checkTlsRpt } from './checks/policies';
import { checkPtr } from './checks/ptr';
import { checkSender } from './checks/sender';
import { checkSmtp } from './checks/smtp';
import { checkSpf } from './checks/spf';
import type { Check, CheckContext, CheckOptions } from './context';
import { formatIp, parseIp, unmapIpv4 } from './dns/ip';
import { toAsciiDomain } from './dns/names';
import { cachingResolver, createResolver, DEFAULT_QUERY_TIMEOUT_MS, DnsError, parseServer, type Resolver, wrapResolver } from './dns/resolver';
import { DEFAULT_DOMAIN_BLOCKLISTS } from './dnsbl';
import { hostAddresses } from './shared';
import { msg } from './i18n';
import type { Locale } from '../engine/types';
import type { CheckId, CheckResult, DeliverabilityReport, RunOptions } from './types';

export { bulkSenderChecklist } from './checklist';
export { formatReport, type ReportFormat } from './format';
export type { ChecklistItem, CheckId, CheckResult, CheckStatus, DeliverabilityReport, Problem, RunOptions, SmtpSecurity, SmtpTarget } from './types';
export type { Resolver } from './dns/resolver';

/** Overall budget when the caller gives none: enough for slow blocklists, short enough to wait for. */
export const DEFAULT_TIMEOUT_MS = 10_000;
// After the budget runs out, checks get this long to turn their cancelled queries into results.
const ABORT_GRACE_MS = 100;

/** Bad input to runChecks (not a domain, not an IP…): the CLI turns it into exit code 2. */
export class DeliverabilityInputError extends Error {}

/** The order of the report: the contract of the CLI's JSON and of the panel. */
export const CHECK_ORDER: CheckId[] = ['sender', 'mx', 'spf', 'dkim', 'dmarc', 'ptr', 'ip-blocklists', 'domain-blocklists', 'smtp', 'mta-sts', 'tls-rpt', 'bimi'];

/**
 * One text form per address: IPv4-mapped IPv6 (`::ffff:192.0.2.1`) becomes the IPv4 address it
 * stands for (RFC 4291 §2.5.5.2, RFC 7208 §5), IPv6 is compressed as RFC 5952 says. Done once, where
 * `--ip` and the settings come in, so SPF, PTR and the blocklists all judge the same address.
 */
export function normalizeIp(text: string): string | undefined {
  const ip = parseIp(text.trim());
  return ip ? formatIp(unmapIpv4(ip)) : undefined;
}

/** Reads the target: a domain or an address, IDN allowed. */
export function parseTarget(target: string): { domain: string; displayDomain?: string; address?: string } | undefined {
  const t = target.trim();
  let raw = t;
  let local: string | undefined;
  if (t.includes('@')) {
    const d = domainOf(t);
    if (!d) return undefined;
    raw = d;
    const angle = /<([^<>]*)>/.exec(t);
    const addr = (angle ? angle[1] : t).trim();
    local = addr.slice(0, addr.lastIndexOf('@'));
  }
  const domain = toAsciiDomain(raw);
  if (!domain || !domain.includes('.')) return undefined;
  const display = raw.toLowerCase().replace(/\.$/, '');
  return { domain, displayDomain: display !== domain ? display : undefined, address: local ? `${local}@${domain}` : undefined };
}

/** Wraps a resolver so queries fail at once (TIMEOUT or CANCELLED) after the signal fires. */
function abortable(inner: Resolver, signal: AbortSignal, reason: () => 'TIMEOUT' | 'CANCELLED'): Resolver {
  return wrapResolver(inner, (type, name, query) => {
    if (signal.aborted) return Promise.reject(new DnsError(reason(), name, type));
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(new DnsError(reason(), name, type));
      signal.addEventListener('abort', onAbort, { once: true });
      query().then(
        (v) => {
          signal.removeEventListener('abort', onAbort);
          resolve(v);
        },
        (e) => {
          signal.removeEventListener('abort', onAbort);
          reject(e);
        },
      );
    });
  });
}

const ZONE_RE = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{2,63}$/i;

function validate(options: RunOptions): void {
  const l = options.locale;
  for (const ip of options.ips ?? []) if (!parseIp(ip)) throw new DeliverabilityInputError(msg(l, 'input.badIp', { value: ip }));
  for (const s of options.dns ?? []) if (!parseServer(s)) throw new DeliverabilityInputError(msg(l, 'input.badDns', { value: s }));
  for (const z of [...(options.ipBlocklists ?? []), ...(options.domainBlocklists ?? [])]) if (!ZONE_RE.test(z)) throw new DeliverabilityInputError(msg(l, 'input.badZone', { value: z }));
  for (const s of options.selectors ?? []) if (!/^[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?$/i.test(s)) throw new DeliverabilityInputError(msg(l, 'input.badSelector', { value: s }));
  if (options.timeoutMs !== undefined && !(options.timeoutMs > 0)) throw new DeliverabilityInputError(msg(l, 'input.badTimeout', { value: String(options.timeoutMs) }));
}

/**
 * `--dns` servers as addresses: Node's resolver only takes IP addresses, so a server given by
 * name is looked up once (through the system's resolver, the only one that can find it).
 */
async function serverAddresses(specs: string[], locale: Locale): Promise<string[]> {
  return Promise.all(
    specs.map(async (spec) => {
      const { host, port } = parseServer(spec)!;
      if (parseIp(host)) return spec.trim();
      try {
        const { address, family } = await lookup(host);
        return family === 6 ? `[${address}]:${port}` : `${address}:${port}`;
      } catch {
        throw new DeliverabilityInputError(msg(locale, 'input.unknownDns', { value: spec.trim() }));
      }
    }),
  );
}

/**
 * Runs every check in parallel under one time budget. Never rejects for DNS trouble: a check
 * that cannot decide reports `error`. Throws DeliverabilityInputError for unusable input.
 */
export async function runChecks(options: RunOptions): Promise<DeliverabilityReport> {
  const { locale } = options;
  const target = parseTarget(options.target);
  if (!target) throw new DeliverabilityInputError(msg(locale, 'input.badTarget', { value: options.target }));
  validate(options);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = Date.now();

  const controller = new AbortController();
  // One listener per query in flight: dozens at once is expected, not a leak.
  setMaxListeners(0, controller.signal);
  let reason: 'TIMEOUT' | 'CANCELLED' = 'TIMEOUT';
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const onCancel = () => {
    reason = 'CANCELLED';
    controller.abort();
  };
  if (options.signal?.aborted) onCancel();
  options.signal?.addEventListener('abort', onCancel, { once: true });

  // Each query may take a third of the budget per try, so a dead server still leaves time to report.
  const servers = options.resolver ? undefined : await serverAddresses(options.dns ?? [], locale);
  const dnsServer = servers?.length ? servers.join(', ') : options.resolver ? msg(locale, 'dns.injectedResolver') : getServers().join(', ') || msg(locale, 'dns.systemResolver');
  const base = options.resolver ?? createResolver({ servers, queryTimeoutMs: Math.max(50, Math.min(DEFAULT_QUERY_TIMEOUT_MS, Math.floor(timeoutMs / 3))), tries: 2 });
  const resolver = cachingResolver(abortable(base, controller.signal, () => reason));
  const sharedWork = new Map<string, Promise<unknown>>();
  const checkOptions: CheckOptions = {
    ips: [...new Set((options.ips ?? []).map((ip) => normalizeIp(ip)!))],
    selectors: options.selectors ?? [],
    smtp: options.smtp && normalizeIp(options.smtp.host) ? { ...options.smtp, host: normalizeIp(options.smtp.host)! } : options.smtp,
    ipBlocklists: options.ipBlocklists ?? [],
    domainBlocklists: options.domainBlocklists?.length ? options.domainBlocklists : DEFAULT_DOMAIN_BLOCKLISTS,
    linkedDomains: (options.linkedDomains ?? []).map((d) => toAsciiDomain(d)).filter((d): d is string => !!d),
    timeoutMs,
    httpsCa: options.httpsCa,
    httpsPort: options.httpsPort,
  };
  const ctx: CheckContext = {
    domain: target.domain,
    address: target.address,
    resolver,
    dnsServer,
    locale,
    options: checkOptions,
    signal: controller.signal,
    remainingMs: () => Math.max(0, timeoutMs - (Date.now() - started)),
    shared: <T>(key: string, compute: () => Promise<T>) => {
      let p = sharedWork.get(key);
      if (!p) sharedWork.set(key, (p = compute()));
      return p as Promise<T>;
    },
  };

  const checks: Record<CheckId, Check> = {
    sender: checkSender,
    mx: checkMx,
    spf: checkSpf,
    dkim: checkDkim,
    dmarc: checkDmarc,
    ptr: checkPtr,
    'ip-blocklists': checkIpBlocklists,
    'domain-blocklists': checkDomainBlocklists,
    smtp: async (c) =>
      c.options.smtp
        ? checkSmtp(c.options.smtp, { locale, timeoutMs: c.remainingMs(), signal: c.signal, resolveHost: (h) => hostAddresses(c, h) })
        : { id: 'smtp', status: 'skipped', summary: msg(locale, 'smtp.summary.notConfigured'), records: [], problems: [] },
    'mta-sts': checkMtaSts,
    'tls-rpt': checkTlsRpt,
    bimi: checkBimi,
  };

  const stopped = new Promise<void>((resolve) => {
    const fire = () => setTimeout(resolve, ABORT_GRACE_MS);
    if (controller.signal.aborted) fire();
    else controller.signal.addEventListener('abort', fire, { once: true });
  });

  const results = await Promise.all(
    CHECK_ORDER.map(async (id): Promise<CheckResult> => {
      const t0 = performance.now();
      const run = checks[id](ctx).then(
        (r) => r,
        (e: unknown): CheckResult => ({ id, status: 'error', summary: msg(locale, 'check.crashed', { reason: e instanceof Error ? e.message : String(e) }), records: [], problems: [] }),
      );
      const late = stopped.then(
        (): CheckResult => ({ id, status: 'error', summary: msg(locale, reason === 'TIMEOUT' ? 'check.timeout' : 'check.cancelled', { ms: timeoutMs }), records: [], problems: [] }),
      );
      const r = await Promise.race([run, late]);
      r.durationMs = Math.round(performance.now() - t0);
      options.onProgress?.(r);
      return r;
    }),
  );
  clearTimeout(timer);
  options.signal?.removeEventListener('abort', onCancel);
  // A resolver that denies a well-known name denies everything: no DNS-based verdict stands.
  if (sharedWork.has('sanity') && (await sharedWork.get('sanity')) === false) {
    const summary = resolverBrokenSummary(ctx);
    for (const r of results) {
      if (r.id === 'sender' || r.id === 'smtp' || r.status === 'skipped') continue;
      r.status = 'error';
      r.summary = summary;
      r.problems = [];
      delete r.suggestion;
    }
  }
  if (controller.signal.aborted) base.cancel?.();
  const report: DeliverabilityReport = { version: 1, domain: target.domain, checks: results };
  if (target.displayDomain) report.displayDomain = target.displayDomain;
  return report;
}
