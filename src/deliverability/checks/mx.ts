import { type Check, type CheckContext, problem, result, statusOf, dnsFailed } from '../context';
import { msg } from '../i18n';
import { mxInfo, resolverSane, WELL_KNOWN_NAME } from '../shared';
import type { Problem } from '../types';

/**
 * MX records: replies and bounces need somewhere to go, and receivers check that the sender
 * domain can receive mail. A null MX (RFC 7505) says the domain sends no mail at all.
 */
export const checkMx: Check = async (ctx) => {
  const info = await mxInfo(ctx);
  const { locale, domain } = ctx;
  if (info.status === 'error') {
    return result('mx', 'error', dnsFailed(ctx, domain, 'MX', info.error!.code));
  }
  if (info.status === 'nxdomain') {
    // Before saying a domain does not exist, make sure the resolver can find anything at all.
    if ((await resolverSane(ctx)) === false) return result('mx', 'error', resolverBrokenSummary(ctx));
    return result('mx', 'fail', msg(locale, 'mx.summary.nxdomain', { domain }), [], [problem(ctx, 'domain-not-found', 'error', { domain })]);
  }
  if (info.status === 'nodata') {
    // RFC 5321 §5.1 falls back to the A record, but many receivers (and RFC 7505 §4.2) treat a
    // sender domain that cannot receive replies as suspicious.
    return result('mx', 'fail', msg(locale, 'mx.summary.missing', { domain }), [], [problem(ctx, 'mx-missing', 'error', { domain })]);
  }
  const records = info.hosts.map((h) => `${h.priority} ${h.exchange}${h.addresses.length ? ` (${h.addresses.join(', ')})` : ''}`);
  if (info.status === 'null') {
    // RFC 7505 §4.2: receivers may reject mail whose sender domain has a null MX.
    return result('mx', 'fail', msg(locale, 'mx.summary.null', { domain }), records, [problem(ctx, 'mx-null', 'error', { domain })]);
  }
  const problems: Problem[] = [];
  if (info.total > info.hosts.length) problems.push(problem(ctx, 'mx-too-many', 'info', { count: info.total, max: info.hosts.length }));
  // RFC 2181 §10.3: an MX must name a host, not an alias; RFC 5321 §5.1 lets senders follow it,
  // but some refuse, and it costs every sender an extra lookup.
  for (const h of info.hosts) if (h.cname) problems.push(problem(ctx, 'mx-cname', 'warning', { host: h.exchange, target: h.cname }));
  const dead = info.hosts.filter((h) => h.status === 'nxdomain' || h.status === 'nodata');
  const failed = info.hosts.filter((h) => h.status === 'error');
  for (const h of dead) {
    problems.push(problem(ctx, 'mx-unresolvable', dead.length === info.hosts.length ? 'error' : 'warning', { host: h.exchange, reason: h.status === 'nxdomain' ? 'NXDOMAIN' : msg(locale, 'dns.noAddress') }));
  }
  if (failed.length && failed.length + dead.length === info.hosts.length && !dead.length) {
    return result('mx', 'error', dnsFailed(ctx, failed[0].exchange, 'A/AAAA', failed[0].error ?? 'ERROR'), records);
  }
  const ok = info.hosts.length - dead.length - failed.length;
  return result('mx', statusOf(problems), msg(locale, 'mx.summary.ok', { count: info.hosts.length, ok }), records, problems);
};

/** "Could not determine": the resolver answers that even a well-known name does not exist. */
export function resolverBrokenSummary(ctx: CheckContext): string {
  return msg(ctx.locale, 'dns.resolverBroken', { server: ctx.dnsServer, name: WELL_KNOWN_NAME, domain: ctx.domain });
}
