// Mail DNS of list domains against the real DNS server on loopback (test/support/dnsServer.ts):
// MX, null MX (RFC 7505), no MX with an address, nothing at all, NXDOMAIN; each domain asked
// once, at most DNS_CONCURRENCY at a time, answers cached between runs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ListAnalyzer } from '../../src/lists/analyze';
import { DomainCache, domainMail, listResolver, lookupDomains } from '../../src/lists/dns';
import type { Resolver } from '../../src/deliverability/dns/resolver';
import type { RowResult } from '../../src/lists/types';
import { type DnsServer, startDnsServer, type Zone } from '../support/dnsServer';

const ZONE: Zone = {
  'boutique.fr': [{ type: 'MX', value: '10 mx1.boutique.fr' }, { type: 'MX', value: '20 mx2.boutique.fr' }],
  'ne-recoit-pas.fr': [{ type: 'MX', value: '0 .' }],
  'sans-mx.fr': [{ type: 'A', value: '192.0.2.10' }],
  'sans-mx6.fr': [{ type: 'AAAA', value: '2001:db8::10' }],
  'site-vitrine.fr': [{ type: 'TXT', value: 'v=spf1 -all' }],
  ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`client${i}.fr`, [{ type: 'MX' as const, value: `10 mx.client${i}.fr` }]])),
};

let dns: DnsServer;
let resolver: Resolver;
before(async () => {
  dns = await startDnsServer(ZONE);
  resolver = await listResolver([dns.address]);
});
after(() => dns.close());

describe('list domains over DNS', () => {
  it('tells MX, null MX, implicit MX, no mail host and NXDOMAIN apart', async () => {
    const got: Record<string, string> = {};
    for (const d of ['boutique.fr', 'ne-recoit-pas.fr', 'sans-mx.fr', 'sans-mx6.fr', 'site-vitrine.fr', 'nexiste-pas.fr']) got[d] = (await domainMail(resolver, d)).status;
    assert.deepEqual(got, { 'boutique.fr': 'mx', 'ne-recoit-pas.fr': 'null-mx', 'sans-mx.fr': 'a-only', 'sans-mx6.fr': 'a-only', 'site-vitrine.fr': 'none', 'nexiste-pas.fr': 'nxdomain' });
  });

  it('gives each row the DNS reason of its domain, asking each domain once', async () => {
    dns.questions.length = 0;
    const text = 'email\njean@boutique.fr\nmarie@boutique.fr\nluc@ne-recoit-pas.fr\nzoe@sans-mx.fr\nleo@site-vitrine.fr\nmia@nexiste-pas.fr\nbad@exemple.comm\n';
    const collect = ListAnalyzer.text(text, { file: 'l.csv', collectDomains: true });
    assert.deepEqual([...collect.analyzer.domains].sort(), ['boutique.fr', 'ne-recoit-pas.fr', 'nexiste-pas.fr', 'sans-mx.fr', 'site-vitrine.fr'], 'no lookup for an unregistered TLD');
    const mail = await lookupDomains(collect.analyzer.domains, resolver);
    const rows: RowResult[] = [];
    const { summary } = ListAnalyzer.text(text, { file: 'l.csv', dns: mail, onRow: (r) => rows.push(r) });
    assert.deepEqual(
      rows.map((r) => [r.address, r.status, r.reasons.map((x) => x.code).join(',')]),
      [
        ['jean@boutique.fr', 'valid', ''],
        ['marie@boutique.fr', 'valid', ''],
        ['luc@ne-recoit-pas.fr', 'invalid', 'null-mx'],
        ['zoe@sans-mx.fr', 'risky', 'no-mx-a'],
        ['leo@site-vitrine.fr', 'invalid', 'no-mail-host'],
        ['mia@nexiste-pas.fr', 'invalid', 'no-domain'],
        ['bad@exemple.comm', 'invalid', 'unknown-tld'],
      ],
    );
    assert.deepEqual(summary.dns, { checked: true, domains: 5, failed: 0 });
    const mxQuestions = dns.questions.filter((q) => q.type === 'MX').map((q) => q.name);
    assert.equal(mxQuestions.length, new Set(mxQuestions).size, 'one MX question per domain');
  });

  it('keeps at most the given number of queries in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const counting: Resolver = {
      ...resolver,
      mx: async (name) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        try {
          return await resolver.mx(name);
        } finally {
          inFlight--;
        }
      },
    };
    const domains = Array.from({ length: 40 }, (_, i) => `client${i}.fr`);
    const mail = await lookupDomains(domains, counting, { concurrency: 4 });
    assert.equal(mail.size, 40);
    assert.ok([...mail.values()].every((m) => m.status === 'mx'));
    assert.equal(peak, 4);
  });

  it('answers from the cache the second time, and asks again for failures', async () => {
    const cache = new DomainCache();
    await lookupDomains(['boutique.fr', 'sans-mx.fr'], resolver, { cache });
    const before = dns.questions.length;
    const again = await lookupDomains(['boutique.fr', 'sans-mx.fr'], resolver, { cache });
    assert.equal(dns.questions.length, before, 'no new question');
    assert.equal(again.get('sans-mx.fr')!.status, 'a-only');
  });

  it('reports a server that does not answer as a failure, not a verdict', async () => {
    const dead = await startDnsServer({});
    const address = dead.address;
    await dead.close();
    const r = await listResolver([address]);
    const m = await domainMail(r, 'boutique.fr');
    assert.equal(m.status, 'error');
  });
});
