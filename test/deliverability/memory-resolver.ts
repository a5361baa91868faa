// An in-memory Resolver over zone data in the shape of the SPF test suites (pyspf's driver
// semantics): used for the RFC 7208 suite and for unit tests that need no sockets.
import { type DnsAnswer, DnsError, type DnsRecordType, type MxRecord, type Resolver } from '../../src/deliverability/dns/resolver';

export type ZoneEntry =
  | 'TIMEOUT'
  | { SPF: string | string[] }
  | { TXT: string | string[] }
  | { A: string }
  | { AAAA: string }
  | { MX: [number, string] }
  | { PTR: string }
  | { CNAME: string }
  | { SERVFAIL: true };

export type Zones = Record<string, ZoneEntry[]>;

const norm = (n: string) => n.toLowerCase().replace(/\.$/, '');

/**
 * Zone semantics of the openspf suite driver: SPF-type entries double as TXT unless the name
 * has a TXT entry (`TXT: NONE` included); `TIMEOUT` makes a query time out unless a record of
 * the asked type comes before it; a missing name is NXDOMAIN, except `error.*` which times out.
 */
export function memoryResolver(zoneData: Zones): Resolver & { queries: string[] } {
  const zones = new Map<string, ZoneEntry[]>();
  for (const [name, entries] of Object.entries(zoneData)) zones.set(norm(name), entries ?? []);
  const queries: string[] = [];

  function lookup(qname: string, type: DnsRecordType | 'CNAME', hops = 0): DnsAnswer<unknown> {
    const name = norm(qname);
    const entries = zones.get(name);
    if (!entries) {
      if (name.startsWith('error.')) throw new DnsError('TIMEOUT', qname, type as DnsRecordType);
      return { status: 'nxdomain', records: [] };
    }
    const hasTxt = entries.some((e) => typeof e === 'object' && 'TXT' in e);
    const records: unknown[] = [];
    for (const e of entries) {
      if (e === 'TIMEOUT') {
        if (records.length === 0) throw new DnsError('TIMEOUT', qname, type as DnsRecordType);
        break;
      }
      if ('SERVFAIL' in e) throw new DnsError('SERVFAIL', qname, type as DnsRecordType);
      if ('CNAME' in e && type !== 'CNAME') {
        if (hops > 8) throw new DnsError('SERVFAIL', qname, type as DnsRecordType, 'CNAME loop');
        return lookup(e.CNAME, type, hops + 1);
      }
      const [k, v] = Object.entries(e)[0] as [string, unknown];
      if (v === 'NONE') continue;
      if (type === 'TXT' && (k === 'TXT' || (k === 'SPF' && !hasTxt))) records.push(Array.isArray(v) ? v.map(String) : [String(v)]);
      else if (k === type) {
        if (type === 'MX') {
          const [priority, exchange] = v as [number, string];
          records.push({ priority: Number(priority), exchange: String(exchange ?? '') } satisfies MxRecord);
        } else records.push(String(v));
      }
    }
    return records.length ? { status: 'ok', records } : { status: 'nodata', records: [] };
  }

  const q =
    <T>(type: DnsRecordType) =>
    async (name: string): Promise<DnsAnswer<T>> => {
      queries.push(`${type} ${name}`);
      return lookup(name, type) as DnsAnswer<T>;
    };
  return {
    queries,
    txt: q('TXT'),
    a: q('A'),
    aaaa: q('AAAA'),
    mx: q('MX'),
    ptr: q('PTR'),
    cname: async (name: string): Promise<DnsAnswer<string>> => {
      queries.push(`CNAME ${name}`);
      const entries = zones.get(norm(name));
      if (!entries) return { status: 'nxdomain', records: [] };
      const alias = entries.find((e): e is { CNAME: string } => typeof e === 'object' && 'CNAME' in e);
      return alias ? { status: 'ok', records: [alias.CNAME] } : { status: 'nodata', records: [] };
    },
  };
}
