import { type CheckContext, type Check, problem, result } from '../context';
import { organizationalDomain } from '../dmarc';
import { parseIp } from '../dns/ip';
import { DnsError } from '../dns/resolver';
import { decodeDnsbl, DEFAULT_IP_BLOCKLISTS, type DnsblVerdict, type DnsblZone, ipQueryName, testPoints } from '../dnsbl';
import { type MessageKey, msg } from '../i18n';
import { sendingIps } from '../shared';
import type { CheckId, CheckResult, Problem } from '../types';

// Linked domains come from a draft; bound the queries a long newsletter can cause.
export const MAX_LISTED_DOMAINS = 20;

async function query(ctx: CheckContext, qname: string, zone: string): Promise<DnsblVerdict> {
  try {
    const ans = await ctx.resolver.a(qname);
    return decodeDnsbl(zone, ans.records);
  } catch (e) {
    if (!(e instanceof DnsError)) throw e;
    // A REFUSED rcode is the list (or the resolver) declining to answer; anything else means
    // the list could not be reached.
    if (e.code === 'REFUSED') return { kind: 'refused', answers: [], reason: 'rcode' };
    return { kind: 'unreachable', reason: e.code };
  }
}

/**
 * Whether a list answers its RFC 5782 §5 test points right through this resolver: a resolver
 * that answers NXDOMAIN to everything (broken, censoring) would otherwise read as "not listed".
 * Undefined when the test itself could not be answered (the real query will say why).
 */
function listWorks(ctx: CheckContext, zone: string, kind: 'ipv4' | 'ipv6' | 'domain'): Promise<string | undefined> {
  return ctx.shared(`dnsbl-test ${kind} ${zone}`, async () => {
    const points = testPoints(zone, kind);
    const [listed, unlisted] = await Promise.all([query(ctx, points.listed, zone), query(ctx, points.unlisted, zone)]);
    if (listed.kind === 'unreachable' || listed.kind === 'refused' || unlisted.kind === 'unreachable' || unlisted.kind === 'refused') return undefined;
    if (listed.kind !== 'listed') return points.listed;
    if (unlisted.kind !== 'clean') return points.unlisted;
    return undefined;
  });
}

/** One lookup, trusted only when the list passes its test points. */
async function checkedQuery(ctx: CheckContext, qname: string, zone: string, kind: 'ipv4' | 'ipv6' | 'domain'): Promise<DnsblVerdict> {
  const [failedPoint, verdict] = await Promise.all([listWorks(ctx, zone, kind), query(ctx, qname, zone)]);
  if (failedPoint && (verdict.kind === 'clean' || verdict.kind === 'listed')) return { kind: 'untestable', point: failedPoint };
  return verdict;
}

interface Lookup {
  target: string;
  zone: string;
  verdict: DnsblVerdict | 'unsupported';
}

function summarise(ctx: CheckContext, id: CheckId, lookups: Lookup[]): CheckResult {
  const { locale } = ctx;
  const records: string[] = [];
  const problems: Problem[] = [];
  const refusedZones = new Set<string>();
  const unreachableZones = new Set<string>();
  let listed = 0;
  let answered = 0;
  for (const l of lookups) {
    const v = l.verdict;
    if (v === 'unsupported') {
      records.push(`${l.zone} ${l.target}: ${msg(locale, 'blocklists.record.unsupported')}`);
      continue;
    }
    if (v.kind === 'clean') {
      answered++;
      records.push(`${l.zone} ${l.target}: ${msg(locale, 'blocklists.record.clean')}`);
    } else if (v.kind === 'listed') {
      answered++;
      listed++;
      records.push(`${l.zone} ${l.target}: ${v.answers.join(', ')} (${v.meanings.join(', ')})`);
      problems.push(problem(ctx, 'listed', 'error', { target: l.target, zone: l.zone, meaning: v.meanings.join(', ') }));
    } else if (v.kind === 'refused') {
      const reason = msg(locale, `dnsbl.reason.${v.reason}` as MessageKey);
      records.push(`${l.zone} ${l.target}: ${v.answers.join(', ') || 'REFUSED'} (${reason})`);
      if (!refusedZones.has(l.zone)) problems.push(problem(ctx, 'blocklist-refused', 'warning', { zone: l.zone, reason }));
      refusedZones.add(l.zone);
    } else if (v.kind === 'untestable') {
      records.push(`${l.zone} ${l.target}: ${msg(locale, 'blocklists.record.untestable', { point: v.point })}`);
      if (!unreachableZones.has(l.zone)) problems.push(problem(ctx, 'blocklist-untestable', 'warning', { zone: l.zone, server: ctx.dnsServer, point: v.point }));
      unreachableZones.add(l.zone);
    } else {
      records.push(`${l.zone} ${l.target}: ${v.reason}`);
      if (!unreachableZones.has(l.zone)) problems.push(problem(ctx, 'blocklist-unreachable', 'warning', { zone: l.zone, code: v.reason, server: ctx.dnsServer }));
      unreachableZones.add(l.zone);
    }
  }
  const asked = lookups.filter((l) => l.verdict !== 'unsupported').length;
  // Listed anywhere: fail. Nothing could be asked: could not be determined. Some lists silent: warn.
  const status = listed ? 'fail' : asked > 0 && answered === 0 ? 'error' : problems.length ? 'warn' : 'pass';
  const summary = listed
    ? msg(locale, 'blocklists.summary.listed', { count: listed })
    : status === 'error'
      ? msg(locale, 'blocklists.summary.unknown')
      : msg(locale, 'blocklists.summary.clean', { answers: answered, queries: asked });
  return result(id, status, summary, records, problems);
}

/** Each sending IP against the IP blocklists (RFC 5782). */
export const checkIpBlocklists: Check = async (ctx) => {
  const { ips, source } = await sendingIps(ctx);
  if (source === 'none') return result('ip-blocklists', 'skipped', msg(ctx.locale, 'ptr.summary.noIps'));
  const zones: DnsblZone[] = ctx.options.ipBlocklists.length ? ctx.options.ipBlocklists.map((zone) => ({ zone, ipv6: true })) : DEFAULT_IP_BLOCKLISTS;
  const lookups = await Promise.all(
    ips.flatMap((ipText) => {
      const ip = parseIp(ipText);
      if (!ip) return [];
      return zones
        .filter((z) => ip.version === 6 || z.ipv4 !== false)
        .map(async (z): Promise<Lookup> => {
          if (ip.version === 6 && !z.ipv6) return { target: ipText, zone: z.zone, verdict: 'unsupported' };
          return { target: ipText, zone: z.zone, verdict: await checkedQuery(ctx, ipQueryName(ip, z.zone), z.zone, ip.version === 4 ? 'ipv4' : 'ipv6') };
        });
    }),
  );
  const r = summarise(ctx, 'ip-blocklists', lookups);
  if (source === 'mx') r.problems.unshift(problem(ctx, 'ptr-source', 'info', { count: ips.length }, 'mx'));
  return r;
};

/** The sender domain and the domains linked from the draft against the domain blocklists. */
export const checkDomainBlocklists: Check = async (ctx) => {
  const domains = [...new Set([ctx.domain, ...ctx.options.linkedDomains])].slice(0, MAX_LISTED_DOMAINS);
  const lookups = await Promise.all(
    domains.flatMap((d) =>
      ctx.options.domainBlocklists.map(async (zone): Promise<Lookup> => {
        // SURBL and URIBL list registered domains: ask for the organizational domain.
        const name = /(^|\.)(surbl\.org|uribl\.com)$/i.test(zone) ? organizationalDomain(d) : d;
        return { target: name, zone, verdict: await checkedQuery(ctx, `${name}.${zone}`, zone, 'domain') };
      }),
    ),
  );
  return summarise(ctx, 'domain-blocklists', lookups);
};
