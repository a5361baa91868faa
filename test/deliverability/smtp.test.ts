// The `smtp` check against real servers on loopback: `smtp-server` (implicit TLS, STARTTLS, plain)
// with the certificates of test/fixtures-certs, and raw TCP servers for broken behaviours.
// Every server listens on an ephemeral port; the ones on 465/587 need privileges and skip without.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { checkSmtp } from '../../src/deliverability/checks/smtp';
import { smtpMessages } from '../../src/deliverability/checks/smtp-messages';
import type { CheckResult, SmtpTarget } from '../../src/deliverability/types';

const certs = join(__dirname, '..', 'fixtures-certs');
const pem = (name: string) => readFileSync(join(certs, name), 'utf8');
const KEY = pem('server-key.pem');
const CA = pem('ca.pem');
const GOOD = pem('localhost.pem');

// Generous, for loaded CI machines: only the cases with a silent server wait for it (half of it,
// before trying TLS on the silence; all of it for a server that never answers).
const BUDGET_MS = 8000;
// A hang guard: a check that never returns fails its test instead of stalling the runner.
const GUARD = { timeout: 20_000 };
const PASSWORD = 'correct horse battery staple';

interface Running {
  port: number;
  close(): Promise<void>;
}

/**
 * An smtp-server on 127.0.0.1; `port` 0 picks a free one. Its `close()` waits 30 s for open
 * sessions, longer than the hang guard: a probe that leaves a socket open fails its test.
 */
async function smtpServer(options: SMTPServerOptions, port = 0): Promise<Running> {
  const server = new SMTPServer({ logger: false, disableReverseLookup: true, key: KEY, cert: GOOD, ...options });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  // The probe hangs up in odd places on purpose; the server reports that as an 'error' event.
  server.on('error', () => {});
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A raw TCP server scripted by `onSocket`, for servers that misbehave. Its `close()` waits for the
 * client to hang up: a probe that leaves a socket open fails its test by the hang guard.
 */
async function rawServer(onSocket: (socket: Socket) => void): Promise<Running> {
  const server = createServer((socket) => {
    socket.on('error', () => {});
    // Read whatever comes, so that the client's hang-up is seen.
    socket.resume();
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** AUTH only after TLS, the way a well-configured submission server does it. */
const authAfterTls: SMTPServerOptions = {
  onConnect(session, callback) {
    session.disabledCommands = ['AUTH'];
    callback();
  },
  onSecure(_socket, session, callback) {
    session.disabledCommands = [];
    callback();
  },
};

/** Accepts alice with PASSWORD; a refusal echoes the password back, as a careless server might. */
const aliceOnly: SMTPServerOptions['onAuth'] = (auth, _session, callback) => {
  if (auth.username === 'alice' && auth.password === PASSWORD) callback(null, { user: 'alice' });
  else callback(new Error(`Invalid password ${auth.password}`));
};

async function check(server: Running, target: Partial<SmtpTarget>, ctx: Partial<Parameters<typeof checkSmtp>[1]> = {}): Promise<CheckResult> {
  try {
    return await checkSmtp({ host: '127.0.0.1', port: server.port, security: 'starttls', ca: CA, ...target }, { locale: 'en', timeoutMs: BUDGET_MS, ...ctx });
  } finally {
    await server.close();
  }
}

const codes = (r: CheckResult) => r.problems.map((p) => p.code);
const problem = (r: CheckResult, code: string) => {
  const p = r.problems.find((x) => x.code === code);
  assert.ok(p, `expected ${code} in ${JSON.stringify(r.problems)}`);
  return p;
};
const record = (r: CheckResult, prefix: string) => r.records.find((x) => x.startsWith(prefix));

/** Binds a privileged port if this machine lets us, else undefined (the test then skips). */
async function onPort(port: number, options: SMTPServerOptions): Promise<Running | undefined> {
  try {
    return await smtpServer(options, port);
  } catch {
    return undefined;
  }
}

describe('smtp check', { concurrency: true }, () => {
  after(async () => {
    // Every socket the probes opened is gone once all servers closed. Closed handles leave the
    // list a few event-loop turns later, so look again for a bounded number of turns.
    const tcp = () => process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP'));
    for (let turn = 0; turn < 100 && tcp().length > 0; turn++) await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(tcp(), []);
  });

  it('passes implicit TLS with a certificate from a trusted CA, and records the session', GUARD, async () => {
    const server = await smtpServer({ secure: true, banner: 'mail.test ready' });
    const r = await check(server, { host: 'localhost', security: 'ssl' });
    assert.equal(r.status, 'pass', JSON.stringify(r));
    assert.deepEqual(r.problems, []);
    assert.match(r.summary, /^localhost:\d+ answers over implicit TLS \(SSL\) \(TLSv1\.[23]\) with a valid certificate$/);
    assert.match(record(r, 'Banner: ') ?? '', /^Banner: 220 .*mail\.test ready/);
    assert.match(record(r, 'TLS: ') ?? '', /^TLS: TLSv1\.[23], \w+/);
    assert.equal(record(r, 'Certificate: '), 'Certificate: subject CN=localhost; issuer CN=Mailproof Test CA; valid from 2024-01-01 to 2124-01-01; names DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    assert.ok(record(r, 'EHLO: '));
    assert.equal(r.id, 'smtp');
    assert.equal(typeof r.durationMs, 'number');
  });

  it('passes STARTTLS, with EHLO read again after TLS', GUARD, async () => {
    const server = await smtpServer({ ...authAfterTls });
    const r = await check(server, { security: 'starttls' });
    assert.equal(r.status, 'pass', JSON.stringify(r));
    assert.match(r.summary, /answers over STARTTLS \(TLSv1\.[23]\) with a valid certificate$/);
    assert.match(record(r, 'STARTTLS: ') ?? '', /^STARTTLS: 220 /);
    const before = record(r, 'EHLO: ') ?? '';
    const afterTls = record(r, 'EHLO after TLS: ') ?? '';
    assert.match(before, /STARTTLS/);
    assert.doesNotMatch(before, /AUTH/);
    assert.match(afterTls, /AUTH LOGIN PLAIN|AUTH PLAIN LOGIN/);
    assert.doesNotMatch(afterTls, /STARTTLS/);
  });

  it('reports a plain SMTP server configured as SSL, then checks it through STARTTLS', GUARD, async () => {
    const server = await smtpServer({ ...authAfterTls });
    const r = await check(server, { security: 'ssl' });
    assert.equal(r.status, 'fail');
    const p = problem(r, 'smtp-tls-mismatch');
    assert.equal(p.severity, 'error');
    assert.equal(p.message, `127.0.0.1:${server.port} speaks plain SMTP, but the security is set to SSL/TLS`);
    assert.equal(p.fix, 'Use port 465 with SSL/TLS, or port 587 with STARTTLS');
    assert.deepEqual(codes(r), ['smtp-tls-mismatch']);
    assert.ok(record(r, 'Certificate: '), 'the certificate was still read through STARTTLS');
  });

  it('reports STARTTLS configured against an implicit-TLS server (the port 465 mistake)', GUARD, async () => {
    const server = await smtpServer({ secure: true });
    const r = await check(server, { security: 'starttls' });
    assert.equal(r.status, 'fail');
    assert.deepEqual(codes(r), ['smtp-tls-mismatch']);
    assert.equal(r.summary, `127.0.0.1:${server.port} expects TLS from the first byte (implicit TLS), but the security is set to STARTTLS`);
    assert.match(record(r, 'Banner: ') ?? '', /^Banner: 220 /);
  });

  it('says it in French', GUARD, async () => {
    const server = await smtpServer({ secure: true });
    const r = await check(server, { security: 'none' }, { locale: 'fr' });
    const p = problem(r, 'smtp-tls-mismatch');
    assert.equal(p.message, `127.0.0.1:${server.port} attend du TLS dès le premier octet (TLS implicite), mais la sécurité est réglée sur aucune`);
    assert.equal(p.fix, 'Utilisez le port 465 avec SSL/TLS, ou le port 587 avec STARTTLS');
    assert.ok(record(r, 'Certificat : sujet CN=localhost'));
  });

  it('reports a self-signed certificate', GUARD, async () => {
    const server = await smtpServer({ secure: true, cert: pem('self-signed.pem') });
    const r = await check(server, { security: 'ssl' });
    assert.equal(r.status, 'fail');
    assert.deepEqual(codes(r), ['smtp-cert-invalid']);
    assert.equal(r.problems[0]!.message, `The certificate of 127.0.0.1:${server.port} is self-signed (CN=localhost)`);
  });

  it('reports a certificate from an authority the client does not trust', GUARD, async () => {
    const server = await smtpServer({ secure: true });
    const r = await check(server, { security: 'ssl', ca: undefined });
    assert.deepEqual(codes(r), ['smtp-cert-invalid']);
    assert.equal(r.problems[0]!.message, `The certificate of 127.0.0.1:${server.port} does not chain to a trusted authority (issuer CN=Mailproof Test CA)`);
  });

  it('reports a certificate for another host name', GUARD, async () => {
    const server = await smtpServer({ ...authAfterTls, cert: pem('wrong-name.pem') });
    const r = await check(server, { host: 'localhost', security: 'starttls' });
    assert.deepEqual(codes(r), ['smtp-cert-invalid']);
    assert.equal(r.problems[0]!.message, `The certificate of localhost:${server.port} does not cover localhost (it names DNS:mail.wrong.example)`);
    assert.equal(r.problems[0]!.fix, 'Connect to a name the certificate covers, or get a certificate that includes localhost');
  });

  it('reports an expired certificate with its date', GUARD, async () => {
    const server = await smtpServer({ secure: true, cert: pem('expired.pem') });
    const r = await check(server, { security: 'ssl' });
    assert.deepEqual(codes(r), ['smtp-cert-invalid']);
    assert.equal(r.problems[0]!.message, `The certificate of 127.0.0.1:${server.port} expired on 2001-01-01`);
  });

  it('says so when the server speaks only TLS 1.0/1.1 (RFC 8996), with implicit TLS and STARTTLS', GUARD, async () => {
    const server = await smtpServer({ secure: true, minVersion: 'TLSv1', maxVersion: 'TLSv1.1' });
    const r = await check(server, { security: 'ssl' }, { timeoutMs: 2000 });
    assert.equal(r.status, 'fail');
    assert.deepEqual(codes(r), ['smtp-tls-handshake']);
    assert.match(r.summary, new RegExp(`^127\\.0\\.0\\.1:${server.port} offers only TLS 1\\.1 or older, which current clients refuse \\(.+\\)$`));
    assert.match(r.problems[0]!.fix!, /TLS 1\.0 and 1\.1 are deprecated \(RFC 8996\)/);
    const starttls = await smtpServer({ minVersion: 'TLSv1', maxVersion: 'TLSv1.1' });
    const s = await check(starttls, { security: 'starttls' }, { timeoutMs: 2000 });
    assert.deepEqual(codes(s), ['smtp-tls-handshake']);
    assert.match(s.problems[0]!.message, /offers only TLS 1\.1 or older/);
  });

  it('reports AUTH offered on a server without any TLS', GUARD, async () => {
    const server = await smtpServer({ disabledCommands: ['STARTTLS'], allowInsecureAuth: true });
    const r = await check(server, { security: 'starttls' });
    assert.equal(r.status, 'fail');
    assert.deepEqual(codes(r).sort(), ['smtp-auth-without-tls', 'smtp-no-tls']);
    const p = problem(r, 'smtp-auth-without-tls');
    assert.equal(p.severity, 'error');
    assert.equal(p.message, `127.0.0.1:${server.port} offers login (LOGIN PLAIN) on an unencrypted connection, so passwords travel in clear`);
  });

  it('warns about AUTH advertised before STARTTLS', GUARD, async () => {
    const server = await smtpServer({});
    const r = await check(server, { security: 'starttls' });
    assert.equal(r.status, 'warn');
    assert.deepEqual(codes(r), ['smtp-auth-without-tls']);
    assert.equal(r.problems[0]!.severity, 'warning');
  });

  it('reports a server that offers no STARTTLS', GUARD, async () => {
    const server = await smtpServer({ disabledCommands: ['STARTTLS', 'AUTH'] });
    const r = await check(server, { security: 'starttls' });
    assert.equal(r.status, 'fail');
    assert.deepEqual(codes(r), ['smtp-no-tls']);
    assert.equal(r.summary, `127.0.0.1:${server.port} offers no encryption (no STARTTLS in its EHLO reply)`);
  });

  it('warns when security is none although the server offers STARTTLS', GUARD, async () => {
    const server = await smtpServer({ ...authAfterTls });
    const r = await check(server, { security: 'none' });
    assert.equal(r.status, 'warn');
    assert.deepEqual(codes(r), ['smtp-tls-mismatch']);
    assert.equal(r.problems[0]!.fix, 'Set the security to STARTTLS');
  });

  it('reports a closed port as refused', GUARD, async () => {
    const server = await rawServer(() => {});
    await server.close();
    const r = await checkSmtp({ host: '127.0.0.1', port: server.port, security: 'ssl' }, { locale: 'en', timeoutMs: BUDGET_MS });
    assert.equal(r.status, 'error');
    assert.deepEqual(codes(r), ['smtp-unreachable']);
    assert.equal(r.summary, `127.0.0.1:${server.port} refused the connection (nothing listens on port ${server.port})`);
  });

  it('gives up on a server that accepts TCP but never greets, within its budget', GUARD, async () => {
    let connections = 0;
    const server = await rawServer(() => connections++);
    const r = await check(server, { security: 'starttls' }, { timeoutMs: 1500 });
    assert.equal(r.status, 'error');
    assert.deepEqual(codes(r), ['smtp-unreachable']);
    assert.equal(r.summary, `127.0.0.1:${server.port} accepted the connection but sent nothing within 1.5 s`);
    assert.equal(connections, 1);
  });

  it('reports a server that hangs up in the middle of the dialogue', GUARD, async () => {
    const server = await rawServer((socket) => {
      socket.write('220 flaky.test ESMTP\r\n');
      socket.once('data', () => socket.destroy());
    });
    const r = await check(server, {});
    assert.equal(r.status, 'error');
    assert.deepEqual(codes(r), ['smtp-protocol']);
    assert.equal(r.summary, `127.0.0.1:${server.port} closed the connection after EHLO`);
    assert.deepEqual(r.records, ['Connected to 127.0.0.1', 'Banner: 220 flaky.test ESMTP']);
  });

  it('reads multi-line greetings and falls back to HELO for servers without EHLO', GUARD, async () => {
    const server = await rawServer((socket) => {
      socket.write('220-old.test first line\r\n220 old.test second line\r\n');
      socket.on('data', (chunk) => {
        const line = chunk.toString();
        if (line.startsWith('EHLO')) socket.write('502 command not implemented\r\n');
        else if (line.startsWith('HELO')) socket.write('250 old.test\r\n');
        else socket.end('221 bye\r\n');
      });
    });
    const r = await check(server, {});
    assert.deepEqual(r.records, ['Connected to 127.0.0.1', 'Banner: 220 old.test first line / old.test second line', 'HELO (EHLO refused): 250 old.test']);
    assert.deepEqual(codes(r), ['smtp-no-tls']);
    assert.equal(r.summary, `127.0.0.1:${server.port} does not support EHLO, so it cannot offer STARTTLS`);
  });

  it('reports a greeting that turns the client away', GUARD, async () => {
    const server = await rawServer((socket) => socket.end('554 no service for you\r\n'));
    const r = await check(server, {});
    assert.equal(r.status, 'error');
    assert.equal(r.summary, `127.0.0.1:${server.port} turned the session away in its greeting (554 no service for you)`);
  });

  it('reports a service that is not SMTP, and shows its text without control characters', GUARD, async () => {
    const server = await rawServer((socket) => socket.write('SSH-2.0-OpenSSH_9.2\u001b[31m\u202e\r\n'));
    const r = await check(server, {});
    assert.equal(r.status, 'error');
    assert.equal(r.summary, `127.0.0.1:${server.port} does not speak SMTP (it sent “SSH-2.0-OpenSSH_9.2[31m”)`);
  });

  it('stops reading an endless line', GUARD, async () => {
    const server = await rawServer((socket) => socket.write(`220 ${'x'.repeat(100_000)}`));
    const r = await check(server, {});
    assert.equal(r.status, 'error');
    assert.deepEqual(codes(r), ['smtp-protocol']);
    assert.ok(r.summary.length < 400);
  });

  it('logs in with stored credentials over TLS and never shows the password', GUARD, async () => {
    const server = await smtpServer({ ...authAfterTls, onAuth: aliceOnly });
    const r = await check(server, { auth: { user: 'alice', pass: PASSWORD } });
    assert.equal(r.status, 'pass', JSON.stringify(r));
    assert.match(r.summary, /and the login test succeeded$/);
    assert.match(record(r, 'AUTH PLAIN: ') ?? '', /^AUTH PLAIN: 235 /);
    assert.ok(!JSON.stringify(r).includes(PASSWORD));
  });

  it('reports refused credentials (AUTH LOGIN) without echoing the password', GUARD, async () => {
    const server = await smtpServer({ ...authAfterTls, authMethods: ['LOGIN'], onAuth: aliceOnly });
    const wrong = 'hunter2-wrong';
    const r = await check(server, { auth: { user: 'alice', pass: wrong } });
    assert.equal(r.status, 'fail');
    assert.deepEqual(codes(r), ['smtp-auth-failed']);
    assert.match(r.summary, /^The login test for alice was rejected \(535 .*\*\*\*/);
    const json = JSON.stringify(r);
    assert.ok(!json.includes(wrong));
    assert.ok(!json.includes(Buffer.from(wrong).toString('base64')));
  });

  it('hides even a one-letter password without mangling its own sentences', GUARD, async () => {
    const server = await smtpServer({ ...authAfterTls, onAuth: aliceOnly });
    const r = await check(server, { auth: { user: 'alice', pass: 'o' } });
    assert.deepEqual(codes(r), ['smtp-auth-failed']);
    assert.match(r.summary, /^The login test for alice was rejected \(535 Invalid passw\*\*\*rd \*\*\*\)$/);
    assert.equal(r.problems[0]!.fix, 'Check the user name and the password stored for this server');
  });

  it('never sends credentials without TLS', GUARD, async () => {
    let attempts = 0;
    const server = await smtpServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth: (_auth, _session, callback) => {
        attempts++;
        callback(new Error('no'));
      },
    });
    const r = await check(server, { auth: { user: 'alice', pass: PASSWORD } });
    assert.equal(attempts, 0);
    assert.equal(problem(r, 'smtp-auth-not-tested').severity, 'info');
    assert.ok(!JSON.stringify(r).includes(PASSWORD));
  });

  it('never sends credentials to a server whose certificate is not trusted', GUARD, async () => {
    let attempts = 0;
    const server = await smtpServer({
      ...authAfterTls,
      cert: pem('self-signed.pem'),
      onAuth: (_auth, _session, callback) => {
        attempts++;
        callback(new Error('no'));
      },
    });
    const r = await check(server, { auth: { user: 'alice', pass: PASSWORD } });
    assert.equal(attempts, 0);
    assert.ok(codes(r).includes('smtp-cert-invalid'));
    assert.equal(problem(r, 'smtp-auth-not-tested').severity, 'warning');
    assert.ok(!JSON.stringify(r).includes(PASSWORD));
  });

  it('stops when the caller aborts, and closes its connection', GUARD, async () => {
    const controller = new AbortController();
    let serverSide: Promise<void> | undefined;
    const server = await rawServer((socket) => {
      serverSide = new Promise((resolve) => socket.once('close', () => resolve()));
      controller.abort();
    });
    const r = await check(server, {}, { signal: controller.signal, timeoutMs: 60_000 });
    assert.equal(r.status, 'skipped');
    assert.equal(r.summary, 'SMTP check cancelled');
    assert.ok(serverSide);
    await serverSide;
  });

  it('does nothing with an already aborted signal', GUARD, async () => {
    let connections = 0;
    const server = await rawServer(() => connections++);
    const r = await check(server, {}, { signal: AbortSignal.abort() });
    assert.equal(r.status, 'skipped');
    assert.equal(connections, 0);
  });

  it('rejects an invalid port or host without connecting', GUARD, async () => {
    for (const target of [{ host: '127.0.0.1', port: 70000 }, { host: '  ', port: 587 }]) {
      const r = await checkSmtp({ ...target, security: 'starttls' }, { locale: 'en', timeoutMs: BUDGET_MS });
      assert.equal(r.status, 'error');
      assert.deepEqual(codes(r), ['smtp-unreachable']);
    }
  });

  it('warns about plain SMTP on port 465 (needs a privileged port)', GUARD, async (t) => {
    const server = await onPort(465, { ...authAfterTls });
    if (!server) return t.skip('cannot listen on 127.0.0.1:465 here');
    const r = await check(server, { security: 'starttls' });
    assert.equal(r.status, 'warn');
    assert.deepEqual(codes(r), ['smtp-tls-mismatch']);
    assert.equal(r.summary, '127.0.0.1:465 speaks plain SMTP on port 465, which is reserved for implicit TLS (RFC 8314)');
  });

  it('warns about implicit TLS on port 587 (needs a privileged port)', GUARD, async (t) => {
    const server = await onPort(587, { secure: true });
    if (!server) return t.skip('cannot listen on 127.0.0.1:587 here');
    const r = await check(server, { security: 'ssl' });
    assert.equal(r.status, 'warn');
    assert.deepEqual(codes(r), ['smtp-tls-mismatch']);
    assert.equal(r.summary, '127.0.0.1:587 uses implicit TLS on port 587, where clients expect STARTTLS (RFC 6409, RFC 8314)');
  });
});

describe('smtp messages', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('has the same keys and placeholders in English and French', () => {
    assert.deepEqual(Object.keys(smtpMessages.fr).sort(), Object.keys(smtpMessages.en).sort());
    for (const [key, text] of Object.entries(smtpMessages.en)) {
      assert.deepEqual(placeholders(smtpMessages.fr[key as keyof typeof smtpMessages.fr]), placeholders(text), key);
    }
  });

  it('writes one sentence without a trailing period or prefix', () => {
    for (const catalogue of [smtpMessages.en, smtpMessages.fr]) {
      for (const [key, text] of Object.entries(catalogue)) {
        assert.doesNotMatch(text, /[.!]$|^(Error|Erreur)\b/, key);
        assert.equal(text.trim(), text, key);
      }
    }
  });
});
