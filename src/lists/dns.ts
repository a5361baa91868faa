// Mail DNS of the domains of a list: MX, null MX (RFC 7505) and the implicit MX of RFC 5321
// §5.1 (an address record when there is no MX). Each unique domain is asked once, a few at a
// time, through the same injected resolver as `mailproof check`.
import { lookup } from 'node:dns/promises';
import { parseIp } from '../deliverability/dns/ip';
import { createResolver, DnsError, parseServer, type Resolver } from '../deliverability/dns/resolver';

/** What the domain's DNS says about delivering mail to it. */
export type DomainMail =
  | { status: 'mx' }
  | { status: 'null-mx' }
  | { status: 'a-only' }
  | { status: 'none' }
  | { status: 'nxdomain' }
  | { status: 'error'; code: string };

/** Queries in flight at once: enough to be quick, few enough not to flood a resolver. */
export const DNS_CONCURRENCY = 16;
// Per-query timeout and tries: a list has many domains, so one dead domain must not hold it up.
const LIST_QUERY_TIMEOUT_MS = 2500;
const LIST_QUERY_TRIES = 2;

/** Looks up one domain's mail route. Never throws: failures come back as `error`. */
export async function domainMail(resolver: Resolver, domain: string): Promise<DomainMail> {
  try {
    const mx = await resolver.mx(domain);
    if (mx.status === 'nxdomain') return { status: 'nxdomain' };
    if (mx.status === 'ok') {
      // RFC 7505 §3: a single MX of preference 0 whose exchange is the root says "no mail".
      const isNull = mx.records.length === 1 && mx.records[0].priority === 0 && (mx.records[0].exchange === '' || mx.records[0].exchange === '.');
      return { status: isNull ? 'null-mx' : 'mx' };
    }
    // RFC 5321 §5.1: without MX, the domain itself is the mail host if it has an address.
    const a = await resolver.a(domain);
    if (a.status === 'ok') return { status: 'a-only' };
    const aaaa = await resolver.aaaa(domain);
    return { status: aaaa.status === 'ok' ? 'a-only' : 'none' };
  } catch (e) {
    return { status: 'error', code: e instanceof DnsError ? e.code : 'ERROR' };
  }
}

/**
 * Answers kept between runs (the editor checks the same list again after edits). Entries live
 * `ttlMs`; failures are not kept, so a second run asks again.
 */
export class DomainCache {
  private readonly entries = new Map<string, { at: number; mail: DomainMail }>();
  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly maxEntries = 50_000,
  ) {}
  get(domain: string): DomainMail | undefined {
    const e = this.entries.get(domain);
    if (!e) return undefined;
    if (Date.now() - e.at > this.ttlMs) {
      this.entries.delete(domain);
      return undefined;
    }
    return e.mail;
  }
  set(domain: string, mail: DomainMail): void {
    if (mail.status === 'error') return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(domain, { at: Date.now(), mail });
  }
}

/**
 * Looks up every domain with at most `concurrency` in flight. Stops starting new queries once
 * `signal` aborts (the rest come back as CANCELLED errors).
 */
export async function lookupDomains(
  domains: Iterable<string>,
  resolver: Resolver,
  options: { concurrency?: number; cache?: DomainCache; signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<Map<string, DomainMail>> {
  const list = [...domains];
  const results = new Map<string, DomainMail>();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < list.length) {
      const domain = list[next++];
      let mail = options.cache?.get(domain);
      if (!mail) {
        mail = options.signal?.aborted ? { status: 'error', code: 'CANCELLED' } : await domainMail(resolver, domain);
        options.cache?.set(domain, mail);
      }
      results.set(domain, mail);
      options.onProgress?.(++done, list.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? DNS_CONCURRENCY, Math.max(1, list.length)) }, worker));
  return results;
}

/** Thrown when a `--dns` server is malformed or cannot be found. */
export class DnsServerError extends Error {
  constructor(readonly value: string) {
    super(value);
  }
}

/**
 * A resolver for the list checks: the system's, or the given servers ("host", "host:port",
 * "[v6]:port"; a host name is looked up once, as `mailproof check` does).
 */
export async function listResolver(servers: string[]): Promise<Resolver> {
  const addresses = await Promise.all(
    servers.map(async (spec) => {
      const parsed = parseServer(spec);
      if (!parsed) throw new DnsServerError(spec);
      if (parseIp(parsed.host)) return spec.trim();
      try {
        const { address, family } = await lookup(parsed.host);
        return family === 6 ? `[${address}]:${parsed.port}` : `${address}:${parsed.port}`;
      } catch {
        throw new DnsServerError(spec);
      }
    }),
  );
  return createResolver({ servers: addresses, queryTimeoutMs: LIST_QUERY_TIMEOUT_MS, tries: LIST_QUERY_TRIES });
}
