// The SPAMC/1.5 client against a real spamd started on loopback (test/support/spamd.ts), then
// the protocol's edge cases against small loopback servers.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildModel } from '../../src/engine/parse/index';
import { runFilter } from '../../src/filters/run';
import { parseReportTable, parseSpamdAnswer, spamcReport } from '../../src/filters/spamc';
import { FilterError } from '../../src/filters/types';
import { buildMessage } from '../../src/message/build';
import { findSpamd, type RunningSpamd, startSpamd } from '../support/spamd';

const fixtures = join(__dirname, 'fixtures');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const root = join(__dirname, '..', '..');

describe('SpamAssassin: a real spamd --local on loopback', { skip: findSpamd() ? false : 'spamd is not installed (apt-get install spamassassin)' }, () => {
  let spamd: RunningSpamd;
  before(async () => {
    spamd = await startSpamd();
  });
  after(() => spamd?.stop());

  it('scores the spammy draft over the threshold with the rules a reader would expect, each placed on its words', async () => {
    const source = read('spammy.html');
    const message = await buildMessage(source, { fileName: 'spammy.html' });
    const outcome = await runFilter('spamassassin', message.raw, buildModel(source, 'html'), { spamassassin: { host: spamd.host, port: spamd.port } }, 'en');
    assert.ok(outcome.ok, !outcome.ok ? outcome.message : '');
    const { result } = outcome;
    assert.equal(result.filter, 'spamassassin');
    assert.ok(result.isSpam, `score ${result.score}`);
    assert.ok(result.score >= result.threshold);
    assert.equal(result.threshold, 5);
    const byName = new Map(result.hits.map((h) => [h.name, h]));
    for (const name of ['GUARANTEED_100_PERCENT', 'DEAR_FRIEND', 'SUBJ_ALL_CAPS', 'NORMAL_HTTP_TO_IP']) assert.ok(byName.has(name), `${name} in ${[...byName.keys()].join(' ')}`);
    // The points add up to the score (SpamAssassin rounds each to a tenth in the report).
    const sum = result.hits.reduce((s, h) => s + h.score, 0);
    assert.ok(Math.abs(sum - result.score) < 0.1 * result.hits.length, `${sum} vs ${result.score}`);
    assert.match(byName.get('DEAR_FRIEND')!.description, /Dear Friend/);
    const at = (name: string) => {
      const r = byName.get(name)!.range;
      assert.ok(r, `${name} has a place`);
      return source.slice(r.start, r.end);
    };
    assert.equal(at('DEAR_FRIEND'), 'Dear Friend');
    assert.equal(at('GUARANTEED_100_PERCENT'), 'GUARANTEED');
    assert.equal(at('SUBJ_ALL_CAPS'), 'FREE MONEY NOW!!! ACT NOW');
    assert.equal(at('NORMAL_HTTP_TO_IP'), 'http://192.0.2.7/claim');
    assert.equal(at('ACT_NOW_CAPS'), 'ACT NOW', 'a body rule is placed in the body, not the subject');
    assert.ok(source.indexOf('ACT NOW,') === byName.get('ACT_NOW_CAPS')!.range!.start);
    assert.equal(byName.get('NO_RELAYS')?.range, undefined, 'rules about the transport have no place in the draft');
  });

  it('keeps the clean draft under the threshold, and the generated text part matches the HTML (no MPART_ALT_DIFF)', async () => {
    const source = read('clean.html');
    const message = await buildMessage(source, { fileName: 'clean.html' });
    const result = await spamcReport(message.raw, { host: spamd.host, port: spamd.port });
    const names = result.hits.map((h) => h.name);
    assert.equal(result.isSpam, false, names.join(' '));
    assert.ok(result.score < 2, `score ${result.score}: ${names.join(' ')}`);
    assert.ok(names.includes('HTML_MESSAGE'));
    for (const bad of ['MPART_ALT_DIFF', 'MPART_ALT_DIFF_COUNT', 'MIME_HTML_ONLY', 'MISSING_DATE', 'MISSING_MID', 'MISSING_HEADERS']) assert.ok(!names.includes(bad), `${bad} fired`);
  });

  it('without the text part SpamAssassin sees HTML only: MIME_HTML_ONLY, which the builder avoids', async () => {
    const raw = Buffer.from('From: a@greenthumb.example\r\nTo: b@example.org\r\nSubject: Notes\r\nDate: Sat, 05 Dec 2026 10:00:00 +0000\r\nMessage-ID: <x1@greenthumb.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Hello, spring is here and the greenhouse is full.</p></body></html>\r\n');
    const result = await spamcReport(raw, { host: spamd.host, port: spamd.port });
    assert.ok(result.hits.some((h) => h.name === 'MIME_HTML_ONLY'), result.hits.map((h) => h.name).join(' '));
  });

  it('mailproof score prints the verdict, every rule with its points and place, and exits 1 for spam', () => {
    const res = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'score', '--spamd', `${spamd.host}:${spamd.port}`, join('test', 'filters', 'fixtures', 'spammy.html')], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    assert.equal(res.status, 1, res.stderr);
    assert.match(res.stdout, /^SpamAssassin: \d+\.\d points, threshold 5\.0: spam$/m);
    assert.match(res.stdout, /^ +2\.7 +DEAR_FRIEND +BODY: Dear Friend\? .*\(test\/filters\/fixtures\/spammy\.html:8:4\)$/m);
    assert.match(res.stdout, /NO_RELAYS .*\(not found in the draft\)/);
    assert.match(res.stdout, /^Mailproof score: \d+\.\d/m);
    const clean = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'score', '--format', 'json', '--spamd', `${spamd.host}:${spamd.port}`, join('test', 'filters', 'fixtures', 'clean.html')], { cwd: root, encoding: 'utf8' });
    assert.equal(clean.status, 0, clean.stderr);
    const json = JSON.parse(clean.stdout);
    assert.equal(json.filters[0].filter, 'spamassassin');
    assert.equal(json.filters[0].isSpam, false);
    assert.ok(json.filters[0].hits.some((h: { name: string }) => h.name === 'HTML_MESSAGE'));
  });
});

describe('SPAMC client edge cases', () => {
  const servers: Server[] = [];
  after(() => servers.forEach((s) => s.close()));
  async function server(onConnection: (socket: Socket) => void): Promise<number> {
    // spamd reads to the end of the request and answers after the client's half-close.
    const s = createServer({ allowHalfOpen: true }, onConnection);
    servers.push(s);
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    return (s.address() as AddressInfo).port;
  }

  it('says how to start SpamAssassin when nothing listens', async () => {
    const port = await server(() => {});
    servers.pop()!.close();
    await new Promise((r) => setTimeout(r, 50));
    const outcome = await runFilter('spamassassin', Buffer.from('Subject: x\r\n\r\nx\r\n'), undefined, { spamassassin: { host: '127.0.0.1', port } }, 'fr', undefined);
    assert.equal(outcome.ok, false);
    assert.ok(!outcome.ok);
    assert.equal(outcome.code, 'unreachable');
    assert.equal(outcome.message, `SpamAssassin (spamd) ne répond pas sur 127.0.0.1:${port}`);
    assert.match(outcome.help!, /apt install spamassassin/);
  });

  it('gives up on a server that never answers, after the timeout', async () => {
    const port = await server((socket) => socket.on('data', () => {}));
    const started = Date.now();
    await assert.rejects(spamcReport(Buffer.from('x'), { host: '127.0.0.1', port, timeoutMs: 300 }), (e: FilterError) => e.code === 'timeout');
    assert.ok(Date.now() - started < 5000);
  });

  it('refuses a message over the size cap before connecting', async () => {
    await assert.rejects(spamcReport(Buffer.alloc(600 * 1024, 0x61), { host: '127.0.0.1', port: 9 }), (e: FilterError) => e.code === 'tooLarge' && /600 KB/.test(e.message));
  });

  it('stops reading an endless answer', async () => {
    const port = await server((socket) => {
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (socket.write(chunk));
      };
      socket.on('drain', pump);
      socket.on('error', () => {});
      pump();
    });
    await assert.rejects(spamcReport(Buffer.from('x'), { host: '127.0.0.1', port, timeoutMs: 10_000 }), (e: FilterError) => e.code === 'tooLarge');
  });

  it('reports spamd error answers and non-spamd servers as protocol errors', async () => {
    assert.throws(() => parseSpamdAnswer('SPAMD/1.0 76 Bad header line: xx\r\n'), /Bad header line/);
    assert.throws(() => parseSpamdAnswer('HTTP/1.1 400 Bad Request\r\n\r\n'), (e: FilterError) => e.code === 'protocol');
    assert.throws(() => parseSpamdAnswer('SPAMD/1.1 0 EX_OK\r\nContent-length: 3\r\n\r\nabc'), /without a Spam header/);
    const port = await server((socket) => socket.end('220 smtp.example ESMTP\r\n'));
    await assert.rejects(spamcReport(Buffer.from('x'), { host: '127.0.0.1', port }), (e: FilterError) => e.code === 'protocol');
  });

  it('joins descriptions wrapped over several lines and reads negative points', () => {
    const hits = parseReportTable(
      [
        'Content analysis details:   (-0.9 points, 5.0 required)',
        '',
        ' pts rule name              description',
        '---- ---------------------- --------------------------------------------------',
        '-1.9 BAYES_00               BODY: Bayes spam probability is 0 to 1%',
        '                            [score: 0.0000]',
        ' 1.0 VERY_LONG_RULE_NAME_THAT_PUSHES_IT Something',
        '',
      ].join('\n'),
    );
    assert.deepEqual(hits, [
      { score: -1.9, name: 'BAYES_00', description: 'BODY: Bayes spam probability is 0 to 1% [score: 0.0000]' },
      { score: 1, name: 'VERY_LONG_RULE_NAME_THAT_PUSHES_IT', description: 'Something' },
    ]);
  });
});
