// Static analysis of a domain's SPF tree, as any receiver would walk it for a sender that
// matches nothing: DNS-querying terms counted recursively, void lookups, ptr use, broken
// includes. check_host() stops at the first match; this walk visits every branch.
import { type Detail, detail } from '../detail';
import { DnsError, joinTxt, type Resolver } from '../dns/resolver';
import { isValidDomainName } from '../dns/names';
import { isSpfRecord, type Mechanism, parseSpf, type Qualifier, type SpfRecord, SpfSyntaxError } from './record';

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
}

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
  try {
    const ans = await state.resolver.txt(domain);
    const spf = ans.records.map(joinTxt).filter(isSpfRecord);
    if (spf.length === 0) return { missing: true, void: ans.records.length === 0 };
    if (spf.length > 1) return { syntax: detail('detail.multipleRecords', { count: spf.length }) };
    try {
      return { record: parseSpf(spf[0]), text: spf[0] };
    } catch (e) {
      if (e instanceof SpfSyntaxError) return { syntax: e.detail };
      throw e;
    }
  } catch (e) {
    if (e instanceof DnsError) return { error: e.message };
    throw e;
  }
}

/** True when a lookup came back empty (NXDOMAIN or NODATA); DNS failures are recorded. */
async function isVoid(state: WalkState, lookup: () => Promise<{ records: unknown[] }[]>): Promise<boolean> {
  try {
    const answers = await lookup();
    return answers.every((x) => x.records.length === 0);
  } catch (e) {
    if (e instanceof DnsError) {
      state.a.dnsErrors.push(e.message);
      return false;
    }
    throw e;
  }
}

/** Walks one record; returns the qualifier of its terminal "all", following redirects. */
async function walk(state: WalkState, domain: string, record: SpfRecord, text: string, via: SpfTreeRecord['via'], order: number[], path: string[]): Promise<Qualifier | undefined> {
  const { a, resolver } = state;
  const depth = order.length;
  state.ordered.push({ key: order, record: { domain, text, via, depth } });
  // Every branch runs in parallel (a chain of includes costs its depth in round trips, not its
  // size); records are put back in evaluation order at the end.
  const follow = async (target: string, how: 'include' | 'redirect', key: number[]): Promise<Qualifier | undefined> => {
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
  const steps = record.mechanisms.map(async (m: Mechanism, i): Promise<void> => {
    if (m.name === 'all' || m.name === 'ip4' || m.name === 'ip6') return;
    a.lookups++;
    if (m.name === 'ptr') {
      if (!a.ptrDomains.includes(domain)) a.ptrDomains.push(domain);
      return;
    }
    if (hasMacro(m.domainSpec)) {
      a.macroTerms++;
      return;
    }
    const target = (m.domainSpec ?? domain).replace(/\.$/, '');
    if (m.name === 'include') {
      await follow(target, 'include', [...order, i]);
      return;
    }
    let empty = false;
    if (m.name === 'a') empty = await isVoid(state, () => Promise.all([resolver.a(target), resolver.aaaa(target)]));
    else if (m.name === 'mx') empty = await isVoid(state, async () => [await resolver.mx(target)]);
    else if (m.name === 'exists') empty = await isVoid(state, async () => [await resolver.a(target)]);
    if (empty) a.voidLookups++;
  });
  const all = record.mechanisms.find((m) => m.name === 'all');
  let redirected: Promise<Qualifier | undefined> | undefined;
  // RFC 7208 §6.1: redirect applies only when the record has no "all".
  if (!all && record.redirect) {
    a.lookups++;
    if (hasMacro(record.redirect.value)) a.macroTerms++;
    else redirected = follow(record.redirect.value, 'redirect', [...order, record.mechanisms.length]);
  }
  await Promise.all(steps);
  if (all) return all.qualifier;
  return redirected ? await redirected : undefined;
}

function compareKeys(x: number[], y: number[]): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** Analyses the SPF tree under a parsed top record. Never throws on DNS trouble. */
export async function analyzeSpf(resolver: Resolver, domain: string, record: SpfRecord): Promise<SpfAnalysis> {
  const a: SpfAnalysis = { lookups: 0, voidLookups: 0, ptrDomains: [], syntaxErrors: [], missing: [], dnsErrors: [], loops: [], records: [], macroTerms: 0 };
  const state: WalkState = { a, resolver, fetched: 0, ordered: [] };
  a.finalAll = await walk(state, domain, record, record.text, 'top', [], [domain.toLowerCase()]);
  a.records = state.ordered.sort((x, y) => compareKeys(x.key, y.key)).map((o) => o.record);
  for (const list of [a.ptrDomains, a.missing, a.dnsErrors, a.loops]) list.sort();
  a.syntaxErrors.sort((x, y) => x.domain.localeCompare(y.domain));
  return a;
}
