// The one SPF-record fetch shared by the check, the tree analysis and check_host(): the TXT
// records at a name, the "v=spf1" ones picked out (RFC 7208 §4.5), and the record parsed.
import { DnsError, joinTxt, type Resolver } from '../dns/resolver';
import { isSpfRecord, parseSpf, type SpfRecord, SpfSyntaxError } from './record';

export type SpfLookup =
  | { kind: 'record'; record: SpfRecord; text: string }
  /** No SPF record: `void` when the name had no TXT record at all (NXDOMAIN or NODATA). */
  | { kind: 'none'; nxdomain: boolean; void: boolean }
  | { kind: 'multiple'; texts: string[] }
  | { kind: 'syntax'; text: string; error: SpfSyntaxError }
  | { kind: 'error'; error: DnsError };

/** Looks up and parses the SPF record of a domain. Never throws for DNS or record trouble. */
export async function lookupSpf(resolver: Resolver, domain: string): Promise<SpfLookup> {
  let ans;
  try {
    ans = await resolver.txt(domain);
  } catch (e) {
    if (e instanceof DnsError) return { kind: 'error', error: e };
    throw e;
  }
  const texts = ans.records.map(joinTxt).filter(isSpfRecord);
  if (texts.length === 0) return { kind: 'none', nxdomain: ans.status === 'nxdomain', void: ans.records.length === 0 };
  if (texts.length > 1) return { kind: 'multiple', texts };
  try {
    return { kind: 'record', record: parseSpf(texts[0]), text: texts[0] };
  } catch (e) {
    if (e instanceof SpfSyntaxError) return { kind: 'syntax', text: texts[0], error: e };
    throw e;
  }
}
