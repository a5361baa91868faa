// DNS blocklist answers decoded by hand: a refusal (public resolver, rate limit) or a rewritten
// NXDOMAIN must never read as "listed", which is what generic DNSBL clients do.
import { type IpAddress, parseIpv6, reverseLabels } from './dns/ip';

export type DnsblVerdict =
  | { kind: 'clean' }
  | { kind: 'listed'; answers: string[]; meanings: string[] }
  | { kind: 'refused'; answers: string[]; reason: RefusalReason }
  | { kind: 'unreachable'; reason: string }
  /** The list's RFC 5782 test points gave the wrong answers through this resolver. */
  | { kind: 'untestable'; point: string };

/** Why an answer is not a verdict (keys `dnsbl.reason.*` of the messages). */
export type RefusalReason = 'typo' | 'openResolver' | 'rateLimit' | 'ipOnDomainList' | 'foreign' | 'blocked' | 'errorAnswer' | 'unknownAnswer' | 'rcode';

export interface DnsblZone {
  zone: string;
  /** Whether the list answers for IPv6 addresses (RFC 5782 §2.4 nibble format). */
  ipv6: boolean;
  /** Whether it answers for IPv4 addresses (false for IPv6-only lists); true when absent. */
  ipv4?: boolean;
}

// Reputable IP lists still in service (SORBS closed in 2024). ZEN = SBL + CSS + XBL + PBL (+DROP).
// IPv6: ZEN lists IPv6 (Spamhaus statement S012, RFC 5782 §2.4 queries); Spam Eating Monkey
// runs an IPv6-only list (rspamd's default rbl.conf queries both for IPv6 senders).
export const DEFAULT_IP_BLOCKLISTS: DnsblZone[] = [
  { zone: 'zen.spamhaus.org', ipv6: true },
  { zone: 'bl.ipv6.spameatingmonkey.net', ipv6: true, ipv4: false },
  { zone: 'bl.spamcop.net', ipv6: false },
  { zone: 'b.barracudacentral.org', ipv6: false },
  { zone: 'psbl.surriel.com', ipv6: false },
  { zone: 'bl.mailspike.net', ipv6: false },
  { zone: 'dnsbl-1.uceprotect.net', ipv6: false },
];

export const DEFAULT_DOMAIN_BLOCKLISTS = ['dbl.spamhaus.org', 'multi.surbl.org', 'multi.uribl.com'];

/** The query name for an IP: reversed octets or nibbles, then the zone (RFC 5782 §2.1, §2.4). */
export function ipQueryName(ip: IpAddress, zone: string): string {
  return `${reverseLabels(ip).join('.')}.${zone}`;
}

const isSpamhaus = (zone: string) => /(^|\.)spamhaus\.(org|net)$/i.test(zone);
const isSurbl = (zone: string) => /(^|\.)surbl\.org$/i.test(zone);
const isUribl = (zone: string) => /(^|\.)uribl\.com$/i.test(zone);

// Spamhaus return codes (SpamAssassin 20_dnsbl_tests.cf / 25_uribl.cf, rspamd rbl.conf).
const SPAMHAUS_ZEN: Record<number, string> = { 2: 'SBL', 3: 'SBL CSS', 4: 'XBL', 5: 'XBL', 6: 'XBL', 7: 'XBL', 9: 'DROP', 10: 'PBL', 11: 'PBL' };
const SPAMHAUS_DBL: Record<number, string> = {
  2: 'DBL spam domain',
  4: 'DBL phishing domain',
  5: 'DBL malware domain',
  6: 'DBL botnet C&C domain',
  102: 'DBL abused legit spam',
  103: 'DBL abused spammed redirector',
  104: 'DBL abused legit phish',
  105: 'DBL abused legit malware',
  106: 'DBL abused legit botnet C&C',
};
// Spamhaus "query refused" codes: .252 typing error in the zone name, .254 query through a
// public/open resolver, .255 excessive number of queries (Spamhaus news 788; SA
// RCVD_IN_ZEN_BLOCKED_OPENDNS, RCVD_IN_ZEN_BLOCKED). DBL 127.0.1.255: an IP asked of the DBL.
const SPAMHAUS_REFUSED: Record<string, RefusalReason> = {
  '127.255.255.252': 'typo',
  '127.255.255.254': 'openResolver',
  '127.255.255.255': 'rateLimit',
  '127.0.1.255': 'ipOnDomainList',
};
// SURBL multi: a bitmask in the last octet; bit 1 = query blocked (SA SURBL_BLOCKED).
const SURBL_BITS: [number, string][] = [[4, 'DM (disposable)'], [8, 'PH (phishing)'], [16, 'MW (malware)'], [32, 'CT (click tracker)'], [64, 'ABUSE'], [128, 'CR (cracked)']];
// URIBL multi: bit 2 black, 4 grey, 8 red; 127.0.0.1 = query refused (SA URIBL_BLOCKED).
const URIBL_BITS: [number, string][] = [[2, 'black'], [4, 'grey'], [8, 'red']];

/** Decodes the A records a list returned for one query. */
export function decodeDnsbl(zone: string, answers: string[]): DnsblVerdict {
  if (answers.length === 0) return { kind: 'clean' };
  // RFC 5782 §2.3: answers are in 127.0.0.0/8. Anything else is a resolver rewriting NXDOMAIN
  // (ISP "search" pages) or a broken list: it proves nothing.
  const foreign = answers.filter((a) => !/^127\.\d+\.\d+\.\d+$/.test(a));
  if (foreign.length) return { kind: 'refused', answers, reason: 'foreign' };
  const meanings: string[] = [];
  for (const a of answers) {
    const octets = a.split('.').map(Number);
    const last = octets[3];
    if (isSpamhaus(zone)) {
      if (SPAMHAUS_REFUSED[a]) return { kind: 'refused', answers, reason: SPAMHAUS_REFUSED[a] };
      const table = octets[2] === 1 ? SPAMHAUS_DBL : SPAMHAUS_ZEN;
      meanings.push(table[last] ?? a);
      continue;
    }
    if (a.startsWith('127.255.255.')) return { kind: 'refused', answers, reason: 'blocked' };
    if (isSurbl(zone) || isUribl(zone)) {
      if (last & 1) return { kind: 'refused', answers, reason: 'blocked' };
      const bits = (isSurbl(zone) ? SURBL_BITS : URIBL_BITS).filter(([bit]) => last & bit).map(([, name]) => name);
      if (bits.length === 0) return { kind: 'refused', answers, reason: 'unknownAnswer' };
      meanings.push(...bits);
      continue;
    }
    // RFC 5782 §5: 127.0.0.1 is the test point that must never be listed: an answer means an error.
    if (a === '127.0.0.1') return { kind: 'refused', answers, reason: 'errorAnswer' };
    meanings.push(a);
  }
  return { kind: 'listed', answers, meanings: [...new Set(meanings)] };
}

/** RFC 5782 §5 test points: a name every working list answers, and one it never lists. */
export interface TestPoints {
  listed: string;
  unlisted: string;
}

// RFC 5782 §5: IPv4 lists list 127.0.0.2 and never 127.0.0.1; IPv6 lists ::FFFF:7F00:2 and
// never ::FFFF:7F00:1; domain lists list "test" and never "invalid". Domain lists that predate
// the RFC document their own test names (Spamhaus DBL, SURBL and URIBL usage pages).
const DOMAIN_TEST_POINTS: Record<string, string> = { 'dbl.spamhaus.org': 'dbltest.com', 'multi.surbl.org': 'test.surbl.org', 'multi.uribl.com': 'test.uribl.com' };
const V6_LISTED = reverseLabels(parseIpv6('::ffff:7f00:2')!).join('.');
const V6_UNLISTED = reverseLabels(parseIpv6('::ffff:7f00:1')!).join('.');

/** The query names of a list's test points for one kind of lookup. */
export function testPoints(zone: string, kind: 'ipv4' | 'ipv6' | 'domain'): TestPoints {
  if (kind === 'ipv4') return { listed: `2.0.0.127.${zone}`, unlisted: `1.0.0.127.${zone}` };
  if (kind === 'ipv6') return { listed: `${V6_LISTED}.${zone}`, unlisted: `${V6_UNLISTED}.${zone}` };
  return { listed: `${DOMAIN_TEST_POINTS[zone.toLowerCase()] ?? 'test'}.${zone}`, unlisted: `invalid.${zone}` };
}
