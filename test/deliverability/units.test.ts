// Unit tests of the pure parts: message catalogues, IP helpers, DNSBL decoding, DMARC and
// DKIM record parsing, SPF helpers and the bulk-sender checklist.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { looksGeneric } from '../../src/deliverability/checks/ptr';
import { mergeSpf, providerInclude, withTerms } from '../../src/deliverability/checks/spf';
import { parseDkimKey } from '../../src/deliverability/checks/dkim';
import { organizationalDomain, parseDmarc } from '../../src/deliverability/dmarc';
import { formatIp, parseIp, reverseName } from '../../src/deliverability/dns/ip';
import { toAsciiDomain } from '../../src/deliverability/dns/names';
import { parseServer } from '../../src/deliverability/dns/resolver';
import { decodeDnsbl } from '../../src/deliverability/dnsbl';
import { type Detail, renderDetail } from '../../src/deliverability/detail';
import { catalogueEntries } from '../../src/deliverability/i18n';
import { bulkSenderChecklist, parseTarget } from '../../src/deliverability/index';
import { parseSpf, SpfSyntaxError } from '../../src/deliverability/spf/record';
import { everything, networkSet, percentOf, sizes, subtract, union, IPV4_SPACE } from '../../src/deliverability/spf/coverage';
import { parseDomainSpec } from '../../src/deliverability/spf/macro';
import { mxMatches, parseStsPolicy } from '../../src/deliverability/checks/mta-sts-policy';
import { normalizeIp } from '../../src/deliverability/index';
import { testPoints } from '../../src/deliverability/dnsbl';
import type { CheckResult, DeliverabilityReport } from '../../src/deliverability/types';
import { RSA_1024, RSA_2048 } from './fixtures';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  const { en, fr } = catalogueEntries;
  it('have the same keys and placeholders in English and French', () => {
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
    for (const k of Object.keys(en)) assert.deepEqual(placeholders(fr[k]), placeholders(en[k]), k);
  });

  it('end without a period and carry no "Error:" prefix', () => {
    for (const [k, v] of [...Object.entries(en), ...Object.entries(fr)]) {
      if (k.startsWith('report.') && v.endsWith(':')) continue;
      assert.ok(!/[^.]\.$/.test(v), `${k} ends with a period: ${v}`);
      assert.ok(!/^(error|erreur)\s*:/i.test(v), k);
    }
  });

  it('has a message and a fix for every problem code the checks report', () => {
    const dir = join(__dirname, '..', '..', 'src', 'deliverability', 'checks');
    const used = new Set<string>();
    for (const f of readdirSync(dir)) {
      const src = readFileSync(join(dir, f), 'utf8');
      for (const m of src.matchAll(/problem\(ctx, '([a-z-]+)', '\w+'(?:, \{[^}]*\})?(?:, '(\w+)')?\)/g)) used.add(m[2] ? `${m[1]}.${m[2]}` : m[1]);
    }
    assert.ok(used.size > 30, `found ${used.size} problem calls`);
    for (const code of used) {
      assert.ok(en[`problem.${code}`], `problem.${code}`);
      assert.ok(en[`fix.${code}`], `fix.${code}`);
    }
  });
});

describe('IP helpers', () => {
  it('parses and formats both families', () => {
    assert.equal(formatIp(parseIp('2001:DB8:0:0:1:0:0:1')!), '2001:db8::1:0:0:1');
    assert.equal(formatIp(parseIp('::ffff:192.0.2.1')!), '::ffff:c000:201');
    assert.equal(parseIp('1.2.3'), undefined);
    assert.equal(parseIp('01.2.3.4'), undefined);
    assert.equal(parseIp('1::2::3'), undefined);
  });

  it('builds reverse names (RFC 1035 §3.5, RFC 3596 §2.5)', () => {
    assert.equal(reverseName(parseIp('192.0.2.1')!), '1.2.0.192.in-addr.arpa');
    assert.equal(reverseName(parseIp('2001:db8::1')!), '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa');
  });

  it('reads DNS server specs and IDN domains', () => {
    assert.deepEqual(parseServer('127.0.0.1:5353'), { host: '127.0.0.1', port: 5353 });
    assert.deepEqual(parseServer('[::1]:53'), { host: '::1', port: 53 });
    assert.deepEqual(parseServer('9.9.9.9'), { host: '9.9.9.9', port: 53 });
    assert.equal(parseServer('host:abc'), undefined);
    assert.equal(toAsciiDomain('Bücher.Example'), 'xn--bcher-kva.example');
    assert.equal(toAsciiDomain('exa mple.com'), undefined);
    assert.deepEqual(parseTarget('Jean <jean@Société.fr>'), { domain: 'xn--socit-esab.fr', displayDomain: 'société.fr', address: 'jean@xn--socit-esab.fr' });
  });
});

describe('DNSBL decoding', () => {
  it('reads Spamhaus refusals as refusals, never listings', () => {
    for (const code of ['127.255.255.252', '127.255.255.254', '127.255.255.255']) assert.equal(decodeDnsbl('zen.spamhaus.org', [code]).kind, 'refused', code);
    assert.equal(decodeDnsbl('dbl.spamhaus.org', ['127.0.1.255']).kind, 'refused');
    assert.deepEqual(decodeDnsbl('zen.spamhaus.org', ['127.0.0.10']), { kind: 'listed', answers: ['127.0.0.10'], meanings: ['PBL'] });
    assert.deepEqual(decodeDnsbl('dbl.spamhaus.org', ['127.0.1.102']), { kind: 'listed', answers: ['127.0.1.102'], meanings: ['DBL abused legit spam'] });
  });

  it('decodes the SURBL and URIBL bitmasks, bit 1 meaning "blocked"', () => {
    assert.equal(decodeDnsbl('multi.uribl.com', ['127.0.0.1']).kind, 'refused');
    assert.deepEqual(decodeDnsbl('multi.uribl.com', ['127.0.0.6']), { kind: 'listed', answers: ['127.0.0.6'], meanings: ['black', 'grey'] });
    assert.equal(decodeDnsbl('multi.surbl.org', ['127.0.0.1']).kind, 'refused');
    assert.deepEqual(decodeDnsbl('multi.surbl.org', ['127.0.0.24']), { kind: 'listed', answers: ['127.0.0.24'], meanings: ['PH (phishing)', 'MW (malware)'] });
  });

  it('treats answers outside 127/8 and the RFC 5782 negative test point as errors', () => {
    assert.equal(decodeDnsbl('bl.spamcop.net', ['198.51.100.1']).kind, 'refused');
    assert.equal(decodeDnsbl('bl.spamcop.net', ['127.0.0.1']).kind, 'refused');
    assert.equal(decodeDnsbl('bl.spamcop.net', ['127.0.0.2']).kind, 'listed');
    assert.equal(decodeDnsbl('bl.spamcop.net', []).kind, 'clean');
  });
});

describe('record parsing', () => {
  it('parses DMARC tags and flags errors', () => {
    const r = parseDmarc('v=DMARC1; p=quarantine; sp=reject; pct=25; rua=mailto:a@example.com!10m, mailto:b@example.net; adkim=s');
    assert.deepEqual([r.p, r.sp, r.pct, r.rua, r.adkim, r.errors], ['quarantine', 'reject', 25, ['a@example.com', 'b@example.net'], 's', []]);

    const en = (errors: Detail[]) => errors.map((d) => renderDetail('en', d));
    assert.deepEqual(en(parseDmarc('p=none; v=DMARC1').errors), ['the record must start with “v=DMARC1”']);
    // RFC 7489 §6.4: any URI is a valid destination; only text that is no URI at all is an error.
    const https = parseDmarc('v=DMARC1; p=none; rua=https://x.example/r, mailto:a@example.com');
    assert.deepEqual([https.errors, https.rua, https.otherUris], [[], ['a@example.com'], [{ tag: 'rua', uri: 'https://x.example/r' }]]);
    assert.deepEqual(en(parseDmarc('v=DMARC1; p=none; rua=reports.example').errors), ['rua destination “reports.example” is not a URI']);
    assert.deepEqual(parseDmarc('v=DMARC1; p=none; rua=reports.example').errors.map((d) => renderDetail('fr', d)), ['la destination rua « reports.example » n’est pas une URI']);
  });

  it('finds the organizational domain with the Public Suffix List', () => {
    assert.equal(organizationalDomain('news.shop.example.co.uk'), 'example.co.uk');
    assert.equal(organizationalDomain('mail.example.fr'), 'example.fr');
  });

  it('measures DKIM keys, including PKCS#1 and folded records', () => {
    assert.equal(parseDkimKey(`v=DKIM1; k=rsa; p=${RSA_2048}`).bits, 2048);
    const folded = `v=DKIM1;\tk=rsa;\r\n p=${RSA_1024.slice(0, 50)} ${RSA_1024.slice(50)}`;
    assert.equal(parseDkimKey(folded).bits, 1024);
    // The same 1024-bit key as a bare PKCS#1 RSAPublicKey (the SPKI wrapper is 22 bytes).
    const pkcs1 = Buffer.from(RSA_1024, 'base64').subarray(22).toString('base64');
    assert.equal(parseDkimKey(`p=${pkcs1}`).bits, 1024);
    assert.deepEqual(parseDkimKey('v=DKIM1; k=ed25519; p=AAAA').errors.map((d) => renderDetail('en', d)), ['an Ed25519 key is 32 bytes, p= has 3']);
    // RFC 6376 §3.6.1 wants v= first, but verifiers accept it anywhere: a warning, not an error.
    const late = parseDkimKey('k=rsa; v=DKIM1; p=');
    assert.deepEqual([late.errors, late.warnings.map((d) => renderDetail('en', d))], [[], ['v=DKIM1 is not the first tag (RFC 6376 §3.6.1)']]);
    assert.deepEqual(parseDkimKey('v=DKIM2; p=').errors.map((d) => renderDetail('en', d)), ['v= must equal “DKIM1”']);
    assert.deepEqual(parseDkimKey(`v=DKIM1; h=sha1; p=${RSA_2048}`).hashes, ['sha1']);
    assert.deepEqual(parseDkimKey(`v=DKIM1; h=sha1:SHA256; p=${RSA_2048}`).hashes, ['sha1', 'sha256']);
  });

  it('edits SPF records for suggestions', () => {
    assert.equal(withTerms('v=spf1 mx -all', ['ip4:192.0.2.1']), 'v=spf1 mx ip4:192.0.2.1 -all');
    assert.equal(withTerms('v=spf1 mx redirect=_spf.example.com', ['ip4:192.0.2.1']), 'v=spf1 mx ip4:192.0.2.1 redirect=_spf.example.com');
    assert.equal(mergeSpf(['v=spf1 mx ~all', 'v=spf1 MX include:x.example -all']), 'v=spf1 mx include:x.example ~all');
    assert.equal(providerInclude('smtp-relay.brevo.com'), 'spf.brevo.com');
    assert.equal(providerInclude('email-smtp.eu-west-1.amazonaws.com'), 'amazonses.com');
    assert.equal(providerInclude('mail.example.com'), undefined);
    assert.equal(parseSpf('v=spf1 a:mail.example.com/24//64 -all').mechanisms[0].cidr6, 64);
    assert.throws(() => parseSpf('v=spf1 a:%{x}.example.com'), (e: SpfSyntaxError) => renderDetail('fr', e.detail) === '« a:%{x}.example.com » : macro invalide %{x}');
  });

  it('recognizes generic reverse DNS names', () => {
    const ip = parseIp('203.0.113.45')!;
    for (const n of ['45-113-0-203.dsl.isp.example', 'host203-0-113-45.isp.example', 'cpe-203-0-113-45.cable.example', 'dynamic.isp.example', 'cb00712d.isp.example']) assert.ok(looksGeneric(n, ip), n);
    for (const n of ['mail.example.com', 'mx1.shop.example', 'smtp-out.example.net']) assert.ok(!looksGeneric(n, ip), n);
  });
});

describe('bulk-sender checklist', () => {
  const report = (checks: Partial<CheckResult>[]): DeliverabilityReport => ({
    version: 1,
    domain: 'example.com',
    checks: checks.map((c) => ({ records: [], problems: [], summary: '', status: 'pass', ...c }) as CheckResult),
  });

  it('derives each requirement from the checks', () => {
    const items = bulkSenderChecklist(
      report([
        { id: 'spf', status: 'fail', metrics: { valid: 1, lookups: 2, voidLookups: 0 } },
        { id: 'dkim', status: 'pass', metrics: { selectorsFound: 1, usableKeys: 1 } },
        { id: 'dmarc', status: 'warn' },
        { id: 'ptr', status: 'fail', metrics: { ips: 2, valid: 1 } },
        { id: 'smtp', status: 'skipped' },
      ]),
      'en',
    );
    const states = Object.fromEntries(items.map((i) => [i.id, i.state]));
    assert.deepEqual(states, { spf: 'met', dkim: 'met', dmarc: 'met', alignment: 'met', fcrdns: 'unmet', tls: 'unknown', unsubscribe: 'draft', 'spam-rate': 'external' });
    assert.equal(items.find((i) => i.id === 'spam-rate')!.detail, 'cannot be checked from here: see Google Postmaster Tools, Yahoo Sender Hub and Microsoft SNDS');
  });

  it('does not count a DKIM key missing among guessed selectors as "not met"', () => {
    const items = bulkSenderChecklist(report([{ id: 'dkim', status: 'warn', problems: [{ code: 'dkim-not-found', severity: 'warning', message: '' }], metrics: { selectorsFound: 0, usableKeys: 0 } }]), 'fr');
    const dkim = items.find((i) => i.id === 'dkim')!;
    assert.equal(dkim.state, 'unknown');
    assert.equal(dkim.detail, 'inconnu : indiquez votre sélecteur DKIM');
  });
});

describe('issue 13 helpers', () => {
  it('computes address sets exactly (SPF coverage)', () => {
    const net = (t: string, p: number) => networkSet(parseIp(t)!, p);
    const halves = union(net('0.0.0.0', 1), net('128.0.0.0', 1));
    assert.equal(sizes(halves).v4, IPV4_SPACE);
    const holed = subtract(everything(), net('10.0.0.0', 8));
    assert.equal(sizes(holed).v4, IPV4_SPACE - (1n << 24n));
    assert.equal(sizes(subtract(net('10.0.0.0', 8), net('10.1.0.0', 16))).v4, (1n << 24n) - (1n << 16n));
    assert.equal(percentOf(1n << 24n, IPV4_SPACE), '0.39');
    assert.equal(sizes(net('2001:db8::', 32)).v6, 1n << 96n);
  });

  it('checks the SPF toplabel by a linear scan (RFC 7208 §7.1)', () => {
    assert.doesNotThrow(() => parseDomainSpec('_spf.example.com'));
    assert.doesNotThrow(() => parseDomainSpec('x.123-4'));
    assert.throws(() => parseDomainSpec('x.1234'));
    assert.throws(() => parseDomainSpec('x.abc-'));
    // A 60,000-character label that is no toplabel is rejected at once.
    const t0 = performance.now();
    assert.throws(() => parseDomainSpec(`%{d}.${'x'.repeat(60_000)}_`));
    assert.throws(() => parseDomainSpec(`%{d}.${'9'.repeat(60_000)}`));
    assert.ok(performance.now() - t0 < 1000);
  });

  it('normalises addresses once (RFC 4291 §2.5.5.2, RFC 5952)', () => {
    assert.equal(normalizeIp('::ffff:192.0.2.1'), '192.0.2.1');
    assert.equal(normalizeIp('::FFFF:c000:0201'), '192.0.2.1');
    assert.equal(normalizeIp('2001:DB8:0:0:0:0:0:1'), '2001:db8::1');
    assert.equal(normalizeIp('nope'), undefined);
  });

  it('reads MTA-STS policies and matches MX patterns (RFC 8461 §3.2, §4.1)', () => {
    const p = parseStsPolicy('version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmax_age: 604800\r\n');
    assert.deepEqual([p.mode, p.maxAge, p.mx, p.errors], ['enforce', 604800, ['mail.example.com', '*.example.net'], []]);
    assert.deepEqual(parseStsPolicy('version: STSv1\nmode: none\nmax_age: 86400').errors, []);
    assert.deepEqual(parseStsPolicy('mode: enforce\nmax_age: 99999999999').errors, ['version: —', 'max_age: ?', 'mx: —']);
    assert.ok(mxMatches('*.example.net', 'mx1.example.net'));
    assert.ok(!mxMatches('*.example.net', 'a.b.example.net'), 'the wildcard covers one label only');
    assert.ok(!mxMatches('*.example.net', 'example.net'));
    assert.ok(mxMatches('MAIL.example.com', 'mail.example.com.'));
  });

  it('names the RFC 5782 §5 test points of each kind of list', () => {
    assert.deepEqual(testPoints('zen.spamhaus.org', 'ipv4'), { listed: '2.0.0.127.zen.spamhaus.org', unlisted: '1.0.0.127.zen.spamhaus.org' });
    assert.equal(testPoints('x.example', 'ipv6').listed, `${reverseName(parseIp('::ffff:7f00:2')!).replace(/\.ip6\.arpa$/, '')}.x.example`);
    assert.deepEqual(testPoints('dbl.example', 'domain'), { listed: 'test.dbl.example', unlisted: 'invalid.dbl.example' });
    assert.equal(testPoints('dbl.spamhaus.org', 'domain').listed, 'dbltest.com.dbl.spamhaus.org');
  });
});
