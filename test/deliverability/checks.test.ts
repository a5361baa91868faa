// The checks end to end against a real DNS server on loopback serving the fixture zones.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createResolver, DnsError } from '../../src/deliverability/dns/resolver';
import { type CheckId, DeliverabilityInputError, formatReport, runChecks, type RunOptions } from '../../src/deliverability/index';
import type { CheckResult, DeliverabilityReport } from '../../src/deliverability/types';
import { type DnsTestServer, startDnsServer } from './dns-server';
import { BEHAVIOURS, XSS_TXT, ZONES } from './fixtures';
import { type HttpsTestServer, startHttpsServer, TEST_CA } from './https-server';

let server: DnsTestServer;
let https: HttpsTestServer;
before(async () => {
  server = await startDnsServer({ zones: ZONES, behaviours: BEHAVIOURS });
  https = await startHttpsServer();
});
after(async () => {
  await server.close();
  await https.close();
});

function run(target: string, extra: Partial<RunOptions> = {}): Promise<DeliverabilityReport> {
  return runChecks({ target, locale: 'en', dns: [server.address], timeoutMs: 3000, httpsPort: https.port, httpsCa: TEST_CA, ...extra });
}
function check(report: DeliverabilityReport, id: CheckId): CheckResult {
  const c = report.checks.find((x) => x.id === id);
  assert.ok(c, id);
  return c;
}
const codes = (c: CheckResult) => c.problems.map((p) => p.code);
const problemOf = (c: CheckResult, code: string) => {
  const p = c.problems.find((x) => x.code === code);
  assert.ok(p, `${c.id} has no ${code}: ${JSON.stringify(c.problems)}`);
  return p;
};

describe('resolver against the loopback server', () => {
  const resolver = () => createResolver({ servers: [server.address], queryTimeoutMs: 300, tries: 1 });

  it('tells NXDOMAIN from NODATA', async () => {
    const r = resolver();
    assert.deepEqual(await r.txt('missing.example'), { status: 'nxdomain', records: [] });
    assert.deepEqual(await r.txt('nomx.example'), { status: 'nodata', records: [] });
    assert.equal((await r.a('nomx.example')).records[0], '192.0.2.40');
  });

  it('reports SERVFAIL, REFUSED, timeout and malformed answers as failures', async () => {
    const r = resolver();
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'answered',
        (e) => (e instanceof DnsError ? e.code : String(e)),
      );
    assert.equal(await code(r.txt('_dmarc.flaky.example')), 'SERVFAIL');
    assert.equal(await code(r.txt('_mta-sts.flaky.example')), 'REFUSED');
    assert.equal(await code(r.txt('flaky.example')), 'TIMEOUT');
    assert.equal(await code(r.txt('_dmarc.malformed.example')), 'BADRESP');
  });

  it('retries over TCP when the UDP answer is truncated', async () => {
    const ans = await resolver().txt('big.example');
    assert.match(ans.records[0].join(''), /ip4:198\.51\.100\.39 -all$/);
    assert.ok(server.log.includes('UDP TXT big.example'));
    assert.ok(server.log.includes('TCP TXT big.example'));
  });

  it('joins the character-strings of a TXT record and follows CNAMEs', async () => {
    const r = resolver();
    const key = await r.txt('sel1._domainkey.good.example');
    assert.equal(key.records[0].length, 2);
    assert.deepEqual(await r.txt('cnamed._domainkey.dkim.example'), key);
  });
});

describe('a domain set up right', () => {
  it('passes every check it can run', async () => {
    const report = await run('news@good.example', { ips: ['192.0.2.10'], selectors: ['sel1', 'ed'] });
    const statuses = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
    assert.deepEqual(statuses, {
      sender: 'pass',
      mx: 'pass',
      spf: 'pass',
      dkim: 'pass',
      dmarc: 'pass',
      ptr: 'pass',
      'ip-blocklists': 'pass',
      'domain-blocklists': 'pass',
      smtp: 'skipped',
      'mta-sts': 'info',
      'tls-rpt': 'pass',
      bimi: 'pass',
    });
    assert.equal(report.domain, 'good.example');
    assert.ok(check(report, 'spf').records.includes('192.0.2.10: pass (ip4:192.0.2.0/24)'));
    assert.ok(check(report, 'dkim').records.includes('sel1: RSA 2048 bits'));
    assert.ok(check(report, 'dkim').records.includes('ed: Ed25519'));
    assert.equal(check(report, 'spf').summary, 'SPF record found (1 of 10 DNS lookups)');
  });

  it('reports each check through onProgress as it finishes', async () => {
    const seen: string[] = [];
    await run('good.example', { onProgress: (r) => seen.push(r.id) });
    assert.equal(seen.length, 12);
    assert.deepEqual([...seen].sort(), ['bimi', 'dkim', 'dmarc', 'domain-blocklists', 'ip-blocklists', 'mta-sts', 'mx', 'ptr', 'sender', 'smtp', 'spf', 'tls-rpt']);
  });
});

describe('sender and MX', () => {
  it('flags a free-mail sender', async () => {
    const c = check(await run('Shop <shop@gmail.com>'), 'sender');
    assert.equal(c.status, 'fail');
    assert.match(problemOf(c, 'freemail-sender').message, /gmail\.com/);
  });

  it('tells a missing domain from a domain without MX', async () => {
    const missing = await run('missing.example');
    assert.deepEqual(codes(check(missing, 'mx')), ['domain-not-found']);
    const nomx = await run('nomx.example');
    assert.deepEqual(codes(check(nomx, 'mx')), ['mx-missing']);
    assert.deepEqual(codes(check(nomx, 'spf')), ['spf-missing']);
    assert.equal(check(nomx, 'spf').suggestion, undefined, 'nothing known about the senders: no record to suggest');
  });

  it('reads a null MX (RFC 7505)', async () => {
    const c = check(await run('nullmx.example'), 'mx');
    assert.equal(c.status, 'fail');
    assert.deepEqual(codes(c), ['mx-null']);
  });

  it('warns about one MX host without an address when another works', async () => {
    const c = check(await run('deadmx.example'), 'mx');
    assert.equal(c.status, 'warn');
    assert.equal(problemOf(c, 'mx-unresolvable').message, 'The MX host gone.deadmx.example has no address (NXDOMAIN)');
    assert.ok(c.records.includes('20 mx.good.example (192.0.2.10, 2001:db8::25)'));
  });
});

describe('SPF', () => {
  it('rejects two records and suggests one merged record', async () => {
    const c = check(await run('twospf.example'), 'spf');
    assert.deepEqual(codes(c), ['spf-multiple']);
    assert.equal(c.suggestion, 'v=spf1 ip4:192.0.2.10 include:_spf.provider.example -all');
  });

  it('reports syntax errors in the record and in included records', async () => {
    assert.match(problemOf(check(await run('badspf.example'), 'spf'), 'spf-syntax').message, /999\.1\.1\.1/);
    const inc = check(await run('incbroken.example'), 'spf');
    assert.equal(inc.status, 'fail');
    const messages = inc.problems.filter((p) => p.code === 'spf-syntax').map((p) => p.message);
    assert.equal(messages.length, 2);
    assert.match(messages[0], /broken-inc\.example.*foo/);
    assert.match(messages[1], /nospf\.example is included but has no SPF record/);
    assert.match(problemOf(check(await run('loop1.example'), 'spf'), 'spf-syntax').message, /loop1\.example → loop2\.example → loop1\.example/);
  });

  it('counts DNS-querying terms recursively through includes', async () => {
    const c = check(await run('manylookups.example'), 'spf');
    assert.equal(problemOf(c, 'spf-too-many-lookups').message, 'SPF needs 12 DNS lookups, more than the limit of 10, so receivers return permerror');
    assert.deepEqual(c.metrics, { lookups: 12, voidLookups: 0, valid: 0 });
  });

  it('counts void lookups', async () => {
    assert.match(problemOf(check(await run('voids.example'), 'spf'), 'spf-void-lookups').message, /3 lookups that return nothing/);
  });

  it('judges the final all', async () => {
    const plus = check(await run('plusall.example'), 'spf');
    assert.equal(problemOf(plus, 'spf-permissive-all').severity, 'error');
    assert.equal(plus.suggestion, 'v=spf1 ~all');
    const neutral = check(await run('neutralall.example'), 'spf');
    assert.equal(neutral.status, 'warn');
    assert.match(problemOf(neutral, 'spf-permissive-all').message, /\?all/);
    assert.equal(problemOf(check(await run('noall.example'), 'spf'), 'spf-permissive-all').severity, 'warning');
    assert.ok(!codes(check(await run('good.example'), 'spf')).includes('spf-permissive-all'));
  });

  it('warns about ptr', async () => {
    assert.deepEqual(codes(check(await run('ptrspf.example'), 'spf')), ['spf-ptr']);
  });

  it('evaluates each sending IP and suggests the missing ones', async () => {
    const c = check(await run('good.example', { ips: ['192.0.2.10', '203.0.113.7'] }), 'spf');
    assert.deepEqual(codes(c), ['spf-ip-not-authorized']);
    assert.equal(c.problems[0].message, 'The sending IP 203.0.113.7 is not authorized by SPF (result: fail)');
    assert.equal(c.suggestion, 'v=spf1 ip4:192.0.2.0/24 include:_spf.provider.example ip4:203.0.113.7 -all');
  });
});

describe('DKIM', () => {
  it('measures keys and reads revoked, testing and broken records', async () => {
    const c = check(await run('dkim.example', { selectors: ['rsa512', 'rsa768', 'rsa1024', 'revoked', 'testing', 'broken', 'cnamed'] }), 'dkim');
    assert.equal(c.status, 'fail');
    const byMessage = c.problems.map((p) => `${p.code} ${p.severity} ${p.message}`);
    assert.ok(byMessage.includes('dkim-weak-key error The DKIM key of selector rsa512 is too short (512 bits; receivers ignore keys under 1024)'), byMessage.join('\n'));
    assert.ok(byMessage.includes('dkim-weak-key error The DKIM key of selector rsa768 is too short (768 bits; receivers ignore keys under 1024)'));
    assert.ok(byMessage.includes('dkim-weak-key warning The DKIM key of selector rsa1024 is weak (1024 bits; 2048 recommended)'));
    assert.ok(byMessage.includes('dkim-revoked warning The DKIM key of selector revoked is revoked (empty p=)'));
    assert.ok(byMessage.includes('dkim-testing warning The DKIM key of selector testing is in test mode (t=y)'));
    assert.ok(byMessage.some((m) => m.startsWith('dkim-syntax error The DKIM key record of selector broken is invalid')));
    assert.ok(c.records.includes('cnamed: RSA 2048 bits'), 'a CNAME to another key is followed');
  });

  it('says "not found" firmly for given selectors and softly for guessed ones', async () => {
    const given = check(await run('good.example', { selectors: ['nosuch'] }), 'dkim');
    assert.equal(given.status, 'fail');
    assert.equal(problemOf(given, 'dkim-not-found').severity, 'error');
    const guessed = check(await run('nomx.example'), 'dkim');
    assert.equal(guessed.status, 'warn');
    assert.match(problemOf(guessed, 'dkim-not-found').message, /common selectors/);
    const found = check(await run('guess.example'), 'dkim');
    assert.equal(found.status, 'pass');
    assert.ok(found.records.includes('google: RSA 2048 bits'));
  });
});

describe('DMARC', () => {
  it('asks for a record where there is none, with a starter record', async () => {
    const c = check(await run('nomx.example'), 'dmarc');
    assert.deepEqual(codes(c), ['dmarc-missing']);
    assert.equal(c.suggestion, 'v=DMARC1; p=none; rua=mailto:dmarc-reports@nomx.example');
  });

  it('reports multiple records, bad syntax, p=none and missing rua', async () => {
    assert.deepEqual(codes(check(await run('twospf.example'), 'dmarc')), ['dmarc-multiple']);
    const bad = check(await run('badspf.example'), 'dmarc').problems.filter((p) => p.code === 'dmarc-syntax').map((p) => p.message);
    assert.deepEqual(bad, ['The DMARC record is invalid (p=maybe is not none, quarantine or reject)', 'The DMARC record is invalid (pct=150 is not a whole number from 0 to 100)']);
    const lax = check(await run('lax.example'), 'dmarc');
    assert.deepEqual(codes(lax), ['dmarc-policy-none', 'dmarc-no-rua']);
    assert.equal(lax.suggestion, 'v=DMARC1; p=quarantine');
  });

  it('checks pct, sp and the authorization of external report destinations', async () => {
    const c = check(await run('extrua.example'), 'dmarc');
    assert.deepEqual(codes(c), ['dmarc-pct', 'dmarc-subdomain-none', 'dmarc-rua-unauthorized']);
    assert.match(problemOf(c, 'dmarc-rua-unauthorized').message, /reports\.other\.example .*extrua\.example\._report\._dmarc\.reports\.other\.example/);
  });

  it('inherits the policy of the organizational domain', async () => {
    const c = check(await run('sub.good.example'), 'dmarc');
    assert.equal(c.status, 'pass');
    assert.equal(problemOf(c, 'dmarc-inherited').message, 'The DMARC policy comes from the organizational domain good.example (policy reject)');
    assert.deepEqual(c.records, ['_dmarc.good.example: v=DMARC1; p=reject; rua=mailto:dmarc@good.example']);
  });
});

describe('reverse DNS', () => {
  it('reports missing, mismatched and generic PTR names', async () => {
    const c = check(await run('good.example', { ips: ['203.0.113.7', '192.0.2.20', '192.0.2.30'] }), 'ptr');
    assert.equal(c.status, 'fail');
    assert.deepEqual(codes(c), ['ptr-missing', 'ptr-mismatch', 'ptr-generic']);
    assert.equal(problemOf(c, 'ptr-mismatch').message, 'The reverse DNS name of 192.0.2.20 (liar.good.example) does not resolve back to it');
    assert.equal(c.summary, 'Valid reverse DNS for 0 of 3 IPs');
  });

  it('judges the SMTP server\'s address when no sending IP is given', async () => {
    // A closed port on loopback: whatever the SMTP check does, no traffic leaves the machine.
    const report = await run('good.example', { smtp: { host: '127.0.0.1', port: 1, security: 'none' } });
    const c = check(report, 'ptr');
    assert.deepEqual(codes(c), ['ptr-missing']);
    assert.equal(c.problems[0].message, 'The IP 127.0.0.1 has no reverse DNS name (PTR)');
    assert.ok(check(report, 'ip-blocklists').records.includes('zen.spamhaus.org 127.0.0.1: not listed'));
  });

  it('resolves the SMTP host through the given DNS server, like every other name', async () => {
    // smtp.good.example exists only in the fixture zones; port 1 on loopback is closed.
    const report = await run('good.example', { smtp: { host: 'smtp.good.example', port: 1, security: 'none' } });
    assert.ok(server.log.includes('UDP A smtp.good.example'));
    const smtp = check(report, 'smtp');
    assert.deepEqual(codes(smtp), ['smtp-unreachable']);
    assert.match(smtp.problems[0].message, /refused/);
    assert.ok(smtp.records.every((r) => !/ENOTFOUND/.test(r)));
  });

  it('falls back to the MX hosts with a note, as warnings', async () => {
    const c = check(await run('good.example'), 'ptr');
    assert.equal(c.status, 'pass');
    assert.equal(c.problems[0].code, 'ptr-source');
    assert.equal(c.problems[0].severity, 'info');
  });

  it('confirms an IPv6 sender with the nibble-format reverse name', async () => {
    const report = await run('good.example', { ips: ['2001:db8::25'] });
    assert.equal(check(report, 'ptr').status, 'pass');
    assert.ok(server.log.includes('UDP PTR 5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa'));
    assert.ok(server.log.includes('UDP A 5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.spamhaus.org'));
    assert.ok(check(report, 'ip-blocklists').records.includes('bl.spamcop.net 2001:db8::25: IPv6 not covered by this list'));
    // Every list that serves IPv6 is asked, not only Spamhaus ZEN, and its IPv6 test points too.
    assert.ok(server.log.includes('UDP A 5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.bl.ipv6.spameatingmonkey.net'));
    assert.ok(check(report, 'ip-blocklists').records.includes('bl.ipv6.spameatingmonkey.net 2001:db8::25: not listed'));
    assert.equal(check(report, 'ip-blocklists').status, 'pass');
    // An IPv6-only list is not asked about IPv4 addresses.
    const v4 = await run('good.example', { ips: ['192.0.2.10'] });
    assert.ok(!check(v4, 'ip-blocklists').records.some((r) => r.startsWith('bl.ipv6.spameatingmonkey.net')));
  });
});

describe('blocklists', () => {
  it('decodes listings with their meaning', async () => {
    const c = check(await run('good.example', { ips: ['192.0.2.66'] }), 'ip-blocklists');
    assert.equal(c.status, 'fail');
    assert.deepEqual(
      c.problems.map((p) => p.message),
      ['192.0.2.66 is listed on zen.spamhaus.org (SBL, XBL)', '192.0.2.66 is listed on bl.spamcop.net (127.0.0.2)'],
    );
  });

  it('never reads a refusal or a failure as a listing', async () => {
    const c = check(await run('good.example', { ips: ['192.0.2.77'] }), 'ip-blocklists');
    assert.equal(c.status, 'warn');
    assert.deepEqual(codes(c), ['blocklist-refused', 'blocklist-unreachable']);
    assert.equal(problemOf(c, 'blocklist-refused').message, 'zen.spamhaus.org refused the query (public or open resolver), so the listing is unknown');
    assert.equal(problemOf(c, 'blocklist-unreachable').message, `bl.spamcop.net could not be reached through ${server.address} (SERVFAIL), so the listing is unknown`);
  });

  it('checks the sender domain and the linked domains', async () => {
    const listed = check(await run('listed.example'), 'domain-blocklists');
    assert.deepEqual(listed.problems.map((p) => p.message), ['listed.example is listed on dbl.spamhaus.org (DBL spam domain)']);
    const linked = check(await run('good.example', { linkedDomains: ['click.tracker.example'] }), 'domain-blocklists');
    assert.deepEqual(linked.problems.map((p) => p.message), ['tracker.example is listed on multi.surbl.org (PH (phishing))']);
  });

  it('gives "could not be determined" when every list refuses', async () => {
    const c = check(await run('refusedbl.example'), 'domain-blocklists');
    assert.equal(c.status, 'error');
    assert.deepEqual(codes(c), ['blocklist-refused', 'blocklist-refused', 'blocklist-refused']);
    assert.ok(c.problems.some((p) => /outside 127\.0\.0\.0\/8/.test(p.message)), 'a rewritten NXDOMAIN is not a listing');
  });
});

describe('MTA-STS, TLS-RPT, BIMI', () => {
  it('reads presence as info and syntax errors as warnings', async () => {
    const missing = await run('nomx.example');
    for (const id of ['mta-sts', 'tls-rpt', 'bimi'] as const) assert.equal(check(missing, id).status, 'info');
    const bad = await run('badpol.example');
    assert.deepEqual(codes(check(bad, 'mta-sts')), ['mta-sts-syntax']);
    assert.deepEqual(codes(check(bad, 'tls-rpt')), ['tls-rpt-syntax']);
    assert.deepEqual(codes(check(bad, 'bimi')), ['bimi-syntax', 'bimi-dmarc']);
  });
});

describe('hostile and broken DNS', () => {
  it('keeps a TXT record with markup verbatim, as text', async () => {
    const report = await run('xss.example');
    const spf = check(report, 'spf');
    assert.ok(spf.records.includes(`xss.example: ${XSS_TXT}`));
    const md = formatReport(report, 'markdown', 'en');
    // Outside code fences no raw markup survives; inside, the record is kept as typed.
    let inFence = false;
    for (const line of md.split('\n')) {
      if (/^`{3,}/.test(line)) inFence = !inFence;
      else if (!inFence) assert.ok(!/<img|<script/i.test(line), line);
    }
    assert.ok(md.includes(XSS_TXT));
    assert.ok(md.includes('p=&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(JSON.parse(formatReport(report, 'json', 'en')).checks[2].records.includes(`xss.example: ${XSS_TXT}`));
  });

  it('escapes control characters of a binary TXT record in text output', async () => {
    const report = await run('binary.example');
    assert.equal(check(report, 'spf').status, 'fail');
    assert.match(problemOf(check(report, 'spf'), 'spf-syntax').message, /U\+001B/);
    const text = formatReport(report, 'text', 'en');
    assert.ok(!text.includes('\u001b'), 'no raw escape reaches the terminal');
    assert.ok(text.includes('\\x1b[31m\\x00'));
  });

  it('turns malformed answers, SERVFAIL, REFUSED and timeouts into "error" results', async () => {
    const malformed = await run('malformed.example');
    assert.equal(check(malformed, 'spf').status, 'error');
    // The DNS server is named, so a user can tell their resolver's fault from the domain's.
    assert.equal(check(malformed, 'spf').summary, `DNS query for TXT malformed.example to ${server.address} failed (BADRESP)`);
    const flaky = await run('flaky.example', { timeoutMs: 2000 });
    assert.equal(check(flaky, 'spf').summary, `DNS query for TXT flaky.example to ${server.address} failed (TIMEOUT)`);
    assert.equal(check(flaky, 'dmarc').summary, `DNS query for TXT _dmarc.flaky.example to ${server.address} failed (SERVFAIL)`);
    assert.equal(check(flaky, 'mta-sts').summary, `DNS query for TXT _mta-sts.flaky.example to ${server.address} failed (REFUSED)`);
    for (const id of ['spf', 'dmarc', 'mta-sts', 'mx'] as const) assert.equal(check(flaky, id).status, 'error', id);
  });

  it('reads a truncated answer over TCP', async () => {
    const c = check(await run('big.example'), 'spf');
    assert.equal(c.status, 'pass');
    assert.ok(server.log.includes('TCP TXT big.example'));
  });

  it('checks IDN domains in punycode', async () => {
    const report = await run('contact@café.example');
    assert.equal(report.domain, 'xn--caf-dma.example');
    assert.equal(report.displayDomain, 'café.example');
    assert.equal(check(report, 'spf').status, 'pass');
  });
});

describe('time budget', () => {
  it('returns "error" results within the budget when the server never answers', async () => {
    const dead = await startDnsServer({ zones: {}, silent: true });
    try {
      const started = Date.now();
      const report = await runChecks({ target: 'good.example', locale: 'en', dns: [dead.address], timeoutMs: 1500 });
      const elapsed = Date.now() - started;
      // Generous bound: the point is "returns", not speed.
      assert.ok(elapsed < 1500 + 3000, `took ${elapsed} ms`);
      assert.equal(check(report, 'sender').status, 'pass');
      assert.equal(check(report, 'smtp').status, 'skipped');
      for (const id of ['mx', 'spf', 'dkim', 'dmarc', 'mta-sts', 'tls-rpt', 'bimi', 'domain-blocklists'] as const) assert.equal(check(report, id).status, 'error', id);
      // Each says which server failed or that the budget ran out: never a bare "error".
      for (const c of report.checks.filter((x) => x.status === 'error')) assert.match(c.summary, new RegExp(`${dead.address.replace(/\./g, '\\.')}|Could not determine`), c.id);
      assert.ok(dead.log.length > 0, 'the queries went to the given server');
    } finally {
      await dead.close();
    }
  });

  it('stops at once when cancelled', async () => {
    const dead = await startDnsServer({ zones: {}, silent: true });
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const report = await runChecks({ target: 'good.example', locale: 'fr', dns: [dead.address], timeoutMs: 60_000, signal: controller.signal });
      assert.equal(check(report, 'spf').status, 'error');
      assert.match(check(report, 'spf').summary, /CANCELLED|Annulé/);
    } finally {
      await dead.close();
    }
  });
});

describe('input', () => {
  it('rejects what is not a domain, an IP or a DNS server', async () => {
    await assert.rejects(run('not a domain'), DeliverabilityInputError);
    await assert.rejects(run('good.example', { ips: ['300.1.1.1'] }), /“300\.1\.1\.1” is not an IPv4 or IPv6 address/);
    await assert.rejects(run('good.example', { dns: ['127.0.0.1:99999'] }), DeliverabilityInputError);
    await assert.rejects(run('good.example', { selectors: ['bad selector'] }), DeliverabilityInputError);
  });
});

// Each defect of issue 13 against the loopback server, with the RFC section that decides it.
describe('subtle cases, as the RFCs define them', () => {
  it('judges what the whole SPF tree authorizes, not only the top-level all (RFC 7208 §5.2, §4.6.2)', async () => {
    for (const domain of ['openinc.example', 'halves.example', 'wide6.example', 'existsall.example']) {
      const c = check(await run(domain), 'spf');
      assert.equal(c.status, 'fail', domain);
      const p = problemOf(c, 'spf-permissive-all');
      assert.equal(p.severity, 'error', domain);
      assert.match(p.message, /more than any sender owns/, domain);
    }
    assert.equal(
      problemOf(check(await run('openinc.example'), 'spf'), 'spf-permissive-all').message,
      'The SPF record lets 100% of IPv4 and 100% of IPv6 addresses pass, more than any sender owns (widest term: “include:open.example”)',
    );
    assert.match(problemOf(check(await run('halves.example'), 'spf'), 'spf-permissive-all').message, /lets 100% of IPv4 and 0% of IPv6/);
    assert.match(problemOf(check(await run('wide6.example'), 'spf'), 'spf-permissive-all').message, /0% of IPv4 and 12\.5% of IPv6 .*“ip6:2000::\/3”/);
    // Both at once: an open include and a neutral final "all".
    const both = check(await run('openneutral.example'), 'spf');
    assert.deepEqual(both.problems.map((p) => `${p.code} ${p.severity}`), ['spf-permissive-all error', 'spf-permissive-all warning']);
    // An included "?all" gives neutral, which does not match: nothing is opened.
    const neutral = check(await run('neutralinc.example'), 'spf');
    assert.equal(neutral.status, 'pass');
    assert.deepEqual(codes(neutral), []);
    // The same everywhere-"pass" a receiver computes for a random address.
    assert.ok(check(await run('openinc.example', { ips: ['203.0.113.99'] }), 'spf').records.includes('203.0.113.99: pass (include:open.example)'));
  });

  it('catches an mx term over 10 MX names without a sending IP (RFC 7208 §4.6.4)', async () => {
    const c = check(await run('manymx.example'), 'spf');
    assert.equal(c.status, 'fail');
    assert.equal(
      problemOf(c, 'spf-mx-too-many').message,
      '“mx” in the SPF record of manymx.example names a domain with 11 MX records, more than the limit of 10, so receivers return permerror',
    );
    assert.equal(c.metrics?.valid, 0);
  });

  it('fails a DKIM key restricted to SHA-1 and accepts v= in second place (RFC 8301 §3.1, RFC 6376 §3.6.1)', async () => {
    const c = check(await run('dkim.example', { selectors: ['sha1', 'vlate'] }), 'dkim');
    assert.equal(c.status, 'fail');
    assert.equal(problemOf(c, 'dkim-sha1-only').message, 'The DKIM key of selector sha1 allows only h=sha1, so it can verify no signature receivers accept');
    const late = c.problems.find((p) => p.code === 'dkim-syntax');
    assert.equal(late?.severity, 'warning');
    assert.match(late!.message, /selector vlate .*v=DKIM1 is not the first tag/);
    assert.deepEqual(c.metrics, { selectorsFound: 2, usableKeys: 1 });
    const alone = check(await run('dkim.example', { selectors: ['vlate'] }), 'dkim');
    assert.equal(alone.status, 'warn');
    assert.equal(alone.metrics?.usableKeys, 1);
  });

  it('keeps the DMARC policy when reports go to an https: URI (RFC 7489 §6.4)', async () => {
    const c = check(await run('httpsrua.example'), 'dmarc');
    assert.equal(c.status, 'warn');
    assert.equal(c.summary, 'DMARC policy reject (100% of messages)');
    assert.deepEqual(codes(c), ['dmarc-rua-not-mailto']);
    assert.match(c.problems[0].message, /https:\/\/reports\.example\/dmarc .*most receivers send reports by mail only/);
  });

  it('examines every MX host in preference order (RFC 5321 §5.1)', async () => {
    const c = check(await run('twelvemx.example'), 'mx');
    assert.equal(c.status, 'warn');
    assert.equal(c.summary, 'MX records found (hosts: 12, with an address: 2)');
    assert.equal(c.problems.filter((p) => p.code === 'mx-unresolvable' && p.severity === 'warning').length, 10);
    assert.equal(c.records[11], '30 mx2.twelvemx.example (192.0.2.12)');
  });

  it('normalises IPv4-mapped IPv6 addresses once, for every check (RFC 4291 §2.5.5.2)', async () => {
    const listed = await run('good.example', { ips: ['::ffff:192.0.2.66'] });
    assert.equal(check(listed, 'ip-blocklists').status, 'fail');
    assert.ok(check(listed, 'ip-blocklists').problems.some((p) => p.message === '192.0.2.66 is listed on zen.spamhaus.org (SBL, XBL)'));
    const good = await run('good.example', { ips: ['::FFFF:192.0.2.10'], selectors: ['sel1'] });
    assert.equal(check(good, 'ptr').status, 'pass');
    assert.equal(check(good, 'spf').status, 'pass');
  });

  it('reports an MX host that is a CNAME (RFC 2181 §10.3)', async () => {
    const c = check(await run('cnamemx.example'), 'mx');
    assert.equal(c.status, 'warn');
    assert.equal(problemOf(c, 'mx-cname').message, 'The MX host alias.cnamemx.example is an alias (CNAME to mx.good.example), which RFC 2181 §10.3 forbids');
    assert.ok(server.log.includes('UDP CNAME alias.cnamemx.example'));
    assert.ok(!codes(check(await run('good.example'), 'mx')).includes('mx-cname'));
  });
});

describe('a resolver that cannot be trusted', () => {
  it('does not read "not listed" from a resolver that fails the RFC 5782 test points', async () => {
    // This server answers NXDOMAIN to everything the fixtures do not hold, test points included.
    const liar = await startDnsServer({ zones: { ...ZONES, '2.0.0.127.zen.spamhaus.org': [], 'dbltest.com.dbl.spamhaus.org': [] } });
    try {
      const report = await runChecks({ target: 'good.example', ips: ['192.0.2.10'], locale: 'en', dns: [liar.address], timeoutMs: 3000 });
      const ip = check(report, 'ip-blocklists');
      assert.deepEqual(codes(ip), ['blocklist-untestable']);
      assert.equal(
        ip.problems[0].message,
        `zen.spamhaus.org: could not determine (the DNS server ${liar.address} cannot query this list; its RFC 5782 test point 2.0.0.127.zen.spamhaus.org answered wrong)`,
      );
      assert.equal(ip.status, 'warn');
      assert.ok(ip.records.includes('zen.spamhaus.org 192.0.2.10: not trusted: test point 2.0.0.127.zen.spamhaus.org answered wrong'));
      assert.ok(codes(check(report, 'domain-blocklists')).includes('blocklist-untestable'));
    } finally {
      await liar.close();
    }
  });

  it('names the resolver instead of saying a domain does not exist when nothing resolves', async () => {
    const empty = await startDnsServer({ zones: {} });
    try {
      const report = await runChecks({ target: 'gmail-like.example', locale: 'en', dns: [empty.address], timeoutMs: 3000 });
      const mx = check(report, 'mx');
      assert.equal(mx.status, 'error');
      assert.equal(mx.summary, `The DNS server ${empty.address} says gmail-like.example does not exist, but it cannot resolve a.root-servers.net either: the resolver is likely broken or filtering, so this could not be determined`);
      for (const id of ['spf', 'dmarc', 'dkim', 'domain-blocklists', 'mta-sts'] as const) assert.equal(check(report, id).status, 'error', id);
      assert.equal(formatReport(report, 'text', 'en').includes('COULD NOT DETERMINE'), true);
      assert.match(formatReport(report, 'text', 'fr'), /INDÉTERMINÉ/);
    } finally {
      await empty.close();
    }
  });
});

describe('MTA-STS policy over HTTPS (RFC 8461 §3.2, §3.3, §4.1)', () => {
  it('fetches and matches an enforce policy against the MX hosts', async () => {
    const c = check(await run('stsgood.example'), 'mta-sts');
    assert.equal(c.status, 'pass');
    assert.deepEqual(codes(c), []);
    assert.ok(c.records.includes('https://mta-sts.stsgood.example/.well-known/mta-sts.txt: mode: enforce'));
    assert.ok(https.log.includes('mta-sts.stsgood.example /.well-known/mta-sts.txt'));
  });

  it('fails an enforce policy that leaves out a real MX host', async () => {
    const c = check(await run('stsmismatch.example'), 'mta-sts');
    assert.equal(c.status, 'fail');
    assert.equal(problemOf(c, 'mta-sts-mx-mismatch').message, 'The MTA-STS policy names no pattern for the MX hosts mx.good.example (patterns: mail.elsewhere.example)');
  });

  it('notes testing mode, and rejects a missing file, a bad policy and a wrong certificate', async () => {
    const testing = check(await run('ststesting.example'), 'mta-sts');
    assert.equal(testing.status, 'pass');
    assert.deepEqual(codes(testing), ['mta-sts-mode', 'mta-sts-max-age']);
    const nofile = check(await run('stsnofile.example'), 'mta-sts');
    assert.equal(nofile.status, 'warn');
    assert.match(problemOf(nofile, 'mta-sts-policy-unavailable').message, /HTTP 404/);
    const bad = check(await run('stsbadpolicy.example'), 'mta-sts');
    assert.equal(problemOf(bad, 'mta-sts-policy-syntax').message, 'The MTA-STS policy https://mta-sts.stsbadpolicy.example/.well-known/mta-sts.txt is invalid (version: STSv2, mode: strict, max_age: ?)');
    const cert = check(await run('stsbadcert.example'), 'mta-sts');
    assert.equal(cert.status, 'warn');
    assert.match(problemOf(cert, 'mta-sts-policy-unavailable').message, /ERR_TLS_CERT_ALTNAME_INVALID/);
    // Without the test CA the certificate is not trusted either.
    const untrusted = check(await run('stsgood.example', { httpsCa: undefined }), 'mta-sts');
    assert.equal(untrusted.status, 'warn');
  });
});
