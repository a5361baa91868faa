// The resolver every check goes through. Answers keep NXDOMAIN apart from NODATA (SPF void
// lookups, null MX and "no record" advice depend on it); failures (SERVFAIL, REFUSED,
// timeout…) are thrown as DnsError so a check can say "could not be determined".
import { promises as dnsPromises } from 'node:dns';

export type DnsRecordType = 'TXT' | 'A' | 'AAAA' | 'MX' | 'PTR' | 'CNAME';

/** Why a query gave no usable answer. NXDOMAIN and NODATA are answers, not failures. */
export type DnsFailure = 'SERVFAIL' | 'REFUSED' | 'TIMEOUT' | 'FORMERR' | 'BADRESP' | 'BADNAME' | 'UNREACHABLE' | 'CANCELLED' | 'ERROR';

/** A failed query; `code` says how it failed. */
export class DnsError extends Error {
  constructor(
    readonly code: DnsFailure,
    readonly qname: string,
    readonly qtype: DnsRecordType,
    detail?: string,
  ) {
    super(`${qtype} ${qname}: ${code}${detail ? ` (${detail})` : ''}`);
    this.name = 'DnsError';
  }
}

/**
 * One answer. `nxdomain`: the name does not exist (RCODE 3); `nodata`: it exists but has no
 * record of this type (RCODE 0, empty answer). Both have `records: []`.
 */
export interface DnsAnswer<T> {
  status: 'ok' | 'nxdomain' | 'nodata';
  records: T[];
}

export interface MxRecord {
  exchange: string;
  priority: number;
}

/** What the checks need from DNS. Tests inject their own (in-memory or pointed at loopback). */
export interface Resolver {
  /** Each TXT record as its character-strings (RFC 1035 §3.3.14); join them to read the record. */
  txt(name: string): Promise<DnsAnswer<string[]>>;
  a(name: string): Promise<DnsAnswer<string>>;
  aaaa(name: string): Promise<DnsAnswer<string>>;
  mx(name: string): Promise<DnsAnswer<MxRecord>>;
  ptr(name: string): Promise<DnsAnswer<string>>;
  /** The alias target when the name itself is a CNAME (RFC 1034 §3.6.2); `nodata` when it is not an alias. */
  cname(name: string): Promise<DnsAnswer<string>>;
  /** Abandons every query in flight (they reject with CANCELLED). */
  cancel?(): void;
}

export interface ResolverOptions {
  /** "host", "host:port", "[v6]:port"; the system's resolvers when empty. */
  servers?: string[];
  /** Time to wait for one try, in ms (c-ares doubles it on each retry). */
  queryTimeoutMs?: number;
  /** Tries per query and server. */
  tries?: number;
}

// c-ares' defaults are 5 s and 4 tries (up to ~75 s for a dead server): far too long for an
// interactive check, where the overall budget is a few seconds.
export const DEFAULT_QUERY_TIMEOUT_MS = 2000;
export const DEFAULT_QUERY_TRIES = 2;

const ERROR_CODES: Record<string, DnsFailure> = {
  ESERVFAIL: 'SERVFAIL',
  EREFUSED: 'REFUSED',
  ETIMEOUT: 'TIMEOUT',
  EFORMERR: 'FORMERR',
  EBADRESP: 'BADRESP',
  EBADNAME: 'BADNAME',
  EBADQUERY: 'BADNAME',
  ECONNREFUSED: 'UNREACHABLE',
  ECANCELLED: 'CANCELLED',
  EDESTRUCTION: 'CANCELLED',
};

/** Parses "host[:port]" (IPv6 as "[::1]:53"); undefined when malformed. */
export function parseServer(spec: string): { host: string; port: number } | undefined {
  const s = spec.trim();
  let host: string;
  let port = 53;
  const v6 = /^\[([0-9a-fA-F:.]+)\](?::(\d+))?$/.exec(s);
  if (v6) {
    host = v6[1];
    if (v6[2] !== undefined) port = Number(v6[2]);
  } else if ((s.match(/:/g) ?? []).length > 1) {
    host = s; // bare IPv6 without port
  } else {
    const [h, p] = s.split(':');
    host = h;
    if (p !== undefined) {
      if (!/^\d+$/.test(p)) return undefined;
      port = Number(p);
    }
  }
  if (!host || port < 1 || port > 65535) return undefined;
  return { host, port };
}

/** A resolver over Node's `dns.promises.Resolver` (c-ares; falls back to TCP on truncation). */
export function createResolver(options: ResolverOptions = {}): Resolver {
  const r = new dnsPromises.Resolver({
    timeout: options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
    tries: options.tries ?? DEFAULT_QUERY_TRIES,
  });
  if (options.servers && options.servers.length) r.setServers(options.servers.map((s) => s.trim()));

  async function run<T>(qtype: DnsRecordType, name: string, query: () => Promise<T[]>): Promise<DnsAnswer<T>> {
    try {
      const records = await query();
      return records.length ? { status: 'ok', records } : { status: 'nodata', records: [] };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (code === 'ENOTFOUND') return { status: 'nxdomain', records: [] };
      if (code === 'ENODATA') return { status: 'nodata', records: [] };
      throw new DnsError(ERROR_CODES[code] ?? 'ERROR', name, qtype, ERROR_CODES[code] ? undefined : code || (e as Error).message);
    }
  }

  const node: Record<DnsRecordType, (name: string) => Promise<unknown[]>> = {
    TXT: (n) => r.resolveTxt(n),
    A: (n) => r.resolve4(n),
    AAAA: (n) => r.resolve6(n),
    MX: (n) => r.resolveMx(n),
    PTR: (n) => r.resolvePtr(n),
    CNAME: (n) => r.resolveCname(n),
  };
  return resolverFrom(
    (type, name) => run(type, name, () => node[type](name)) as Promise<DnsAnswer<never>>,
    () => r.cancel(),
  );
}

type Query = (type: DnsRecordType, name: string) => Promise<DnsAnswer<never>>;

/** A Resolver whose methods all go through one query function. */
function resolverFrom(query: Query, cancel: () => void): Resolver {
  return {
    txt: (n) => query('TXT', n),
    a: (n) => query('A', n),
    aaaa: (n) => query('AAAA', n),
    mx: (n) => query('MX', n),
    ptr: (n) => query('PTR', n),
    cname: (n) => query('CNAME', n),
    cancel,
  };
}

const METHOD = { TXT: 'txt', A: 'a', AAAA: 'aaaa', MX: 'mx', PTR: 'ptr', CNAME: 'cname' } as const;

/**
 * Shares answers between checks of one run (the SPF, MX and PTR checks ask for the same names).
 * Failures are shared too: a timed-out name is not asked again within the run.
 */
export function cachingResolver(inner: Resolver): Resolver {
  const cache = new Map<string, Promise<DnsAnswer<unknown>>>();
  return wrapResolver(inner, (type, name, query) => {
    const key = `${type} ${name.toLowerCase().replace(/\.$/, '')}`;
    let p = cache.get(key);
    if (!p) cache.set(key, (p = query()));
    return p as Promise<never>;
  });
}

/** A resolver whose every query goes through `wrap` (caching, cancellation…). */
export function wrapResolver(inner: Resolver, wrap: <T>(type: DnsRecordType, name: string, query: () => Promise<DnsAnswer<T>>) => Promise<DnsAnswer<T>>): Resolver {
  return resolverFrom(
    (type, name) => wrap(type, name, () => inner[METHOD[type]](name) as Promise<DnsAnswer<never>>),
    () => inner.cancel?.(),
  );
}

/** Joins the character-strings of a TXT record (RFC 7208 §3.3, RFC 6376 §3.6.2.2: no separator). */
export function joinTxt(chunks: string[]): string {
  return chunks.join('');
}
