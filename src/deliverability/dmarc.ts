// DMARC record discovery and parsing (RFC 7489 §6.3, §6.6.3).
import { getDomain } from 'tldts-icann';
import { type Detail, detail } from './detail';
import { parseTagList } from './tag-list';
import { DnsError, joinTxt, type Resolver } from './dns/resolver';

export interface DmarcRecord {
  text: string;
  tags: Map<string, string>;
  /** Problems with the syntax. */
  errors: Detail[];
  p?: 'none' | 'quarantine' | 'reject';
  sp?: 'none' | 'quarantine' | 'reject';
  pct: number;
  /** mailto: destinations (the addresses). */
  rua: string[];
  ruf: string[];
  /** Destinations with another URI scheme (https:…): valid, but few receivers use them. */
  otherUris: { tag: 'rua' | 'ruf'; uri: string }[];
  adkim: 'r' | 's';
  aspf: 'r' | 's';
}

export interface DmarcLookup {
  /** Where the record was found: the domain itself, or its organizational domain. */
  source: 'domain' | 'org' | 'none';
  /** The name queried last (`_dmarc.example.com`). */
  name: string;
  orgDomain: string;
  /** Every v=DMARC1 record at that name (more than one is an error). */
  records: string[];
  record?: DmarcRecord;
  error?: DnsError;
}

const POLICIES = new Set(['none', 'quarantine', 'reject']);

/**
 * The organizational domain (RFC 7489 §3.2): the registrable domain under the Public Suffix
 * List (ICANN section), e.g. `news.example.co.uk` → `example.co.uk`.
 */
export function organizationalDomain(domain: string): string {
  return getDomain(domain, { allowPrivateDomains: false }) ?? domain;
}

/** Parses a tag-value list (RFC 7489 §6.4: `tag=value; …`, whitespace around tokens allowed). */
export function parseDmarc(text: string): DmarcRecord {
  const { tags, names, errors } = parseTagList(text, true);
  // RFC 7489 §6.4: v must be the first tag, exactly "DMARC1".
  if (names[0] !== 'v' || tags.get('v') !== 'DMARC1') errors.unshift(detail('detail.dmarcVersion'));
  const rec: DmarcRecord = { text, tags, errors, pct: 100, rua: [], ruf: [], otherUris: [], adkim: 'r', aspf: 'r' };
  const p = tags.get('p')?.toLowerCase();
  if (p === undefined) errors.push(detail('detail.tagMissing', { tag: 'p' }));
  else if (!POLICIES.has(p)) errors.push(detail('detail.badPolicy', { tag: 'p', value: tags.get('p')! }));
  else rec.p = p as DmarcRecord['p'];
  const sp = tags.get('sp')?.toLowerCase();
  if (sp !== undefined) {
    if (POLICIES.has(sp)) rec.sp = sp as DmarcRecord['sp'];
    else errors.push(detail('detail.badPolicy', { tag: 'sp', value: tags.get('sp')! }));
  }
  const pct = tags.get('pct');
  if (pct !== undefined) {
    if (/^\d{1,3}$/.test(pct) && Number(pct) <= 100) rec.pct = Number(pct);
    else errors.push(detail('detail.badPct', { value: pct }));
  }
  for (const t of ['adkim', 'aspf'] as const) {
    const v = tags.get(t)?.toLowerCase();
    if (v === undefined) continue;
    if (v === 'r' || v === 's') rec[t] = v;
    else errors.push(detail('detail.badAlignment', { tag: t, value: tags.get(t)! }));
  }
  for (const t of ['rua', 'ruf'] as const) {
    const v = tags.get(t);
    if (v === undefined) continue;
    // RFC 7489 §6.4: a comma-separated list of DMARC URIs (any RFC 3986 URI, each optionally
    // with "!size"). Only mailto: is widely delivered to; other schemes are valid.
    for (const uri of v.split(',').map((u) => u.trim()).filter(Boolean)) {
      const m = /^mailto:([^@\s!]+@[^@\s!]+?)(?:![0-9]+[kmgt]?)?$/i.exec(uri);
      if (m) rec[t].push(m[1]);
      else if (/^[a-z][a-z0-9+.-]*:[^\s,!]+(?:![0-9]+[kmgt]?)?$/i.test(uri) && !/^mailto:/i.test(uri)) rec.otherUris.push({ tag: t, uri });
      else errors.push(detail('detail.badMailto', { tag: t, value: uri }));
    }
  }
  return rec;
}

async function dmarcAt(resolver: Resolver, domain: string): Promise<string[]> {
  const ans = await resolver.txt(`_dmarc.${domain}`);
  // RFC 7489 §6.6.3: records not starting with "v=DMARC1" are discarded.
  return ans.records.map(joinTxt).filter((r) => /^v\s*=\s*DMARC1(\s*;|\s*$)/.test(r));
}

/** Finds the policy that applies to mail From the domain (RFC 7489 §6.6.3). */
export async function lookupDmarc(resolver: Resolver, domain: string): Promise<DmarcLookup> {
  const orgDomain = organizationalDomain(domain);
  let name = `_dmarc.${domain}`;
  try {
    let records = await dmarcAt(resolver, domain);
    let source: DmarcLookup['source'] = 'domain';
    if (records.length === 0 && orgDomain !== domain) {
      name = `_dmarc.${orgDomain}`;
      records = await dmarcAt(resolver, orgDomain);
      source = 'org';
    }
    if (records.length === 0) return { source: 'none', name, orgDomain, records };
    return { source, name, orgDomain, records, record: records.length === 1 ? parseDmarc(records[0]) : undefined };
  } catch (e) {
    if (e instanceof DnsError) return { source: 'none', name, orgDomain, records: [], error: e };
    throw e;
  }
}
