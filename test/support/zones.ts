// DNS zones served to the deliverability check in the end-to-end tests (documentation
// addresses from RFC 5737 and the reserved .test TLD of RFC 2606, so nothing real is named).
import { generateKeyPairSync } from 'node:crypto';
import type { Zone } from './dnsServer';

/** The sending server's address (RFC 5737 TEST-NET-1). */
export const SENDING_IP = '192.0.2.25';
/** The hostile domain's server, so that each zone has its own PTR. */
export const HOSTILE_IP = '192.0.2.66';

/**
 * Attacker-controlled TXT content: if the panel ever inserted DNS text as markup, these would
 * set a global flag. The webview must show them as text, and its CSP must block inline script.
 */
export const HOSTILE_IMG = '<img src=x onerror="window.__mailproofPwned=1">';
export const HOSTILE_SCRIPT = '<script>window.__mailproofPwned=2</script>';

/** A DKIM public key record for a fresh 2048-bit RSA key (RFC 6376 §3.6.1). */
function dkimRecord(): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `v=DKIM1; k=rsa; p=${der.toString('base64')}`;
}

/**
 * The RFC 5782 §5 "listed" test points of the default blocklists: the checks trust a list's
 * "not listed" only when its test point is listed through the same DNS server.
 */
export const BLOCKLIST_TEST_POINTS: Zone = Object.fromEntries(
  [
    ['2.0.0.127.zen.spamhaus.org', '127.0.0.2'],
    ['2.0.0.0.0.0.f.7.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.zen.spamhaus.org', '127.0.0.2'],
    ['2.0.0.0.0.0.f.7.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.bl.ipv6.spameatingmonkey.net', '127.0.0.2'],
    ['2.0.0.127.bl.spamcop.net', '127.0.0.2'],
    ['2.0.0.127.b.barracudacentral.org', '127.0.0.2'],
    ['2.0.0.127.psbl.surriel.com', '127.0.0.2'],
    ['2.0.0.127.bl.mailspike.net', '127.0.0.2'],
    ['2.0.0.127.dnsbl-1.uceprotect.net', '127.0.0.2'],
    ['dbltest.com.dbl.spamhaus.org', '127.0.1.2'],
    ['test.surbl.org.multi.surbl.org', '127.0.0.254'],
    ['test.uribl.com.multi.uribl.com', '127.0.0.14'],
    // The resolver sanity check's well-known name.
    ['a.root-servers.net', '198.41.0.4'],
  ].map(([name, value]) => [name, [{ type: 'A' as const, value }]]),
);

/**
 * A well set up sender domain: MX, SPF allowing the sending IP, DKIM under `default`, DMARC
 * with reports, and a PTR that resolves back. With `hostile`, the SPF and DMARC records carry
 * markup and script, as a compromised or malicious DNS server could serve.
 */
export function senderZone(domain: string, options: { hostile?: boolean } = {}): Zone {
  const ip = options.hostile ? HOSTILE_IP : SENDING_IP;
  const spf = options.hostile ? `v=spf1 ip4:${ip} include:${HOSTILE_IMG} -all` : `v=spf1 ip4:${ip} -all`;
  const dmarc = options.hostile ? `v=DMARC1; p=quarantine; rua=mailto:dmarc@${domain}; ${HOSTILE_SCRIPT}` : `v=DMARC1; p=quarantine; rua=mailto:dmarc@${domain}`;
  const [a, b, c, d] = ip.split('.');
  return {
    ...BLOCKLIST_TEST_POINTS,
    [domain]: [
      { type: 'MX', value: `10 mx.${domain}` },
      { type: 'TXT', value: spf },
      { type: 'A', value: ip },
    ],
    [`mx.${domain}`]: [{ type: 'A', value: ip }],
    [`_dmarc.${domain}`]: [{ type: 'TXT', value: dmarc }],
    [`default._domainkey.${domain}`]: [{ type: 'TXT', value: dkimRecord() }],
    [`${d}.${c}.${b}.${a}.in-addr.arpa`]: [{ type: 'PTR', value: `mx.${domain}` }],
  };
}
