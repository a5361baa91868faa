import { type Check, type CheckContext, problem, result, statusOf, dnsFailed } from '../context';
import { type IpAddress, parseIp, reverseName, sameIp } from '../dns/ip';
import { DnsError } from '../dns/resolver';
import { msg } from '../i18n';
import { hostAddresses, sendingIps } from '../shared';
import type { Problem } from '../types';

// RFC 7208 §4.6.4 caps a PTR walk at 10 names; one mail server needs one.
const MAX_PTR_NAMES = 10;

// Words that mark a name as assigned to an access network rather than chosen for a mail server:
// the tokens of SpamAssassin's HELO_DYNAMIC_* / RDNS_DYNAMIC rules (20_dynrdns.cf) and of the
// generic naming schemes in draft-msullivan-dnsop-generic-naming-schemes.
const GENERIC_WORDS = /(^|[.\-_\d])(dyn|dynamic|dhcp|dial|dialup|dialin|ppp|pppoe|dsl|adsl|xdsl|vdsl|cable|modem|pool|client|clients|cust|customer|subscriber|broadband|residential|res|home|user|users|unassigned|unknown|nat|wireless|wifi|mobile|static)([.\-_\d]|$)/i;

/**
 * True when the PTR name embeds the IP's octets (decimal in either order, or hex) or a
 * generic-naming keyword: SpamAssassin HELO_DYNAMIC_IPADDR / HELO_DYNAMIC_HEXIP.
 */
export function looksGeneric(name: string, ip: IpAddress): boolean {
  const n = name.toLowerCase();
  if (GENERIC_WORDS.test(n)) return true;
  if (ip.version === 4) {
    const [a, b, c, d] = ip.bytes;
    const sep = '[.\\-_x]?';
    // regex-audit: safe, tested on one PTR name, at most 253 characters (RFC 1035 §2.3.4), so even cubic backtracking stays small
    const forward = new RegExp(`(^|\\D)0*${a}${sep}0*${b}${sep}0*${c}${sep}0*${d}(\\D|$)`);
    // regex-audit: safe, same pattern as `forward`, bytes reversed
    const backward = new RegExp(`(^|\\D)0*${d}${sep}0*${c}${sep}0*${b}${sep}0*${a}(\\D|$)`);
    const hex = ip.bytes.map((x) => x.toString(16).padStart(2, '0')).join('');
    return forward.test(n) || backward.test(n) || n.includes(hex);
  }
  // IPv6: a long run of hex groups from the address in the name.
  const hex = ip.bytes.map((x) => x.toString(16).padStart(2, '0')).join('');
  return n.replace(/[.\-_:]/g, '').includes(hex.slice(-12));
}

async function checkIp(ctx: CheckContext, ipText: string, severity: 'error' | 'warning'): Promise<{ records: string[]; problems: Problem[]; error?: string }> {
  const ip = parseIp(ipText);
  if (!ip) return { records: [], problems: [problem(ctx, 'ptr-missing', severity, { ip: ipText }, 'invalid')] };
  const rname = reverseName(ip);
  let ptr;
  try {
    ptr = await ctx.resolver.ptr(rname);
  } catch (e) {
    if (e instanceof DnsError) return { records: [], problems: [], error: dnsFailed(ctx, rname, 'PTR', e.code) };
    throw e;
  }
  if (ptr.records.length === 0) return { records: [`${ipText}: ${ptr.status === 'nxdomain' ? 'NXDOMAIN' : 'NODATA'}`], problems: [problem(ctx, 'ptr-missing', severity, { ip: ipText })] };
  const names = ptr.records.slice(0, MAX_PTR_NAMES).map((n) => n.replace(/\.$/, ''));
  const forward = await Promise.all(names.map((n) => hostAddresses(ctx, n)));
  const records = names.map((n, i) => `${ipText} → ${n} → ${forward[i].addresses.join(', ') || forward[i].error || forward[i].status.toUpperCase()}`);
  const confirmed = names.filter((_, i) => forward[i].addresses.some((a) => { const p = parseIp(a); return !!p && sameIp(p, ip); }));
  const problems: Problem[] = [];
  if (confirmed.length === 0) {
    if (forward.some((f) => f.status === 'error')) return { records, problems, error: dnsFailed(ctx, names[0], 'A/AAAA', forward[0].error ?? 'ERROR') };
    problems.push(problem(ctx, 'ptr-mismatch', severity, { ip: ipText, name: names[0] }));
  } else if (confirmed.every((n) => looksGeneric(n, ip))) {
    problems.push(problem(ctx, 'ptr-generic', 'warning', { ip: ipText, name: confirmed[0] }));
  }
  return { records, problems };
}

/**
 * Forward-confirmed reverse DNS of each sending IP (Gmail and Yahoo require it of bulk
 * senders; RFC 8499 §6 defines FCrDNS), and no generic access-network name.
 */
export const checkPtr: Check = async (ctx) => {
  const { locale } = ctx;
  const { ips, source } = await sendingIps(ctx);
  if (source === 'none') return result('ptr', 'skipped', msg(locale, 'ptr.summary.noIps'));
  // The MX hosts receive mail; they may not be the ones sending it, so their problems are warnings.
  const severity = source === 'mx' ? 'warning' : 'error';
  const parts = await Promise.all(ips.map((ip) => checkIp(ctx, ip, severity)));
  const problems = parts.flatMap((p) => p.problems);
  const errors = parts.flatMap((p) => (p.error ? [p.error] : []));
  if (source === 'mx') problems.unshift(problem(ctx, 'ptr-source', 'info', { count: ips.length }, 'mx'));
  const records = [...parts.flatMap((p) => p.records), ...errors];
  let status = statusOf(problems);
  if (errors.length && status !== 'fail') status = 'error';
  const ok = parts.filter((p) => !p.error && p.problems.length === 0).length;
  const r = result('ptr', status, msg(locale, 'ptr.summary.checked', { count: ips.length, ok }), records, problems);
  r.metrics = { ips: ips.length, valid: ok };
  return r;
};
