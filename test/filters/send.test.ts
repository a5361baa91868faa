// The test send through a real SMTP server on loopback (smtp-server with the certificates of
// test/fixtures-certs): the bytes the server receives are the built message, DKIM-verifiable.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { buildMessage } from '../../src/message/build';
import { queueIdOf, SendError, sendMessage } from '../../src/message/send';

const certs = join(__dirname, '..', 'fixtures-certs');
const pem = (name: string) => readFileSync(join(certs, name), 'utf8');
const CA = pem('ca.pem');
const root = join(__dirname, '..', '..');
const PASSWORD = 'correct horse battery staple';

interface Received {
  from: string;
  to: string[];
  bytes: Buffer;
  user?: string;
  secure: boolean;
}

async function smtpServer(options: SMTPServerOptions, received: Received[]) {
  const server = new SMTPServer({
    logger: false,
    disableReverseLookup: true,
    key: pem('server-key.pem'),
    cert: pem('localhost.pem'),
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, cb) {
      if (auth.username === 'news' && auth.password === PASSWORD) cb(null, { user: 'news' });
      else cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), bytes: Buffer.concat(chunks), user: session.user as string | undefined, secure: session.secure });
        cb(null, 'Ok: queued as 4F2A19C3B7');
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.on('error', () => {});
  return { port: (server.server.address() as AddressInfo).port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('test send through a real SMTP server on loopback', () => {
  const received: Received[] = [];
  let starttls: { port: number; close(): Promise<void> };
  let implicit: { port: number; close(): Promise<void> };
  let plain: { port: number; close(): Promise<void> };
  before(async () => {
    starttls = await smtpServer({}, received);
    implicit = await smtpServer({ secure: true }, received);
    plain = await smtpServer({ disabledCommands: ['STARTTLS'], authOptional: true }, received);
  });
  after(async () => {
    await Promise.all([starttls.close(), implicit.close(), plain.close()]);
  });

  it('STARTTLS with login: the server receives exactly the built, DKIM-signed message, and its reply and queue id come back', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const source = readFileSync(join(__dirname, 'fixtures', 'clean.html'), 'utf8');
    const message = await buildMessage(source, { fileName: 'clean.html', dkim: { domainName: 'greenthumb.example', keySelector: 'test', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() } });
    received.length = 0;
    const result = await sendMessage(message.raw, { host: 'localhost', port: starttls.port, security: 'starttls', user: 'news', pass: PASSWORD, from: 'journal@greenthumb.example', to: ['me@example.org'], ca: CA });
    assert.equal(result.response, '250 Ok: queued as 4F2A19C3B7');
    assert.equal(result.queueId, '4F2A19C3B7');
    assert.deepEqual(result.accepted, ['me@example.org']);
    assert.equal(received.length, 1);
    const got = received[0];
    assert.equal(got.user, 'news');
    assert.equal(got.secure, true);
    assert.equal(got.from, 'journal@greenthumb.example');
    assert.deepEqual(got.to, ['me@example.org'], 'only the typed recipient, not the draft’s To');
    // SMTP ends the data with CRLF before the final dot: the only byte difference allowed.
    const sent = message.raw.toString('latin1');
    assert.equal(got.bytes.toString('latin1').replace(/\r\n$/, ''), sent.replace(/\r\n$/, ''));
    const p = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const verified = await dkimVerify(got.bytes, { resolver: async (name: string) => (name === 'test._domainkey.greenthumb.example' ? [[`v=DKIM1; k=rsa; p=${p}`]] : []) } as never);
    assert.equal(verified.results[0].status.result, 'pass');
  });

  it('implicit TLS (465-style) checks the certificate: the test CA is trusted, an unknown CA is refused', async () => {
    const raw = Buffer.from('From: a@b.example\r\nTo: c@d.example\r\nSubject: t\r\n\r\nhi\r\n');
    const ok = await sendMessage(raw, { host: 'localhost', port: implicit.port, security: 'ssl', user: 'news', pass: PASSWORD, from: 'a@b.example', to: ['c@d.example'], ca: CA });
    assert.equal(ok.queueId, '4F2A19C3B7');
    await assert.rejects(sendMessage(raw, { host: 'localhost', port: implicit.port, security: 'ssl', user: 'news', pass: PASSWORD, from: 'a@b.example', to: ['c@d.example'] }), (e: SendError) => e.code === 'tls');
  });

  it('never sends a password without TLS, and reports a wrong password as a refused login', async () => {
    const raw = Buffer.from('From: a@b.example\r\n\r\nhi\r\n');
    await assert.rejects(sendMessage(raw, { host: 'localhost', port: plain.port, security: 'none', user: 'news', pass: PASSWORD, from: 'a@b.example', to: ['c@d.example'] }), (e: SendError) => e.code === 'noTls');
    await assert.rejects(sendMessage(raw, { host: 'localhost', port: starttls.port, security: 'starttls', user: 'news', pass: 'wrong', from: 'a@b.example', to: ['c@d.example'], ca: CA }), (e: SendError) => e.code === 'auth');
    // STARTTLS required but not offered: refused before anything is sent.
    await assert.rejects(sendMessage(raw, { host: 'localhost', port: plain.port, security: 'starttls', from: 'a@b.example', to: ['c@d.example'] }), (e: SendError) => e instanceof SendError);
  });

  it('mailproof send takes the password from the environment, never an argument, and prints the reply and queue id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailproof-send-'));
    try {
      const caFile = join(dir, 'ca.pem');
      writeFileSync(caFile, CA);
      received.length = 0;
      const run = (args: string[], env: NodeJS.ProcessEnv, stdin?: string) =>
        new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
          const child = spawn(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { cwd: root, env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile, LANG: 'C', ...env } });
          let out = '';
          let err = '';
          child.stdout.on('data', (d) => (out += d));
          child.stderr.on('data', (d) => (err += d));
          child.on('close', (code) => resolve({ code, out, err }));
          child.stdin.end(stdin ?? '');
        });
      const draft = join('test', 'filters', 'fixtures', 'clean.html');
      const sent = await run(['send', '--to', 'me@example.org', '--smtp', `localhost:${starttls.port}`, '--smtp-security', 'starttls', '--user', 'news', draft], { MAILPROOF_SMTP_PASSWORD: PASSWORD });
      assert.equal(sent.code, 0, sent.err);
      assert.match(sent.out, /^Sent to me@example\.org\. Server reply: 250 Ok: queued as 4F2A19C3B7$/m);
      assert.match(sent.out, /^Queue id: 4F2A19C3B7$/m);
      assert.deepEqual(received.at(-1)!.to, ['me@example.org']);
      assert.match(received.at(-1)!.bytes.toString(), /^To: reader@example\.org$/m, 'the message keeps the draft’s To header');
      const piped = await run(['send', '--to', 'me@example.org', '--smtp', `localhost:${starttls.port}`, '--user', 'news', '--password-stdin', draft], { MAILPROOF_SMTP_PASSWORD: '' }, `${PASSWORD}\n`);
      assert.equal(piped.code, 0, piped.err);
      const noPass = await run(['send', '--to', 'me@example.org', '--smtp', `localhost:${starttls.port}`, '--user', 'news', draft], { MAILPROOF_SMTP_PASSWORD: '' });
      assert.equal(noPass.code, 2);
      assert.match(noPass.err, /--user needs a password/);
      const asArg = await run(['send', '--to', 'me@example.org', '--smtp', `localhost:${starttls.port}`, '--password', PASSWORD, draft], {});
      assert.equal(asArg.code, 2);
      assert.match(asArg.err, /unknown option “--password”/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads queue ids from the common servers’ replies', () => {
    assert.equal(queueIdOf('250 2.0.0 Ok: queued as 4dB6Yq0kKLz9v'), '4dB6Yq0kKLz9v');
    assert.equal(queueIdOf('250 OK id=1vXyZa-000Abc-3Q'), '1vXyZa-000Abc-3Q');
    assert.equal(queueIdOf('250 2.0.0 5B1J0xYZ012345 Message accepted for delivery'), '5B1J0xYZ012345');
    assert.equal(queueIdOf('250 Great success'), undefined);
  });
});
