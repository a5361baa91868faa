// check_host() of RFC 7208 §4–§6 over the injected resolver: what a receiver decides for one
// connecting IP and one sender.
import { type IpAddress, formatIp, inNetwork, parseIp, reverseLabels, reverseName, sameIp, unmapIpv4 } from '../dns/ip';
import { isValidDomainName } from '../dns/names';
import { DnsError, joinTxt, type Resolver } from '../dns/resolver';
import { expandTokens, MacroSyntaxError, type MacroToken, type MacroValues, parseMacroString } from './macro';
import { lookupSpf } from './lookup';
import type { Mechanism, Qualifier, SpfRecord } from './record';

export type SpfResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';

// RFC 7208 §4.6.4: at most 10 terms that query DNS (include, a, mx, ptr, exists, redirect),
// counted across the whole evaluation; the MX and A lookups behind "mx" and "exp" do not count.
export const SPF_MAX_DNS_TERMS = 10;
// RFC 7208 §4.6.4: SHOULD limit void lookups (NXDOMAIN or empty answer) to two.
export const SPF_MAX_VOID_LOOKUPS = 2;
// RFC 7208 §4.6.4: an "mx" with more than 10 MX records is a permerror; a "ptr" (and %{p})
// looks at no more than 10 names.
export const SPF_MAX_MX_RECORDS = 10;
export const SPF_MAX_PTR_NAMES = 10;

export interface CheckHostOptions {
  resolver: Resolver;
  /** The connecting client's address. */
  ip: string;
  /** MAIL FROM address, or postmaster@HELO when MAIL FROM is empty (RFC 7208 §2.4). */
  sender: string;
  helo?: string;
  /** Name of the receiving host, for %{r} (RFC 7208 §7.3). */
  receiver?: string;
  /** Seconds since the epoch, for %{t}. */
  now?: number;
  /** The domain to check; the sender's domain by default. */
  domain?: string;
}

export interface CheckHostOutcome {
  result: SpfResult;
  /** The expanded `exp=` text, for a fail whose record has one that could be read. */
  explanation?: string;
  /** The term that decided (as written), and the domain whose record holds it. */
  mechanism?: string;
  mechanismDomain?: string;
  /** Why a permerror or temperror. */
  reason?: string;
  /** DNS-querying terms evaluated, and void lookups seen. */
  lookups: number;
  voidLookups: number;
}

class SpfAbort extends Error {
  constructor(
    readonly result: 'permerror' | 'temperror',
    message: string,
  ) {
    super(message);
  }
}

interface Inner {
  result: SpfResult;
  mechanism?: string;
  mechanismDomain?: string;
  reason?: string;
  explain?: () => Promise<string | undefined>;
}

const QUALIFIER_RESULT: Record<Qualifier, SpfResult> = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };

/** A usable DNS name after expansion: RFC 1035 limits; no empty labels. */
function queryable(name: string): boolean {
  return isValidDomainName(name) && !name.startsWith('.');
}

/** RFC 7208 §7.3: drop a trailing dot; drop labels on the left until at most 253 characters. */
function toTargetName(expanded: string): string {
  const n = expanded.endsWith('.') ? expanded.slice(0, -1) : expanded;
  if (n.length <= 253) return n;
  // One scan for the first label boundary that leaves at most 253 characters (a loop of
  // slices would be quadratic on thousands of short labels).
  const dot = n.indexOf('.', n.length - 254);
  return dot < 0 ? n : n.slice(dot + 1);
}

/**
 * Evaluates SPF for one IP and sender (RFC 7208 check_host()). Never throws: DNS failures
 * become `temperror`, record errors `permerror`.
 */
export async function checkHost(options: CheckHostOptions): Promise<CheckHostOutcome> {
  const { resolver } = options;
  const parsedIp = parseIp(options.ip);
  let lookups = 0;
  let voidLookups = 0;
  if (!parsedIp) return { result: 'permerror', reason: `"${options.ip}" is not an IP address`, lookups, voidLookups };
  // RFC 7208 §5: an IPv4-mapped IPv6 address is evaluated as IPv4.
  const ip = unmapIpv4(parsedIp);
  const at = options.sender.lastIndexOf('@');
  // RFC 7208 §4.3: with no local-part, "postmaster" is used.
  const localPart = (at < 0 ? '' : options.sender.slice(0, at)) || 'postmaster';
  const senderDomain = at < 0 ? options.sender : options.sender.slice(at + 1);
  const sender = `${localPart}@${senderDomain}`;
  const startDomain = options.domain ?? senderDomain;

  let validatedList: Promise<{ names: string[]; empty: boolean }> | undefined;
  const validated = () => (validatedList ??= validatedNames());
  const values = (domain: string): MacroValues => ({
    sender,
    localPart,
    senderDomain,
    domain,
    ipDotted: ip.version === 4 ? ip.bytes.join('.') : reverseLabels(ip).reverse().join('.'),
    ipReadable: formatIp(ip),
    ipVersionLabel: ip.version === 4 ? 'in-addr' : 'ip6',
    helo: options.helo ?? 'unknown',
    receiver: options.receiver ?? 'unknown',
    timestamp: options.now ?? Math.floor(Date.now() / 1000),
    validatedName: () => validatedName(domain),
  });

  const countTerm = (term: string) => {
    lookups++;
    if (lookups > SPF_MAX_DNS_TERMS) throw new SpfAbort('permerror', `more than ${SPF_MAX_DNS_TERMS} DNS-querying terms (at "${term}")`);
  };
  const countVoid = (empty: boolean, term: string) => {
    if (!empty) return;
    voidLookups++;
    if (voidLookups > SPF_MAX_VOID_LOOKUPS) throw new SpfAbort('permerror', `more than ${SPF_MAX_VOID_LOOKUPS} void lookups (at "${term}")`);
  };
  const temp = (e: unknown): never => {
    if (e instanceof DnsError) throw new SpfAbort('temperror', e.message);
    throw e;
  };

  /** Addresses of a name in the family of the client IP. */
  async function addresses(name: string): Promise<{ list: IpAddress[]; empty: boolean }> {
    const ans = ip.version === 4 ? await resolver.a(name) : await resolver.aaaa(name);
    return { list: ans.records.map((r) => parseIp(r)).filter((x): x is IpAddress => !!x), empty: ans.records.length === 0 };
  }

  /** RFC 7208 §5.5: PTR names of the IP whose forward lookup gives the IP back. */
  async function validatedNames(): Promise<{ names: string[]; empty: boolean }> {
    let ptr;
    try {
      ptr = await resolver.ptr(reverseName(ip));
    } catch {
      // §5.5: a DNS error on the PTR lookup makes the mechanism not match.
      return { names: [], empty: false };
    }
    const names: string[] = [];
    for (const name of ptr.records.slice(0, SPF_MAX_PTR_NAMES)) {
      try {
        const { list } = await addresses(name);
        if (list.some((a) => sameIp(a, ip))) names.push(name.replace(/\.$/, ''));
      } catch {
        // §5.5: a DNS error on one name skips that name.
      }
    }
    return { names, empty: ptr.records.length === 0 };
  }

  async function validatedName(domain: string): Promise<string> {
    const { names } = await validated();
    const d = domain.toLowerCase();
    // §7.3: prefer the domain itself, then a subdomain of it, then any validated name.
    return (
      names.find((n) => n.toLowerCase() === d) ??
      names.find((n) => n.toLowerCase().endsWith(`.${d}`)) ??
      names[0] ??
      'unknown'
    );
  }

  async function expandTarget(tokens: MacroToken[], domain: string): Promise<string> {
    try {
      return toTargetName(await expandTokens(tokens, values(domain)));
    } catch (e) {
      if (e instanceof MacroSyntaxError) throw new SpfAbort('permerror', e.message);
      throw e;
    }
  }

  async function matches(mech: Mechanism, domain: string): Promise<boolean> {
    switch (mech.name) {
      case 'all':
        return true;
      case 'ip4':
      case 'ip6':
        return ip.version === (mech.name === 'ip4' ? 4 : 6) && inNetwork(ip, mech.network!, (mech.name === 'ip4' ? mech.cidr4 : mech.cidr6) ?? (ip.version === 4 ? 32 : 128));
      case 'include': {
        const target = await expandTarget(mech.target!, domain);
        if (!queryable(target)) throw new SpfAbort('permerror', `"${mech.text}": "${target}" is not a valid domain name`);
        const r = await evaluate(target);
        // RFC 7208 §5.2 table.
        if (r.result === 'pass') return true;
        if (r.result === 'temperror') throw new SpfAbort('temperror', r.reason ?? `include:${target} gave temperror`);
        if (r.result === 'permerror' || r.result === 'none') throw new SpfAbort('permerror', r.reason ?? `include:${target} has no SPF record`);
        return false;
      }
      case 'a': {
        const target = mech.target ? await expandTarget(mech.target, domain) : domain;
        if (!queryable(target)) return false;
        const { list, empty } = await addresses(target).catch(temp);
        countVoid(empty, mech.text);
        const prefix = (ip.version === 4 ? mech.cidr4 : mech.cidr6) ?? (ip.version === 4 ? 32 : 128);
        return list.some((a) => inNetwork(ip, a, prefix));
      }
      case 'mx': {
        const target = mech.target ? await expandTarget(mech.target, domain) : domain;
        if (!queryable(target)) return false;
        const mx = await resolver.mx(target).catch(temp);
        countVoid(mx.records.length === 0, mech.text);
        if (mx.records.length > SPF_MAX_MX_RECORDS) throw new SpfAbort('permerror', `"${mech.text}": ${mx.records.length} MX records, more than ${SPF_MAX_MX_RECORDS}`);
        const prefix = (ip.version === 4 ? mech.cidr4 : mech.cidr6) ?? (ip.version === 4 ? 32 : 128);
        for (const rec of [...mx.records].sort((x, y) => x.priority - y.priority)) {
          const host = rec.exchange.replace(/\.$/, '');
          // RFC 7505 null MX ("."): no host to look at.
          if (!host || !queryable(host)) continue;
          const { list } = await addresses(host).catch(temp);
          if (list.some((a) => inNetwork(ip, a, prefix))) return true;
        }
        return false;
      }
      case 'ptr': {
        const target = (mech.target ? await expandTarget(mech.target, domain) : domain).toLowerCase();
        const { names, empty } = await validated();
        countVoid(empty, mech.text);
        return names.some((n) => {
          const l = n.toLowerCase();
          return l === target || l.endsWith(`.${target}`);
        });
      }
      case 'exists': {
        const target = await expandTarget(mech.target!, domain);
        if (!queryable(target)) return false;
        // RFC 7208 §5.7: always an A query, whatever the client's family.
        const ans = await resolver.a(target).catch(temp);
        countVoid(ans.records.length === 0, mech.text);
        return ans.records.length > 0;
      }
    }
  }

  async function fetchRecord(domain: string): Promise<SpfRecord | SpfResult> {
    const found = await lookupSpf(resolver, domain);
    switch (found.kind) {
      case 'record':
        return found.record;
      case 'none':
        return 'none';
      case 'error':
        throw new SpfAbort('temperror', found.error.message);
      case 'multiple':
        // RFC 7208 §4.5: more than one record is a permerror.
        throw new SpfAbort('permerror', `${found.texts.length} SPF records at ${domain}`);
      case 'syntax':
        throw new SpfAbort('permerror', `${domain}: ${found.error.message}`);
    }
  }

  async function evaluate(domain: string): Promise<Inner> {
    // RFC 7208 §4.3: a malformed or single-label domain gives "none".
    if (!queryable(domain) || !domain.replace(/\.$/, '').includes('.')) return { result: 'none' };
    try {
      const record = await fetchRecord(domain);
      if (typeof record === 'string') return { result: record };
      for (const mech of record.mechanisms) {
        if (mech.name !== 'all' && mech.name !== 'ip4' && mech.name !== 'ip6') countTerm(mech.text);
        if (await matches(mech, domain)) {
          const result = QUALIFIER_RESULT[mech.qualifier];
          const exp = record.exp;
          return {
            result,
            mechanism: mech.text,
            mechanismDomain: domain,
            explain: result === 'fail' && exp ? () => explanation(exp.target!, domain) : undefined,
          };
        }
      }
      if (record.redirect) {
        countTerm(record.redirect.text);
        const target = await expandTarget(record.redirect.target!, domain);
        // RFC 7208 §6.1: a malformed target or one without a record is a permerror.
        if (!queryable(target)) throw new SpfAbort('permerror', `"${record.redirect.text}": "${target}" is not a valid domain name`);
        const r = await evaluate(target);
        if (r.result === 'none') return { result: 'permerror', reason: `redirect=${target}: no SPF record there` };
        return r;
      }
      // RFC 7208 §4.7: nothing matched and no redirect.
      return { result: 'neutral' };
    } catch (e) {
      if (e instanceof SpfAbort) return { result: e.result, reason: e.message };
      throw e;
    }
  }

  /** RFC 7208 §6.2: any problem with the explanation makes it as if there were no exp=. */
  async function explanation(tokens: MacroToken[], domain: string): Promise<string | undefined> {
    try {
      const name = await expandTarget(tokens, domain);
      if (!queryable(name)) return undefined;
      const ans = await resolver.txt(name);
      if (ans.records.length !== 1) return undefined;
      const text = joinTxt(ans.records[0]);
      return await expandTokens(parseMacroString(text, true), values(domain));
    } catch {
      return undefined;
    }
  }

  const inner = await evaluate(startDomain);
  const explanationText = inner.explain ? await inner.explain() : undefined;
  return {
    result: inner.result,
    explanation: explanationText,
    mechanism: inner.mechanism,
    mechanismDomain: inner.mechanismDomain,
    reason: inner.reason,
    lookups,
    voidLookups,
  };
}
