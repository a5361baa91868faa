import { type Check, problem, result, statusOf } from '../context';
import { msg } from '../i18n';
import { mxInfo } from '../shared';
import type { Problem } from '../types';

/**
 * MX records: replies and bounces need somewhere to go, and receivers check that the sender
 * domain can receive mail. A null MX (RFC 7505) says the domain sends no mail at all.
 */
export const checkMx: Check = async (ctx) => {
  const info = await mxInfo(ctx);
  const { locale, domain } = ctx;
  if (info.status === 'error') {
    return result('mx', 'error', msg(locale, 'dns.failed', { name: domain, type: 'MX', code: info.error!.code }));
  }
  if (info.status === 'nxdomain') {
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
  const dead = info.hosts.filter((h) => h.status === 'nxdomain' || h.status === 'nodata');
  const failed = info.hosts.filter((h) => h.status === 'error');
  for (const h of dead) {
    problems.push(problem(ctx, 'mx-unresolvable', dead.length === info.hosts.length ? 'error' : 'warning', { host: h.exchange, reason: h.status === 'nxdomain' ? 'NXDOMAIN' : msg(locale, 'dns.noAddress') }));
  }
  if (failed.length && failed.length + dead.length === info.hosts.length && !dead.length) {
    return result('mx', 'error', msg(locale, 'dns.failed', { name: failed[0].exchange, type: 'A/AAAA', code: failed[0].error ?? 'ERROR' }), records);
  }
  const ok = info.hosts.length - dead.length - failed.length;
  return result('mx', statusOf(problems), msg(locale, 'mx.summary.ok', { count: info.hosts.length, ok }), records, problems);
};
