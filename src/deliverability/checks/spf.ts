import { type Check, type CheckContext, problem, result, statusOf, dnsFailed } from '../context';
import { renderDetail } from '../detail';
import { formatIp, parseIp, unmapIpv4 } from '../dns/ip';
import { msg } from '../i18n';
import { analyzeSpf, type SpfAnalysis } from '../spf/analyze';
import { IPV4_SPACE, IPV6_SPACE, percentOf, sizes } from '../spf/coverage';
import { lookupSpf } from '../spf/lookup';
import { checkHost, SPF_MAX_DNS_TERMS, SPF_MAX_MX_RECORDS, SPF_MAX_VOID_LOOKUPS } from '../spf/evaluate';
import type { SpfRecord } from '../spf/record';
import { MAX_SENDING_IPS, mxInfo } from '../shared';
import type { CheckResult, Problem } from '../types';

function withMetrics(r: CheckResult, metrics: Record<string, number>): CheckResult {
  r.metrics = metrics;
  return r;
}

// The SPF include each sending service documents in its own setup guide, keyed by the host
// name of its SMTP server, so a suggested record can name the right one.
const PROVIDER_INCLUDES: { host: RegExp; include: string }[] = [
  { host: /(^|\.)(gmail|googlemail|google)\.com$/i, include: '_spf.google.com' },
  { host: /(^|\.)(office365|outlook)\.com$/i, include: 'spf.protection.outlook.com' },
  { host: /(^|\.)(brevo|sendinblue)\.com$/i, include: 'spf.brevo.com' },
  { host: /(^|\.)mailjet\.com$/i, include: 'spf.mailjet.com' },
  { host: /(^|\.)sendgrid\.net$/i, include: 'sendgrid.net' },
  { host: /^email-smtp\.[a-z0-9-]+\.amazonaws\.com$/i, include: 'amazonses.com' },
  { host: /(^|\.)mailgun\.org$/i, include: 'mailgun.org' },
  { host: /(^|\.)ovh\.net$/i, include: 'mx.ovh.com' },
  { host: /(^|\.)zoho\.eu$/i, include: 'zoho.eu' },
  { host: /(^|\.)zoho\.com$/i, include: 'zoho.com' },
  { host: /(^|\.)gandi\.net$/i, include: '_mailcust.gandi.net' },
];

/** The include a known sending service documents for its SMTP host, if any. */
export function providerInclude(smtpHost: string | undefined): string | undefined {
  if (!smtpHost) return undefined;
  return PROVIDER_INCLUDES.find((p) => p.host.test(smtpHost))?.include;
}

function ipTerm(ip: string): string | undefined {
  const parsed = parseIp(ip);
  if (!parsed) return undefined;
  const u = unmapIpv4(parsed);
  return `${u.version === 4 ? 'ip4' : 'ip6'}:${formatIp(u)}`;
}

/** Adds terms before the record's final "all" / "redirect=" (keeping everything else). */
export function withTerms(record: string, terms: string[]): string {
  const parts = record.trim().split(/ +/);
  const existing = new Set(parts.map((p) => p.toLowerCase()));
  const add = terms.filter((t) => !existing.has(t.toLowerCase()));
  const endIdx = parts.findIndex((p, i) => i > 0 && (/^[+\-~?]?all$/i.test(p) || /^redirect=/i.test(p)));
  if (endIdx < 0) return [...parts, ...add].join(' ');
  return [...parts.slice(0, endIdx), ...add, ...parts.slice(endIdx)].join(' ');
}

/** One record from several (RFC 7208 §3.2 allows only one): their terms, one "all". */
export function mergeSpf(records: string[]): string {
  const terms: string[] = [];
  let all: string | undefined;
  for (const r of records) {
    for (const t of r.trim().split(/ +/).slice(1)) {
      if (/^[+\-~?]?all$/i.test(t)) all ??= t;
      else if (!/^redirect=/i.test(t) && !terms.some((x) => x.toLowerCase() === t.toLowerCase())) terms.push(t);
    }
  }
  return ['v=spf1', ...terms, all ?? '~all'].join(' ');
}

async function starterRecord(ctx: CheckContext): Promise<string | undefined> {
  const terms: string[] = [];
  const include = providerInclude(ctx.options.smtp?.host);
  if (include) terms.push(`include:${include}`);
  for (const ip of ctx.options.ips) {
    const t = ipTerm(ip);
    if (t && !terms.includes(t)) terms.push(t);
  }
  // With nothing known, the MX hosts are the usual senders of a small domain.
  if (terms.length === 0) {
    const mx = await mxInfo(ctx);
    if (mx.status === 'ok') terms.push('mx');
  }
  // Nothing known about the senders: no record worth suggesting.
  if (terms.length === 0) return undefined;
  // "~all" while the list is being completed; "-all" once every sender is listed (RFC 7208 §8.4-8.5).
  return ['v=spf1', ...terms, '~all'].join(' ');
}

// No organisation holds more than a /8 of IPv4 (the largest legacy IANA assignments) or a /16 of
// IPv6 (RIRs allocate /32 to about /19 to their largest members): a record that lets more than
// that pass authorizes senders it cannot own.
export const SPF_MAX_OWNABLE_V4 = 1n << 24n;
export const SPF_MAX_OWNABLE_V6 = 1n << 112n;

/** True when the tree lets more addresses pass than any sender could own (RFC 7208 §5, §4.6.2). */
function effectivelyOpen(a: SpfAnalysis): boolean {
  const n = sizes(a.authorized);
  return n.v4 > SPF_MAX_OWNABLE_V4 || n.v6 > SPF_MAX_OWNABLE_V6;
}

/**
 * SPF (RFC 7208): one record, valid, within the lookup limits, not permissive, and — when the
 * sending IPs are known — passing for each of them.
 */
export const checkSpf: Check = async (ctx) => {
  const { locale, domain } = ctx;
  const found = await lookupSpf(ctx.resolver, domain);
  if (found.kind === 'error') return result('spf', 'error', dnsFailed(ctx, domain, 'TXT', found.error.code));
  if (found.kind === 'none') {
    return withMetrics(result('spf', 'fail', msg(locale, 'spf.summary.missing', { domain }), [], [problem(ctx, 'spf-missing', 'error', { domain })], await starterRecord(ctx)), { valid: 0 });
  }
  if (found.kind === 'multiple') {
    const spf = found.texts;
    const records = spf.map((r) => `${domain}: ${r}`);
    return withMetrics(result('spf', 'fail', msg(locale, 'spf.summary.multiple', { count: spf.length }), records, [problem(ctx, 'spf-multiple', 'error', { count: spf.length, domain })], mergeSpf(spf)), { valid: 0 });
  }
  const records = [`${domain}: ${found.text}`];
  if (found.kind === 'syntax') {
    return withMetrics(result('spf', 'fail', msg(locale, 'spf.summary.syntax'), records, [problem(ctx, 'spf-syntax', 'error', { detail: renderDetail(locale, found.error.detail), domain })]), { valid: 0 });
  }
  const record: SpfRecord = found.record;
  const spf = [found.text];

  const a = await analyzeSpf(ctx.resolver, domain, record);
  const problems: Problem[] = [];
  const treeRecords = a.records.filter((r) => r.via !== 'top').map((r) => `${'  '.repeat(r.depth)}${r.via} ${r.domain}: ${r.text}`);
  if (a.lookups > SPF_MAX_DNS_TERMS) problems.push(problem(ctx, 'spf-too-many-lookups', 'error', { count: a.lookups, max: SPF_MAX_DNS_TERMS }));
  if (a.voidLookups > SPF_MAX_VOID_LOOKUPS) problems.push(problem(ctx, 'spf-void-lookups', 'error', { count: a.voidLookups, max: SPF_MAX_VOID_LOOKUPS }));
  for (const s of a.syntaxErrors) problems.push(problem(ctx, 'spf-syntax', 'error', { domain: s.domain, detail: renderDetail(locale, s.detail) }, 'include'));
  for (const m of a.missing) problems.push(problem(ctx, 'spf-syntax', 'error', { domain: m }, 'includeMissing'));
  for (const l of a.loops) problems.push(problem(ctx, 'spf-syntax', 'error', { detail: l }, 'loop'));
  for (const m of a.mxOverLimit) problems.push(problem(ctx, 'spf-mx-too-many', 'error', { domain: m.domain, term: m.term, count: m.count, max: SPF_MAX_MX_RECORDS }));
  for (const d of a.ptrDomains) problems.push(problem(ctx, 'spf-ptr', 'warning', { domain: d }));
  let suggestion: string | undefined;
  const top = record.mechanisms.find((m) => m.name === 'all');
  if (a.finalAll === '+') {
    problems.push(problem(ctx, 'spf-permissive-all', 'error', { all: '+all' }, 'pass'));
    if (top) suggestion = spf[0].replace(/(^| )\+?all( |$)/i, '$1~all$2');
  } else {
    if (effectivelyOpen(a)) {
      // Whatever the "all", what comes before it lets (nearly) everyone pass.
      const n = sizes(a.authorized);
      problems.push(
        problem(ctx, 'spf-permissive-all', 'error', { v4: Number(percentOf(n.v4, IPV4_SPACE)), v6: Number(percentOf(n.v6, IPV6_SPACE)), term: a.widestTerm ?? '?' }, 'effective'),
      );
    }
    if (a.finalAll === '?') {
      problems.push(problem(ctx, 'spf-permissive-all', 'warning', { all: '?all' }, 'neutral'));
      if (top) suggestion = spf[0].replace(/(^| )\?all( |$)/i, '$1~all$2');
    } else if (a.finalAll === undefined && a.macroTerms === 0 && !a.dnsErrors.length) {
      problems.push(problem(ctx, 'spf-permissive-all', 'warning', {}, 'missing'));
      if (!record.redirect) suggestion = `${spf[0].trim()} ~all`;
    }
  }

  // The SPF result for each known sending IP, as a receiver would compute it.
  const ipLines: string[] = [];
  const unauthorized: string[] = [];
  let tempErrors = 0;
  const sender = ctx.address ?? `postmaster@${domain}`;
  const ips = ctx.options.ips.slice(0, MAX_SENDING_IPS);
  const outcomes = await Promise.all(ips.map((ip) => checkHost({ resolver: ctx.resolver, ip, sender, domain })));
  ips.forEach((ip, i) => {
    const o = outcomes[i];
    ipLines.push(`${ip}: ${o.result}${o.mechanism ? ` (${o.mechanism})` : ''}${o.reason ? ` (${o.reason})` : ''}`);
    if (o.result === 'pass') return;
    if (o.result === 'temperror') {
      tempErrors++;
      return;
    }
    unauthorized.push(ip);
    problems.push(problem(ctx, 'spf-ip-not-authorized', 'error', { ip, result: o.result }));
  });
  if (unauthorized.length) {
    const terms = unauthorized.map(ipTerm).filter((t): t is string => !!t);
    suggestion = withTerms(suggestion ?? spf[0], terms);
  }

  let status = statusOf(problems);
  if ((a.dnsErrors.length || tempErrors) && status !== 'fail') status = 'error';
  const summary =
    status === 'error'
      ? msg(locale, 'spf.summary.incomplete', { count: a.lookups, max: SPF_MAX_DNS_TERMS })
      : msg(locale, 'spf.summary.found', { count: a.lookups, max: SPF_MAX_DNS_TERMS });
  // "valid": receivers can evaluate the record (no permerror whatever the client).
  const valid = problems.some((p) => ['spf-syntax', 'spf-too-many-lookups', 'spf-void-lookups', 'spf-mx-too-many'].includes(p.code)) ? 0 : 1;
  const r = result('spf', status, summary, [...records, ...treeRecords, ...a.dnsErrors.map((e) => `DNS: ${e}`), ...ipLines], problems, suggestion);
  return withMetrics(r, { lookups: a.lookups, voidLookups: a.voidLookups, valid });
};
