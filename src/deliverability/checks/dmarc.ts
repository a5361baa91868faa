import { type Check, type CheckContext, problem, result, statusOf, dnsFailed } from '../context';
import { type DmarcRecord, organizationalDomain } from '../dmarc';
import { renderDetail } from '../detail';
import { DnsError, joinTxt } from '../dns/resolver';
import { msg } from '../i18n';
import { dmarcInfo } from '../shared';
import type { Problem } from '../types';

/** A starter record: monitor first (p=none) with aggregate reports to the domain itself. */
export function starterDmarc(domain: string): string {
  return `v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain}`;
}

/** The record with `p=` raised to the given policy (other tags kept as published). */
export function withPolicy(record: DmarcRecord, policy: 'quarantine' | 'reject'): string {
  const parts = record.text.split(';').map((p) => p.trim()).filter(Boolean);
  const out = parts.map((p) => (/^p\s*=/i.test(p) ? `p=${policy}` : p));
  if (!out.some((p) => /^p\s*=/i.test(p))) out.splice(1, 0, `p=${policy}`);
  return out.join('; ');
}

/**
 * RFC 7489 §7.1: a report destination in another organizational domain must publish
 * `<domain>._report._dmarc.<destination>` with v=DMARC1, or receivers send it nothing.
 */
async function unauthorizedDestinations(ctx: CheckContext, rec: DmarcRecord, policyDomain: string): Promise<string[]> {
  const org = organizationalDomain(policyDomain);
  const hosts = [...new Set(rec.rua.map((a) => a.slice(a.lastIndexOf('@') + 1).toLowerCase()))].filter((h) => organizationalDomain(h) !== org);
  const checks = await Promise.all(
    hosts.map(async (host): Promise<string | undefined> => {
      try {
        const ans = await ctx.resolver.txt(`${policyDomain}._report._dmarc.${host}`);
        return ans.records.map(joinTxt).some((r) => /^v\s*=\s*DMARC1/.test(r)) ? undefined : host;
      } catch (e) {
        // Unknown is not "unauthorized": say nothing when the lookup fails.
        if (e instanceof DnsError) return undefined;
        throw e;
      }
    }),
  );
  return checks.filter((x): x is string => !!x);
}

/**
 * DMARC (RFC 7489): a valid record at the domain or its organizational domain, with an
 * enforcing policy and aggregate reports. Gmail and Yahoo require one of bulk senders (2024).
 */
export const checkDmarc: Check = async (ctx) => {
  const { locale, domain } = ctx;
  const look = await dmarcInfo(ctx);
  if (look.error) return result('dmarc', 'error', dnsFailed(ctx, look.error.qname, 'TXT', look.error.code));
  const records = look.records.map((r) => `${look.name}: ${r}`);
  if (look.records.length === 0) {
    return result('dmarc', 'fail', msg(locale, 'dmarc.summary.missing', { domain }), [], [problem(ctx, 'dmarc-missing', 'error', { domain })], starterDmarc(domain));
  }
  if (look.records.length > 1) {
    // RFC 7489 §6.6.3: with more than one record, receivers apply no DMARC at all.
    return result('dmarc', 'fail', msg(locale, 'dmarc.summary.multiple', { count: look.records.length }), records, [problem(ctx, 'dmarc-multiple', 'error', { count: look.records.length, name: look.name })]);
  }
  const rec = look.record!;
  const problems: Problem[] = [];
  for (const d of rec.errors) problems.push(problem(ctx, 'dmarc-syntax', 'error', { detail: renderDetail(locale, d) }));
  // Mail from a subdomain follows sp= of the organizational record (RFC 7489 §6.6.3 step 6).
  const policy = look.source === 'org' ? (rec.sp ?? rec.p) : rec.p;
  if (look.source === 'org') problems.push(problem(ctx, 'dmarc-inherited', 'info', { org: look.orgDomain, policy: policy ?? '?' }));
  let suggestion: string | undefined;
  if (policy === 'none') {
    problems.push(problem(ctx, 'dmarc-policy-none', 'warning'));
    suggestion = withPolicy(rec, 'quarantine');
  }
  const otherRua = rec.otherUris.filter((u) => u.tag === 'rua');
  if (rec.rua.length === 0 && otherRua.length === 0 && !rec.errors.some((e) => e.params?.tag === 'rua')) problems.push(problem(ctx, 'dmarc-no-rua', 'warning', { domain }));
  // RFC 7489 §6.4 allows any URI, but receivers send reports by mail only (Google, Microsoft,
  // Yahoo): an https: destination alone gets nothing.
  for (const u of rec.otherUris) problems.push(problem(ctx, 'dmarc-rua-not-mailto', u.tag === 'rua' && rec.rua.length === 0 ? 'warning' : 'info', { tag: u.tag, uri: u.uri }));
  if (rec.pct < 100 && policy !== 'none') problems.push(problem(ctx, 'dmarc-pct', 'warning', { pct: rec.pct }));
  if (look.source === 'domain' && rec.p && rec.p !== 'none' && rec.sp === 'none') problems.push(problem(ctx, 'dmarc-subdomain-none', 'info', { policy: rec.p }));
  const policyDomain = look.source === 'org' ? look.orgDomain : domain;
  for (const host of await unauthorizedDestinations(ctx, rec, policyDomain)) {
    problems.push(problem(ctx, 'dmarc-rua-unauthorized', 'warning', { host, name: `${policyDomain}._report._dmarc.${host}` }));
  }
  const summary = policy ? msg(locale, 'dmarc.summary.found', { policy, pct: rec.pct }) : msg(locale, 'dmarc.summary.syntax');
  return result('dmarc', statusOf(problems), summary, records, problems, suggestion);
};
