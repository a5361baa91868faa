// Fixture zones for the loopback DNS server: one small domain per situation, so each problem
// code has a domain that triggers it and a domain that does not.
import type { Behaviour, FixtureRecord } from './dns-server';

// Public keys generated once for these fixtures (the private halves were discarded).
export const RSA_512 = 'MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBALC+6vMnirLTvZqBYDIdoTu79wSCNbIHP8UgcB0Fx2TPmFUgRlOjdMElShOHoPm7pKG5dnXXjKq+r/ov5yo1yH8CAwEAAQ==';
export const RSA_768 = 'MHwwDQYJKoZIhvcNAQEBBQADawAwaAJhAM1G082fT5AEIaYtViey2jRIvwzx/kl5l96OUtbBaymB2Jn8b2/9Ws8pD1GAOmoe8KCXUctSfv3RELBHhnoQpXcuaWQ84dWHBmI9oHcMnV4fHpcE/iCBbTvE9vWWGzVhmQIDAQAB';
export const RSA_1024 = 'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCknWjb3WB6SPFs6ACSzKgosLcCbXt11iWGR3M2zEj/tRqU/NAiuaZSf6CYR9kY6Uighnwg6C5wZELyXTkHcFDQ7SejwewM93UVRdHfB77BIka6sTc3HXtzaTboErUCmsnZVLuKjucx6xcoXaSosM/ZcQq/YZzpMLCYrTDPauMw/wIDAQAB';
export const RSA_2048 = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA02ejlSG1BnGJI8Gc9JMexpJgRxN1s6imFsiC50wHIOcnulutzRGNhNfICQBioVvszCihRO7b4xEeDlRnMAXRPpIynmKjb3Ir53kDbzsn0JAAkJc10p2M5Ovmtx0igzXoGwh/pvrx9we7gFk+qgDroYMugVULdiw0CwruiV9VaqNqzrEp1VCyKwqILBzryhLksV2DZfhI62Gubxa16eOHmP+XMu3v3cJg0ZhZWFo907kGCumD/CZ7/tnexW62hiUfxI9SydBFRwOdF35Ob+DbS/GwYJydWDaF8sg5/naJXY7fj2B2C36htxD/Lu0z7BhRrrDQim8xkAJW5VaMHgW+4wIDAQAB';
export const ED25519 = 'u6KDu35igTdf0X/55xkVowgEZJP3208M5JxreRWQHus=';

export const XSS_TXT = 'v=spf1 <img src=x onerror=alert(1)> -all';

const txt = (data: string | string[] | Buffer[]): FixtureRecord => ({ type: 'TXT', data });
const a = (data: string): FixtureRecord => ({ type: 'A', data });
const aaaa = (data: string): FixtureRecord => ({ type: 'AAAA', data });
const mx = (preference: number, exchange: string): FixtureRecord => ({ type: 'MX', data: { preference, exchange } });
const ptr = (data: string): FixtureRecord => ({ type: 'PTR', data });
const cname = (data: string): FixtureRecord => ({ type: 'CNAME', data });

export const ZONES: Record<string, FixtureRecord[]> = {
  // good.example: everything right (sending IP 192.0.2.10, selector sel1).
  'good.example': [mx(10, 'mx.good.example'), txt('v=spf1 ip4:192.0.2.0/24 include:_spf.provider.example -all'), a('192.0.2.10')],
  'mx.good.example': [a('192.0.2.10'), aaaa('2001:db8::25')],
  // A submission host only this DNS server knows: the SMTP check must ask it, not the system.
  'smtp.good.example': [a('127.0.0.1')],
  '_spf.provider.example': [txt('v=spf1 ip4:198.51.100.0/24 -all')],
  // A 2048-bit key split over two character-strings, as DNS hosting panels publish it.
  'sel1._domainkey.good.example': [txt(['v=DKIM1; k=rsa; p=' + RSA_2048.slice(0, 200), RSA_2048.slice(200)])],
  'ed._domainkey.good.example': [txt('v=DKIM1; k=ed25519; p=' + ED25519)],
  '_dmarc.good.example': [txt('v=DMARC1; p=reject; rua=mailto:dmarc@good.example')],
  '_smtp._tls.good.example': [txt('v=TLSRPTv1; rua=mailto:tls@good.example')],
  'default._bimi.good.example': [txt('v=BIMI1; l=https://good.example/logo.svg')],
  '10.2.0.192.in-addr.arpa': [ptr('mx.good.example')],
  '5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa': [ptr('mx.good.example')],
  // sub.good.example: inherits the DMARC policy of good.example (organizational domain).
  'sub.good.example': [mx(10, 'mx.good.example'), txt('v=spf1 redirect=good.example')],

  // PTR situations for sending IPs.
  '20.2.0.192.in-addr.arpa': [ptr('liar.good.example')],
  'liar.good.example': [a('192.0.2.99')],
  '30.2.0.192.in-addr.arpa': [ptr('192-0-2-30.dyn.isp.example')],
  '192-0-2-30.dyn.isp.example': [a('192.0.2.30')],
  '66.2.0.192.in-addr.arpa': [ptr('mx.good.example')],
  '77.2.0.192.in-addr.arpa': [ptr('mx.good.example')],

  // IP blocklists: 192.0.2.66 listed; 192.0.2.77 refused by Spamhaus, SERVFAIL from SpamCop.
  '66.2.0.192.zen.spamhaus.org': [a('127.0.0.2'), a('127.0.0.4')],
  '66.2.0.192.bl.spamcop.net': [a('127.0.0.2')],
  '77.2.0.192.zen.spamhaus.org': [a('127.255.255.254')],

  // Domain blocklists.
  'listed.example': [mx(10, 'mx.good.example'), txt('v=spf1 -all')],
  'listed.example.dbl.spamhaus.org': [a('127.0.1.2')],
  'tracker.example.multi.surbl.org': [a('127.0.0.8')],
  'refusedbl.example': [mx(10, 'mx.good.example'), txt('v=spf1 -all')],
  'refusedbl.example.multi.uribl.com': [a('127.0.0.1')],
  'refusedbl.example.dbl.spamhaus.org': [a('127.255.255.255')],
  'refusedbl.example.multi.surbl.org': [a('10.0.0.1')],

  // nomx.example: exists (an A record) but has no MX, SPF or DMARC.
  'nomx.example': [a('192.0.2.40')],
  'nullmx.example': [mx(0, '.'), txt('v=spf1 -all')],
  'deadmx.example': [mx(10, 'gone.deadmx.example'), mx(20, 'mx.good.example'), txt('v=spf1 mx -all')],

  // SPF situations.
  'twospf.example': [mx(10, 'mx.good.example'), txt('v=spf1 ip4:192.0.2.10 -all'), txt('v=spf1 include:_spf.provider.example ~all'), txt('google-site-verification=abc')],
  '_dmarc.twospf.example': [txt('v=DMARC1; p=reject'), txt('v=DMARC1; p=none')],
  'badspf.example': [mx(10, 'mx.good.example'), txt('v=spf1 ip4:999.1.1.1 -all')],
  '_dmarc.badspf.example': [txt('v=DMARC1; p=maybe; pct=150')],
  'incbroken.example': [mx(10, 'mx.good.example'), txt('v=spf1 include:broken-inc.example include:nospf.example -all')],
  'broken-inc.example': [txt('v=spf1 ip4:192.0.2.1 foo:bar -all')],
  'nospf.example': [txt('just some text')],
  'loop1.example': [mx(10, 'mx.good.example'), txt('v=spf1 include:loop2.example -all')],
  'loop2.example': [txt('v=spf1 include:loop1.example -all')],
  'manylookups.example': [mx(10, 'mx.good.example'), txt('v=spf1 include:l1.example include:l2.example include:l3.example include:l4.example -all')],
  'l1.example': [txt('v=spf1 a mx -all'), a('192.0.2.101'), mx(10, 'mx.good.example')],
  'l2.example': [txt('v=spf1 a mx -all'), a('192.0.2.102'), mx(10, 'mx.good.example')],
  'l3.example': [txt('v=spf1 a mx -all'), a('192.0.2.103'), mx(10, 'mx.good.example')],
  'l4.example': [txt('v=spf1 a mx -all'), a('192.0.2.104'), mx(10, 'mx.good.example')],
  'voids.example': [mx(10, 'mx.good.example'), txt('v=spf1 a:nx1.voids.example a:nx2.voids.example a:nx3.voids.example -all')],
  'plusall.example': [mx(10, 'mx.good.example'), txt('v=spf1 +all')],
  'neutralall.example': [mx(10, 'mx.good.example'), txt('v=spf1 ip4:192.0.2.10 ?all')],
  'noall.example': [mx(10, 'mx.good.example'), txt('v=spf1 ip4:192.0.2.10')],
  'ptrspf.example': [mx(10, 'mx.good.example'), txt('v=spf1 ptr -all')],

  // DKIM situations (selectors named after them).
  'dkim.example': [mx(10, 'mx.good.example'), txt('v=spf1 -all')],
  'rsa512._domainkey.dkim.example': [txt('v=DKIM1; k=rsa; p=' + RSA_512)],
  'rsa768._domainkey.dkim.example': [txt('v=DKIM1; k=rsa; p=' + RSA_768)],
  'rsa1024._domainkey.dkim.example': [txt('v=DKIM1; k=rsa; p=' + RSA_1024)],
  'revoked._domainkey.dkim.example': [txt('v=DKIM1; k=rsa; p=')],
  'testing._domainkey.dkim.example': [txt('v=DKIM1; k=rsa; t=y; p=' + RSA_2048)],
  'broken._domainkey.dkim.example': [txt('v=DKIM1; k=rsa; p=not*base64')],
  'cnamed._domainkey.dkim.example': [cname('sel1._domainkey.good.example')],
  // Defect 3: a key restricted to SHA-1 (RFC 8301 §3.1), and one with v= not first (accepted).
  'sha1._domainkey.dkim.example': [txt('v=DKIM1; k=rsa; h=sha1; p=' + RSA_2048)],
  'vlate._domainkey.dkim.example': [txt('k=rsa; v=DKIM1; p=' + RSA_2048)],
  // "google" is a common selector: found without being given.
  'google._domainkey.guess.example': [txt('v=DKIM1; k=rsa; p=' + RSA_2048)],
  'guess.example': [mx(10, 'mx.good.example'), txt('v=spf1 -all')],

  // DMARC situations.
  'lax.example': [mx(10, 'mx.good.example'), txt('v=spf1 ip4:192.0.2.10 -all')],
  '_dmarc.lax.example': [txt('v=DMARC1; p=none')],
  'extrua.example': [mx(10, 'mx.good.example'), txt('v=spf1 ip4:192.0.2.10 -all')],
  '_dmarc.extrua.example': [txt('v=DMARC1; p=quarantine; sp=none; pct=50; rua=mailto:agg@reports.other.example,mailto:agg@ok.other.example')],
  'extrua.example._report._dmarc.ok.other.example': [txt('v=DMARC1')],

  // MTA-STS, TLS-RPT and BIMI with syntax errors.
  'badpol.example': [mx(10, 'mx.good.example'), txt('v=spf1 -all')],
  '_mta-sts.badpol.example': [txt('v=STSv1; id=not valid!')],
  '_smtp._tls.badpol.example': [txt('v=TLSRPTv1; rua=ftp://reports.example')],
  'default._bimi.badpol.example': [txt('v=BIMI1; l=http://badpol.example/logo.svg')],

  // Hostile and broken answers.
  'xss.example': [mx(10, 'mx.good.example'), txt(XSS_TXT)],
  '_dmarc.xss.example': [txt('v=DMARC1; p=<script>alert(1)</script>')],
  'binary.example': [mx(10, 'mx.good.example'), txt([Buffer.from([0x76, 0x3d, 0x73, 0x70, 0x66, 0x31, 0x20, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0x00, 0xff, 0x20, 0x2d, 0x61, 0x6c, 0x6c])])],
  'malformed.example': [mx(10, 'mx.good.example'), txt('v=spf1 -all')],
  'flaky.example': [mx(10, 'mx.good.example'), txt('v=spf1 -all')],
  'big.example': [mx(10, 'mx.good.example'), txt('v=spf1 ' + Array.from({ length: 40 }, (_, i) => `ip4:198.51.100.${i}`).join(' ') + ' -all')],
  '_dmarc.big.example': [txt('v=DMARC1; p=reject; rua=mailto:d@big.example')],

  // The resolver's sanity check: a name that exists as long as DNS does.
  'a.root-servers.net': [a('198.41.0.4')],

  // RFC 5782 §5 test points of the default lists: listed and never-listed entries. A resolver
  // that gets these wrong cannot be trusted with "not listed".
  '2.0.0.127.zen.spamhaus.org': [a('127.0.0.2')],
  '2.0.0.0.0.0.f.7.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.zen.spamhaus.org': [a('127.0.0.2')],
  '2.0.0.0.0.0.f.7.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.bl.ipv6.spameatingmonkey.net': [a('127.0.0.2')],
  '2.0.0.127.bl.spamcop.net': [a('127.0.0.2')],
  '2.0.0.127.b.barracudacentral.org': [a('127.0.0.2')],
  '2.0.0.127.psbl.surriel.com': [a('127.0.0.2')],
  '2.0.0.127.bl.mailspike.net': [a('127.0.0.2')],
  '2.0.0.127.dnsbl-1.uceprotect.net': [a('127.0.0.2')],
  'dbltest.com.dbl.spamhaus.org': [a('127.0.1.2')],
  'test.surbl.org.multi.surbl.org': [a('127.0.0.254')],
  'test.uribl.com.multi.uribl.com': [a('127.0.0.14')],

  // Issue 13, defect 1: SPF that lets everyone pass without a top-level "+all" (RFC 7208 §5.2:
  // an include matches where the included record passes; §4.6.2: the first match decides).
  'openinc.example': [mx(10, 'mx.good.example'), txt('v=spf1 include:open.example -all')],
  'open.example': [txt('v=spf1 +all')],
  'halves.example': [mx(10, 'mx.good.example'), txt('v=spf1 ip4:0.0.0.0/1 ip4:128.0.0.0/1 -all')],
  'wide6.example': [mx(10, 'mx.good.example'), txt('v=spf1 ip4:192.0.2.10 ip6:2000::/3 -all')],
  'openneutral.example': [mx(10, 'mx.good.example'), txt('v=spf1 include:open.example ?all')],
  'existsall.example': [mx(10, 'mx.good.example'), txt('v=spf1 exists:mx.good.example -all')],
  // An include ending in "?all" gives neutral, which does not match (RFC 7208 §5.2): not open.
  'neutralinc.example': [mx(10, 'mx.good.example'), txt('v=spf1 include:neutralall.example -all')],
  // Defect 2: "mx" naming a domain with 11 MX records is a permerror (RFC 7208 §4.6.4).
  'manymx.example': [...Array.from({ length: 11 }, (_, i) => mx(10 + i, `mx${i + 1}.manymx.example`)), txt('v=spf1 mx -all')],
  // Defect 5: 12 MX records, the 10 preferred ones dead (RFC 5321 §5.1: senders try them all).
  'twelvemx.example': [...Array.from({ length: 10 }, (_, i) => mx(i + 1, `dead${i + 1}.twelvemx.example`)), mx(20, 'mx.good.example'), mx(30, 'mx2.twelvemx.example'), txt('v=spf1 mx -all')],
  'mx2.twelvemx.example': [a('192.0.2.12')],
  // Defect 7: an MX host that is an alias (RFC 2181 §10.3).
  'cnamemx.example': [mx(10, 'alias.cnamemx.example'), txt('v=spf1 mx -all')],
  'alias.cnamemx.example': [cname('mx.good.example')],
  // Defect 4: reports to an https: URI only (RFC 7489 §6.4 allows any URI).
  'httpsrua.example': [mx(10, 'mx.good.example'), txt('v=spf1 ip4:192.0.2.10 -all')],
  '_dmarc.httpsrua.example': [txt('v=DMARC1; p=reject; rua=https://reports.example/dmarc')],

  // MTA-STS policies served over HTTPS on loopback (test/deliverability/https-server.ts).
  'stsgood.example': [mx(10, 'mx.good.example'), mx(20, 'mx2.stsgood.example'), txt('v=spf1 -all')],
  'mx2.stsgood.example': [a('192.0.2.10')],
  '_mta-sts.stsgood.example': [txt('v=STSv1; id=20240101T000000')],
  'mta-sts.stsgood.example': [a('127.0.0.1')],
  'stsmismatch.example': [mx(10, 'mx.good.example'), txt('v=spf1 -all')],
  '_mta-sts.stsmismatch.example': [txt('v=STSv1; id=1')],
  'mta-sts.stsmismatch.example': [a('127.0.0.1')],
  'ststesting.example': [mx(10, 'mx.good.example'), txt('v=spf1 -all')],
  '_mta-sts.ststesting.example': [txt('v=STSv1; id=1')],
  'mta-sts.ststesting.example': [a('127.0.0.1')],
  'stsnofile.example': [mx(10, 'mx.good.example'), txt('v=spf1 -all')],
  '_mta-sts.stsnofile.example': [txt('v=STSv1; id=1')],
  'mta-sts.stsnofile.example': [a('127.0.0.1')],
  'stsbadpolicy.example': [mx(10, 'mx.good.example'), txt('v=spf1 -all')],
  '_mta-sts.stsbadpolicy.example': [txt('v=STSv1; id=1')],
  'mta-sts.stsbadpolicy.example': [a('127.0.0.1')],
  'stsbadcert.example': [mx(10, 'mx.good.example'), txt('v=spf1 -all')],
  '_mta-sts.stsbadcert.example': [txt('v=STSv1; id=1')],
  'mta-sts.stsbadcert.example': [a('127.0.0.1')],

  // Hostile DNS (issue 10): include loops, a CNAME loop, a 60 KB TXT record, 60,000-character
  // labels in macro-expanded names; the behaviours below add wrong ids, broken TCP and delays.
  'hostile.example': [mx(10, 'cnameloop-a.hostile.example'), txt('v=spf1 include:loopa.hostile.example include:cnameloop-a.hostile.example include:huge.hostile.example ip4:192.0.2.10 -all')],
  'loopa.hostile.example': [txt('v=spf1 include:loopb.hostile.example -all')],
  'loopb.hostile.example': [txt('v=spf1 include:loopa.hostile.example -all')],
  'cnameloop-a.hostile.example': [cname('cnameloop-b.hostile.example')],
  'cnameloop-b.hostile.example': [cname('cnameloop-a.hostile.example')],
  'huge.hostile.example': [txt('v=spf1 ' + 'ip4:198.51.100.1 '.repeat(3500) + '-all')],
  '_dmarc.hostile.example': [txt('v=DMARC1; p=reject')],
  '_mta-sts.hostile.example': [txt('v=STSv1; id=1')],
  '_smtp._tls.hostile.example': [txt('v=TLSRPTv1; rua=mailto:t@hostile.example')],
  'default._bimi.hostile.example': [txt('v=BIMI1; l=')],
  'hugelabel.example': [mx(10, 'mx.good.example'), txt(`v=spf1 a:%{d}.${'x'.repeat(60_000)}_ +all`)],
  'macrolabel.example': [mx(10, 'mx.good.example'), txt(`v=spf1 exists:%{l}.${'y'.repeat(60_000)}.example -all`)],

  // IDN: café.example.
  'xn--caf-dma.example': [mx(10, 'mx.good.example'), txt('v=spf1 ip4:192.0.2.10 -all')],
};

export const BEHAVIOURS: Record<string, Behaviour> = {
  '_dmarc.malformed.example': 'malformed',
  'malformed.example': 'malformed',
  '_dmarc.flaky.example': 'servfail',
  '_mta-sts.flaky.example': 'refused',
  'flaky.example': 'silent',
  'big.example': 'truncate',
  '77.2.0.192.bl.spamcop.net': 'servfail',
  'refusedbl.example': 'truncate',
  '_dmarc.hostile.example': 'wrong-id',
  '_mta-sts.hostile.example': 'slow',
  '_smtp._tls.hostile.example': 'truncate-badtcp',
  'default._bimi.hostile.example': 'malformed',
  'selector1._domainkey.hostile.example': 'truncate-badtcp',
};
