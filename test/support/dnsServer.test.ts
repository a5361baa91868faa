// The loopback DNS server of the end-to-end tests answers like a real authoritative server.
import assert from 'node:assert/strict';
import { Resolver } from 'node:dns/promises';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type DnsServer, startDnsServer } from './dnsServer';

describe('loopback DNS server', () => {
  let server: DnsServer;
  let resolver: Resolver;
  // RFC 1035 §3.3.14: strings over 255 bytes travel as several character-strings.
  const longSpf = `v=spf1 ${Array.from({ length: 30 }, (_, i) => `ip4:192.0.2.${i}`).join(' ')} -all`;

  before(async () => {
    server = await startDnsServer({
      'Example.TEST.': [
        { type: 'TXT', value: longSpf },
        { type: 'MX', value: '10 mx.example.test' },
        { type: 'A', value: '192.0.2.25' },
        { type: 'AAAA', value: '2001:db8::25' },
      ],
      '25.2.0.192.in-addr.arpa': [{ type: 'PTR', value: 'mx.example.test' }],
    });
    resolver = new Resolver({ timeout: 2000, tries: 1 });
    resolver.setServers([server.address]);
  });
  after(() => server.close());

  it('serves TXT, MX, A, AAAA and PTR records, names case-insensitive', async () => {
    const txt = await resolver.resolveTxt('example.test');
    assert.equal(txt[0].join(''), longSpf);
    assert.ok(txt[0].length > 1, 'split into character-strings');
    assert.deepEqual(await resolver.resolveMx('EXAMPLE.test'), [{ exchange: 'mx.example.test', priority: 10 }]);
    assert.deepEqual(await resolver.resolve4('example.test'), ['192.0.2.25']);
    assert.deepEqual(await resolver.resolve6('example.test'), ['2001:db8::25']);
    assert.deepEqual(await resolver.reverse('192.0.2.25'), ['mx.example.test']);
  });

  it('answers NXDOMAIN for unknown names and NODATA for missing types', async () => {
    await assert.rejects(resolver.resolveTxt('_dmarc.example.test'), { code: 'ENOTFOUND' });
    await assert.rejects(resolver.resolveCname('example.test'), { code: 'ENODATA' });
  });

  it('records the questions it was asked', async () => {
    await resolver.resolveTxt('example.test');
    const { name, type, rcode, answers } = server.questions.at(-1)!;
    assert.deepEqual({ name, type, rcode, answers }, { name: 'example.test', type: 'TXT', rcode: 'NOERROR', answers: 1 });
    await assert.rejects(resolver.resolveMx('nope.example.test'));
    assert.equal(server.questions.at(-1)!.rcode, 'NXDOMAIN');
  });

  it('answers over TCP with length-prefixed messages', async () => {
    // A query for example.test A, ID 0x1234, recursion desired.
    const name = Buffer.from([7, ...Buffer.from('example'), 4, ...Buffer.from('test'), 0]);
    const query = Buffer.concat([Buffer.from([0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]), name, Buffer.from([0, 1, 0, 1])]);
    const answer = await new Promise<Buffer>((resolve, reject) => {
      const sock = connect(server.port, server.host, () => sock.write(Buffer.concat([Buffer.from([query.length >> 8, query.length & 0xff]), query])));
      let buf = Buffer.alloc(0);
      sock.on('data', (d) => {
        buf = Buffer.concat([buf, d]);
        if (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
          sock.end();
          resolve(buf.subarray(2, 2 + buf.readUInt16BE(0)));
        }
      });
      sock.on('error', reject);
    });
    assert.equal(answer.readUInt16BE(0), 0x1234);
    assert.equal(answer.readUInt16BE(6), 1, 'one answer');
    assert.deepEqual([...answer.subarray(-4)], [192, 0, 2, 25]);
  });

  it('answers a question it cannot parse (a looping name pointer) with FORMERR', async () => {
    const { createSocket } = await import('node:dgram');
    const sock = createSocket('udp4');
    const reply = new Promise<Buffer>((resolve) => sock.once('message', resolve));
    sock.send(Buffer.from([0xab, 0xcd, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 0x0c]), server.port, server.host);
    const res = await reply;
    sock.close();
    assert.equal(res.readUInt16BE(0), 0xabcd);
    assert.equal(res.readUInt16BE(2) & 0x000f, 1);
  });
});
