import { FREEMAIL_DOMAINS, FREEMAIL_PATTERNS } from './freemail-domains';

// regex-audit: safe, built from the bundled free-mail patterns: `*` becomes `[^.]*` between literal labels, anchored at both ends
const PATTERN_RES = FREEMAIL_PATTERNS.map((p) => new RegExp(`^${p.replace(/\./g, '\\.').replace(/\*/g, '[^.]*')}$`));

/**
 * True when the domain (or its parent, for subdomains such as `nc.rr.com`) belongs to a
 * free-mail provider: senders there cannot publish SPF, DKIM or DMARC of their own.
 */
export function isFreemailDomain(domain: string): boolean {
  const d = domain.trim().toLowerCase().replace(/\.$/, '');
  if (!d) return false;
  if (FREEMAIL_DOMAINS.has(d)) return true;
  return PATTERN_RES.some((re) => re.test(d));
}

/** The domain of an address (`Name <user@Example.FR>` → `example.fr`), or undefined. */
export function domainOf(address: string): string | undefined {
  const angle = /<([^<>]*)>/.exec(address);
  const addr = (angle ? angle[1] : address).trim();
  const at = addr.lastIndexOf('@');
  if (at < 0) return /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(addr) ? addr.toLowerCase() : undefined;
  const domain = addr.slice(at + 1).split(/[>\s]/)[0].toLowerCase();
  return domain || undefined;
}
