import { domainToASCII } from 'node:url';

/**
 * The ASCII (punycode) form of a domain typed by a user, lowercased, without a trailing dot;
 * undefined when it is not a usable host name. IDN: `café.fr` → `xn--caf-dma.fr` (UTS #46).
 */
export function toAsciiDomain(input: string): string | undefined {
  const trimmed = input.trim().replace(/\.$/, '');
  if (!trimmed || /[\s/@\\]/.test(trimmed)) return undefined;
  const ascii = domainToASCII(trimmed);
  if (!ascii) return undefined;
  return isValidDomainName(ascii) ? ascii.toLowerCase() : undefined;
}

/** RFC 1035 §2.3.4: labels of 1 to 63 octets, at most 253 characters in text form. */
export function isValidDomainName(name: string): boolean {
  const n = name.replace(/\.$/, '');
  if (!n || n.length > 253) return false;
  return n.split('.').every((l) => l.length > 0 && l.length <= 63);
}

