// The Rspamd /checkv2 client: against a real Rspamd on loopback when it is installed (started by
// test/support/rspamd.ts with its DNS pointed at a dead loopback port, so it makes no network
// lookups), and against a loopback HTTP server serving an answer recorded from that Rspamd
// (fixtures/rspamd-spammy.json) for the protocol's edge cases.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildModel } from '../../src/engine/parse/index';
import { rspamdCheck } from '../../src/filters/rspamd';
import { runFilter } from '../../src/filters/run';
import { FilterError } from '../../src/filters/types';
import { buildMessage } from '../../src/message/build';
import { findRspamd, type RunningRspamd, startRspamd } from '../support/rspamd';

const fixtures = join(__dirname, 'fixtures');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');

describe('Rspamd: a real rspamd on loopback, without network lookups', { skip: findRspamd() ? false : 'rspamd is not installed (apt-get install rspamd)' }, () => {
  let rspamd: RunningRspamd;
  before(async () => {
    rspamd = await startRspamd();
  });
  after(() => rspamd?.stop());

  it('lists the spammy draft’s symbols, placed on the subject and the link, and says the local score is not the production one', async () => {
    const source = read('spammy.html');
    const message = await buildMessage(source, { fileName: 'spammy.html' });
    const outcome = await runFilter('rspamd', message.raw, buildModel(source, 'html'), { rspamd: { url: rspamd.url } }, 'en', { from: 'deals@shop.example', rcpt: ['customer@example.org'] });
    assert.ok(outcome.ok, !outcome.ok ? outcome.message : '');
    const { result } = outcome;
    const byName = new Map(result.hits.map((h) => [h.name, h]));
    for (const name of ['SUBJ_ALL_CAPS', 'HTTP_TO_IP', 'MIME_GOOD']) assert.ok(byName.has(name), `${name} in ${[...byName.keys()].join(' ')}`);
    assert.equal(source.slice(byName.get('SUBJ_ALL_CAPS')!.range!.start, byName.get('SUBJ_ALL_CAPS')!.range!.end), 'FREE MONEY NOW!!! ACT NOW');
    assert.equal(source.slice(byName.get('HTTP_TO_IP')!.range!.start, byName.get('HTTP_TO_IP')!.range!.end), 'http://192.0.2.7/claim');
    assert.match(byName.get('MIME_GOOD')!.description, /Known content-type/);
    assert.ok(result.hits[0].score >= result.hits.at(-1)!.score, 'highest first');
    assert.match(outcome.note, /read the symbols first/);
    assert.ok(typeof result.action === 'string');
  });

  it('sees the builder’s List-Unsubscribe on the clean draft and takes no action', async () => {
    const message = await buildMessage(read('clean.html'), { fileName: 'clean.html' });
    const result = await rspamdCheck(message.raw, { url: rspamd.url });
    const names = result.hits.map((h) => h.name);
    assert.ok(names.includes('HAS_LIST_UNSUB'), names.join(' '));
    assert.equal(result.action, 'no action');
    assert.equal(result.isSpam, false);
    assert.ok(!names.includes('MIME_HTML_ONLY') && !names.includes('R_PARTS_DIFFER'), names.join(' '));
  });
});

describe('Rspamd client against a loopback HTTP server', () => {
  let server: Server;
  let url = '';
  let handler: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void = () => {};
  const seen: Array<{ path?: string; headers: IncomingMessage['headers']; body: Buffer }> = [];
  before(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        seen.push({ path: req.url, headers: req.headers, body });
        handler(req, res, body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('POSTs the message to /checkv2 with the envelope and reads the recorded answer', async () => {
    handler = (_req, res) => res.end(read('rspamd-spammy.json'));
    const raw = Buffer.from('Subject: FREE MONEY\r\n\r\nx\r\n');
    const result = await rspamdCheck(raw, { url: `${url}/`, from: 'a@b.example', rcpt: ['c@d.example', 'e@f.example'] });
    const last = seen.at(-1)!;
    assert.equal(last.path, '/checkv2');
    assert.deepEqual(last.body, raw);
    assert.equal(last.headers.from, 'a@b.example');
    assert.equal(last.headers.rcpt, 'c@d.example, e@f.example');
    assert.equal(result.score, 6.28);
    assert.equal(result.threshold, 15);
    assert.equal(result.action, 'add header');
    assert.equal(result.isSpam, true);
    assert.deepEqual(result.hits[0], { name: 'HFILTER_HOSTNAME_UNKNOWN', score: 2.5, description: 'Unknown client hostname (PTR or FCrDNS verification failed)' });
  });

  it('says how to start Rspamd when nothing listens, and refuses other schemes', async () => {
    const outcome = await runFilter('rspamd', Buffer.from('x'), undefined, { rspamd: { url: 'http://127.0.0.1:9' } }, 'en');
    assert.ok(!outcome.ok);
    assert.equal(outcome.code, 'unreachable');
    assert.equal(outcome.message, 'Rspamd is not answering at http://127.0.0.1:9');
    assert.match(outcome.help!, /apt install rspamd/);
    await assert.rejects(rspamdCheck(Buffer.from('x'), { url: 'file:///etc/passwd' }), (e: FilterError) => e.code === 'unreachable');
  });

  it('times out, and rejects errors, non-JSON and oversized answers', async () => {
    handler = () => {};
    await assert.rejects(rspamdCheck(Buffer.from('x'), { url, timeoutMs: 300 }), (e: FilterError) => e.code === 'timeout');
    handler = (_req, res) => {
      res.statusCode = 500;
      res.end('{"error":"boom"}');
    };
    await assert.rejects(rspamdCheck(Buffer.from('x'), { url }), (e: FilterError) => e.code === 'protocol' && /HTTP 500/.test(e.message));
    handler = (_req, res) => res.end('<html>proxy</html>');
    await assert.rejects(rspamdCheck(Buffer.from('x'), { url }), (e: FilterError) => e.code === 'protocol');
    handler = (_req, res) => res.end(JSON.stringify({ score: 1, required_score: 15, symbols: Object.fromEntries(Array.from({ length: 70_000 }, (_, i) => [`S${i}`, { score: 0, description: 'x'.repeat(20) }])) }));
    await assert.rejects(rspamdCheck(Buffer.from('x'), { url }), (e: FilterError) => e.code === 'tooLarge');
    await assert.rejects(rspamdCheck(Buffer.alloc(600 * 1024), { url }), (e: FilterError) => e.code === 'tooLarge');
  });
});
