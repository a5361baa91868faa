// What can be said about a domain without asking DNS: a registered TLD (Public Suffix List,
// ICANN section), a disposable-address service, a likely typo of a mailbox provider.
import blocklist from 'disposable-email-domains-js/dist/dict/disposable_email_blocklist.json';
import { getDomain, parse } from 'tldts';
import { suggestDomain } from './typo';

/** The offline verdict on one domain (ASCII, lowercase). */
export interface DomainFacts {
  /** The top-level label when it is not an ICANN TLD. */
  unknownTld?: string;
  disposable: boolean;
  /** The provider domain it is likely a typo of. */
  typoOf?: string;
}

let disposable: Set<string> | undefined;

/** The disposable-domain list (disposable-email-domains, CC0), loaded on first use. */
function disposableSet(): Set<string> {
  return (disposable ??= new Set(blocklist as string[]));
}

// Each unique domain is looked at once per run; the cache is cleared when it gets this big,
// so a list of a million distinct domains stays within bounded memory.
const MAX_CACHED_DOMAINS = 100_000;
const cache = new Map<string, DomainFacts>();

/** Facts about a domain, cached. */
export function domainFacts(domain: string): DomainFacts {
  let f = cache.get(domain);
  if (f) return f;
  if (cache.size >= MAX_CACHED_DOMAINS) cache.clear();
  f = computeFacts(domain);
  cache.set(domain, f);
  return f;
}

function computeFacts(domain: string): DomainFacts {
  // tldts-icann never says whether a rule matched (its `isIcann` stays null), so the full
  // tldts build is used: `isIcann` is false when only the implicit `*` rule applied.
  const p = parse(domain, { allowPrivateDomains: false, extractHostname: false, detectIp: false, validateHostname: false });
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  const facts: DomainFacts = { disposable: false };
  if (p.isIcann !== true) facts.unknownTld = tld;
  const set = disposableSet();
  const registrable = getDomain(domain, { allowPrivateDomains: false, extractHostname: false, detectIp: false, validateHostname: false });
  facts.disposable = set.has(domain) || (registrable !== null && set.has(registrable));
  // Typo domains are registered as catch-alls by disposable services (gmial.com): say both.
  facts.typoOf = suggestDomain(domain);
  return facts;
}
