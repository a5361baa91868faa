// Static analysis of a domain's SPF tree, as any receiver would walk it for a sender that
// matches nothing: DNS-querying terms counted recursively, void lookups, ptr use, broken
// includes. check_host() stops at the first match; this walk visits every branch.
import { type Detail, detail } from '../detail';
import { type IpAddress, parseIp } from '../dns/ip';
import { DnsError, type Resolver } from '../dns/resolver';
import { isValidDomainName } from '../dns/names';
import { type AddressSet, emptySet, everything, firstMatch, networkSet, sizes, union } from './coverage';
import { lookupSpf } from './lookup';
import type { Mechanism, Qualifier, SpfRecord } from './record';

export interface SpfTreeRecord {
  domain: string;
  text: string;
  /** How it was reached: the top record, an include or a redirect. */
  via: 'top' | 'include' | 'redirect';
  depth: number;
}

export interface SpfAnalysis {
  /** include, a, mx, ptr, exists and redirect terms in the whole tree (RFC 7208 §4.6.4). */
  lookups: number;
  /** Lookups of those terms that gave NXDOMAIN or no answer. */
  voidLookups: number;
  /** Domains whose record uses the deprecated "ptr" mechanism. */
  ptrDomains: string[];
  syntaxErrors: { domain: string; detail: Detail }[];
  /** include/redirect targets without an SPF record (a permerror for receivers). */
  missing: string[];
  dnsErrors: string[];
  loops: string[];
  records: SpfTreeRecord[];
  /** The "all" that ends evaluation of the top record (after following redirects). */
  finalAll?: Qualifier;
  /** Terms whose target holds macros: counted, but not followed. */
  macroTerms: number;
  /** "mx" terms whose domain has more than 10 MX records: a permerror (RFC 7208 §4.6.4). */
  mxOverLimit: { domain: string; term: string; count: number }[];
  /**
   * Addresses that certainly get "pass", whatever else they match: a lower bound (terms with
   * macros and "ptr" depend on the client and count for nothing).
   */
  authorized: AddressSet;
  /** The top-level term that authorizes the most IPv4 (then IPv6) addresses. */
  widestTerm?: string;
}

// RFC 7208 §4.6.4: an "mx" term whose domain has more than 10 MX records is a permerror.
const MAX_MX_NAMES = 10;
// MX hosts of an "mx" term are looked up only when its prefix is this wide: narrower networks
// cannot make a record "authorize more than any sender owns", and each lookup is a round trip.
const MX_COVERAGE_MAX_PREFIX4 = 16;
const MX_COVERAGE_MAX_PREFIX6 = 64;

// Bounds the walk on hostile or looping trees; far above what a valid tree (10 terms) needs.
const MAX_WALK_DEPTH = 10;
const MAX_WALK_RECORDS = 40;

const hasMacro = (s: string | undefined) => !!s && s.includes('%');

interface WalkState {
  a: SpfAnalysis;
  resolver: Resolver;
  fetched: number;
  ordered: { key: number[]; record: SpfTreeRecord }[];
}

type Fetched = { record: SpfRecord; text: string } | { missing: true; void: boolean } | { syntax: Detail } | { error: string };

async function fetchSpf(state: WalkState, domain: string): Promise<Fetched> {
  const found = await lookupSpf(state.resolver, domain);
  switch (found.kind) {
    case 'record':
      return { record: found.record, text: found.text };
    case 'none':
      return { missing: true, void: found.void };
    case 'multiple':
      return { syntax: detail('detail.multipleRecords', { count: found.texts.length }) };
    case 'syntax':
      return { syntax: found.error.detail };
    case 'error':
      return { error: found.error.message };
  }
}

/** The answers of a lookup, or undefined after a DNS failure (recorded). */
async function answers<T>(state: WalkState, lookup: () => Promise<{ records: T[] }[]>): Promise<T[][] | undefined> {
  try {
    return (await lookup()).map((x) => x.records);
  } catch (e) {
    if (e instanceof DnsError) {
      state.a.dnsErrors.push(e.message);
      return undefined;
    }
    throw e;
  }
}

/** Networks of `prefix` bits around each address (RFC 7208 §5.3 and §5.4 dual-cidr-length). */
function networksOf(addresses: string[], prefix4: number | undefined, prefix6: number | undefined): AddressSet {
  // One union of all the networks (a union per address would be quadratic on a huge answer).
  const all = emptySet();
  for (const text of addresses) {
    const ip: IpAddress | undefined = parseIp(text);
    if (!ip) continue;
    const n = networkSet(ip, ip.version === 4 ? (prefix4 ?? 32) : (prefix6 ?? 128));
    all.v4.push(...n.v4);
    all.v6.push(...n.v6);
  }
  return union(all, emptySet());
}

/** What one record decides: its terminal "all" (following redirects) and the addresses that pass. */
interface Walked {
  all?: Qualifier;
  pass: AddressSet;
  /** Per top-level term, the addresses it authorizes (to name the widest one). */
  contributions: { term: string; set: AddressSet }[];
}

/** Walks one record; returns the qualifier of its terminal "all", following redirects. */
async function walk(state: WalkState, domain: string, record: SpfRecord, text: string, via: SpfTreeRecord['via'], order: number[], path: string[]): Promise<Walked> {
  const { a, resolver } = state;
  const depth = order.length;
  state.ordered.push({ key: order, record: { domain, text, via, depth } });
  // Every branch runs in parallel (a chain of includes costs its depth in round trips, not its
  // size); records are put back in evaluation order at the end.
  const follow = async (target: string, how: 'include' | 'redirect', key: number[]): Promise<Walked | undefined> => {
    const name = target.replace(/\.$/, '').toLowerCase();
    if (path.includes(name)) {
      a.loops.push([...path, name].join(' → '));
      return undefined;
    }
    if (depth + 1 > MAX_WALK_DEPTH || state.fetched >= MAX_WALK_RECORDS || !isValidDomainName(name)) return undefined;
    state.fetched++;
    const f = await fetchSpf(state, name);
    if ('record' in f) return walk(state, name, f.record, f.text, how, key, [...path, name]);
    if ('missing' in f) {
      a.missing.push(name);
      if (f.void) a.voidLookups++;
    } else if ('syntax' in f) a.syntaxErrors.push({ domain: name, detail: f.syntax });
    else a.dnsErrors.push(f.error);
    return undefined;
  };
  // Each step resolves to the addresses its mechanism matches for certain (empty when unknown).
  const steps = record.mechanisms.map(async (m: Mechanism, i): Promise<AddressSet> => {
    if (m.name === 'all') return everything();
    if (m.name === 'ip4' || m.name === 'ip6') return networkSet(m.network!, (m.name === 'ip4' ? m.cidr4 : m.cidr6) ?? (m.name === 'ip4' ? 32 : 128));
    a.lookups++;
    if (m.name === 'ptr') {
      if (!a.ptrDomains.includes(domain)) a.ptrDomains.push(domain);
      return emptySet();
    }
    if (hasMacro(m.domainSpec)) {
      a.macroTerms++;
      return emptySet();
    }
    const target = (m.domainSpec ?? domain).replace(/\.$/, '');
    if (m.name === 'include') {
      // RFC 7208 §5.2: include matches exactly where the included record gives "pass".
      return (await follow(target, 'include', [...order, i]))?.pass ?? emptySet();
    }
    if (m.name === 'a') {
      const got = await answers(state, () => Promise.all([resolver.a(target), resolver.aaaa(target)]));
      if (!got) return emptySet();
      if (got.every((r) => r.length === 0)) a.voidLookups++;
      return networksOf(got.flat(), m.cidr4, m.cidr6);
    }
    if (m.name === 'mx') {
      const got = await answers(state, async () => [await resolver.mx(target)]);
      if (!got) return emptySet();
      const mx = got[0];
      if (mx.length === 0) a.voidLookups++;
      if (mx.length > MAX_MX_NAMES) {
        a.mxOverLimit.push({ domain, term: m.text, count: mx.length });
        return emptySet();
      }
      const wide = (m.cidr4 !== undefined && m.cidr4 <= MX_COVERAGE_MAX_PREFIX4) || (m.cidr6 !== undefined && m.cidr6 <= MX_COVERAGE_MAX_PREFIX6);
      if (!wide) return emptySet();
      const hosts = mx.map((r) => r.exchange.replace(/\.$/, '')).filter((h) => h && isValidDomainName(h));
      const addrs = await Promise.all(hosts.map((h) => answers(state, () => Promise.all([resolver.a(h), resolver.aaaa(h)]))));
      return networksOf(addrs.flatMap((x) => x?.flat() ?? []), m.cidr4, m.cidr6);
    }
    // exists: a literal name that resolves matches every client (RFC 7208 §5.7).
    const got = await answers(state, async () => [await resolver.a(target)]);
    if (!got) return emptySet();
    if (got[0].length === 0) {
      a.voidLookups++;
      return emptySet();
    }
    return everything();
  });
  const all = record.mechanisms.find((m) => m.name === 'all');
  let redirected: Promise<Walked | undefined> | undefined;
  // RFC 7208 §6.1: redirect applies only when the record has no "all".
  if (!all && record.redirect) {
    a.lookups++;
    if (hasMacro(record.redirect.value)) a.macroTerms++;
    else redirected = follow(record.redirect.value, 'redirect', [...order, record.mechanisms.length]);
  }
  const matched = await Promise.all(steps);
  // RFC 7208 §4.6.2: the first mechanism that matches decides; only "+" ones give "pass". A
  // redirect (§6.1) decides, as "pass" where its target passes, what no mechanism matched.
  const entries = record.mechanisms.map((m, i) => ({ term: m.text, set: matched[i], pass: m.qualifier === '+' }));
  const r = redirected ? await redirected : undefined;
  if (r) entries.push({ term: record.redirect!.text, set: r.pass, pass: true });
  const decided = firstMatch(entries);
  const contributions = entries.flatMap((e, i) => (e.pass ? [{ term: e.term, set: decided.per[i] }] : []));
  return { all: all ? all.qualifier : r?.all, pass: decided.pass, contributions };
}

function compareKeys(x: number[], y: number[]): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** Analyses the SPF tree under a parsed top record. Never throws on DNS trouble. */
export async function analyzeSpf(resolver: Resolver, domain: string, record: SpfRecord): Promise<SpfAnalysis> {
  const a: SpfAnalysis = { lookups: 0, voidLookups: 0, ptrDomains: [], syntaxErrors: [], missing: [], dnsErrors: [], loops: [], records: [], macroTerms: 0, mxOverLimit: [], authorized: emptySet() };
  const state: WalkState = { a, resolver, fetched: 0, ordered: [] };
  const top = await walk(state, domain, record, record.text, 'top', [], [domain.toLowerCase()]);
  a.finalAll = top.all;
  a.authorized = top.pass;
  // The widest term by share of its family's space (an IPv4 address weighs 2^96 IPv6 ones).
  let widest: { term: string; weight: bigint } | undefined;
  for (const c of top.contributions) {
    const n = sizes(c.set);
    const weight = (n.v4 << 96n) > n.v6 ? n.v4 << 96n : n.v6;
    if (!widest || weight > widest.weight) widest = { term: c.term, weight };
  }
  if (widest && widest.weight > 0n) a.widestTerm = widest.term;
  a.records = state.ordered.sort((x, y) => compareKeys(x.key, y.key)).map((o) => o.record);
  for (const list of [a.ptrDomains, a.missing, a.dnsErrors, a.loops]) list.sort();
  a.mxOverLimit.sort((x, y) => x.domain.localeCompare(y.domain));
  a.syntaxErrors.sort((x, y) => x.domain.localeCompare(y.domain));
  return a;
}
