// Lookups several checks need (MX hosts, the sending IPs, the DMARC record), computed once
// per run through ctx.shared.
import { parseIp } from './dns/ip';
import { DnsError, type DnsFailure, joinTxt } from './dns/resolver';
import type { CheckContext } from './context';
import { lookupDmarc, type DmarcLookup } from './dmarc';

export interface MxHost {
  priority: number;
  exchange: string;
  addresses: string[];
  /** ok: has addresses; nxdomain/nodata: none; error: the lookups failed. */
  status: 'ok' | 'nxdomain' | 'nodata' | 'error';
  error?: DnsFailure;
  /** The alias target when the MX host name is a CNAME (RFC 2181 §10.3 forbids it). */
  cname?: string;
}

export interface MxInfo {
  status: 'ok' | 'nxdomain' | 'nodata' | 'null' | 'error';
  error?: DnsError;
  hosts: MxHost[];
  /** MX records published (more than `hosts` when the cap applied). */
  total: number;
}

// RFC 5321 §5.1 does not cap MX records and senders try them all in preference order; this
// bounds the queries (three per host) on a hostile zone, far above real domains (Google: 5).
export const MAX_MX_HOSTS = 32;

/** A and AAAA of a host name, both families in parallel. */
export async function hostAddresses(ctx: CheckContext, host: string): Promise<Omit<MxHost, 'priority' | 'exchange'>> {
  const [a, aaaa] = await Promise.allSettled([ctx.resolver.a(host), ctx.resolver.aaaa(host)]);
  const addresses = [a, aaaa].flatMap((r) => (r.status === 'fulfilled' ? r.value.records : []));
  if (addresses.length) return { addresses, status: 'ok' };
  const failed = [a, aaaa].find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) return { addresses, status: 'error', error: failed.reason instanceof DnsError ? failed.reason.code : 'ERROR' };
  const nx = a.status === 'fulfilled' && a.value.status === 'nxdomain';
  return { addresses, status: nx ? 'nxdomain' : 'nodata' };
}

export function mxInfo(ctx: CheckContext): Promise<MxInfo> {
  return ctx.shared('mx', async () => {
    let ans;
    try {
      ans = await ctx.resolver.mx(ctx.domain);
    } catch (e) {
      if (e instanceof DnsError) return { status: 'error', error: e, hosts: [], total: 0 };
      throw e;
    }
    if (ans.status !== 'ok') return { status: ans.status, hosts: [], total: 0 };
    const sorted = [...ans.records].sort((x, y) => x.priority - y.priority || x.exchange.localeCompare(y.exchange));
    // RFC 7505 §3: a null MX is a single record with an empty exchange (".").
    if (sorted.length === 1 && (sorted[0].exchange === '' || sorted[0].exchange === '.')) {
      return { status: 'null', hosts: [{ priority: sorted[0].priority, exchange: '.', addresses: [], status: 'nodata' }], total: 1 };
    }
    const hosts = await Promise.all(
      sorted.slice(0, MAX_MX_HOSTS).map(async (r) => {
        const exchange = r.exchange.replace(/\.$/, '');
        if (!exchange) return { priority: r.priority, exchange: '.', addresses: [], status: 'nodata' as const };
        const [addresses, alias] = await Promise.all([hostAddresses(ctx, exchange), ctx.resolver.cname(exchange).catch(() => undefined)]);
        const host: MxHost = { priority: r.priority, exchange, ...addresses };
        if (alias?.status === 'ok' && alias.records[0]) host.cname = alias.records[0].replace(/\.$/, '');
        return host;
      }),
    );
    return { status: 'ok', hosts, total: sorted.length };
  });
}

export interface SendingIps {
  ips: string[];
  /** Where they came from: given by the user, the SMTP server's addresses, or the MX hosts'. */
  source: 'given' | 'smtp' | 'mx' | 'none';
}

// Bounds the PTR and blocklist queries (each IP costs one query per list).
export const MAX_SENDING_IPS = 10;

/** The IPs to judge: given, else the SMTP server's, else the MX hosts' (RFC 5321 hosts often send too). */
export function sendingIps(ctx: CheckContext): Promise<SendingIps> {
  return ctx.shared('ips', async () => {
    if (ctx.options.ips.length) return { ips: ctx.options.ips.slice(0, MAX_SENDING_IPS), source: 'given' };
    const smtp = ctx.options.smtp;
    if (smtp) {
      if (parseIp(smtp.host)) return { ips: [smtp.host], source: 'smtp' };
      const { addresses } = await hostAddresses(ctx, smtp.host);
      if (addresses.length) return { ips: addresses.slice(0, MAX_SENDING_IPS), source: 'smtp' };
    }
    const mx = await mxInfo(ctx);
    const ips = [...new Set(mx.hosts.flatMap((h) => h.addresses))].slice(0, MAX_SENDING_IPS);
    return { ips, source: ips.length ? 'mx' : 'none' };
  });
}

export function dmarcInfo(ctx: CheckContext): Promise<DmarcLookup> {
  return ctx.shared('dmarc', () => lookupDmarc(ctx.resolver, ctx.domain));
}

/** Joined TXT records at a name; undefined for NXDOMAIN/NODATA. Throws DnsError. */
export async function txtRecords(ctx: CheckContext, name: string): Promise<string[]> {
  const ans = await ctx.resolver.txt(name);
  return ans.records.map(joinTxt);
}

// A name that exists as long as DNS does: a root server's own name (RFC 7720; root-servers.org).
export const WELL_KNOWN_NAME = 'a.root-servers.net';

/**
 * False when the resolver says a well-known name does not exist: it is broken or censoring,
 * and its "does not exist" answers prove nothing. Undefined when the query itself failed.
 */
export function resolverSane(ctx: CheckContext): Promise<boolean | undefined> {
  return ctx.shared('sanity', async () => {
    try {
      const ans = await ctx.resolver.a(WELL_KNOWN_NAME);
      return ans.records.length > 0;
    } catch (e) {
      if (e instanceof DnsError) return undefined;
      throw e;
    }
  });
}
