import { isIP, connect as tcpConnect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { StringDecoder } from 'node:string_decoder';
import { checkServerIdentity, createSecureContext, connect as tlsConnect, rootCertificates, type ConnectionOptions, type PeerCertificate, type SecureContext, type TLSSocket } from 'node:tls';
import { domainToASCII } from 'node:url';
import type { CheckResult, Problem, ProblemSeverity, SmtpSecurity, SmtpTarget } from '../types';
import { smtpMessages, type SmtpMessageKey } from './smtp-messages';

// Ports by role. RFC 8314 §3.3 and §7: 465 ("submissions") is message submission over implicit
// TLS. RFC 6409 §3.1: 587 is message submission, secured with STARTTLS (RFC 3207). RFC 5321: 25 is
// relay between servers, often blocked for end users (M3AAWG "Managing Port 25", 2005).
const SUBMISSIONS_PORT = 465;
const SUBMISSION_PORT = 587;
const RELAY_PORT = 25;

// RFC 5321 §3.1: a plain SMTP server speaks first (its 220 greeting); an implicit-TLS server
// (RFC 8314 §3.3) waits for the client's TLS handshake. After this much silence, or half the
// budget if less, the probe tries TLS on the same connection to tell them apart. Not on port 25:
// greeting delays are a spam defence there (Postfix postscreen, sendmail greet_pause) and talking
// first is punished; RFC 5321 §4.5.3.2.1 lets a greeting take up to 5 minutes.
const GREETING_SILENCE_MS = 5000;
// RFC 5321 §4.1.1.10: the server answers QUIT with 221 and closes; wait that long at most.
const QUIT_WAIT_MS = 1000;
// RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets. Allow more, but bounded, so a hostile
// server cannot fill memory with one endless line or reply.
const MAX_LINE_CHARS = 4096;
const MAX_REPLY_LINES = 100;
// Server-provided text shown to the user (banner, replies) is cut to this length.
const MAX_SHOWN_CHARS = 300;

type Locale = 'en' | 'fr';
type Params = Record<string, string | number>;
type Phase = 'connect' | 'greeting' | 'command';

interface Reply {
  code: number;
  lines: string[];
}

/** The run was stopped: the time budget ran out or the caller aborted. */
class StopError extends Error {
  constructor(readonly reason: 'timeout' | 'cancelled') {
    super(reason);
  }
}
/** The TCP connection could not be opened (refused, DNS failure, unreachable network). */
class ConnectError extends Error {
  constructor(readonly code: string, readonly syscall: string | undefined) {
    super(code);
  }
}
/** The server closed the connection (or reset it) while a reply was awaited. */
class ClosedError extends Error {}
/** The TLS handshake failed (not a certificate problem: certificates are judged afterwards). */
class HandshakeError extends Error {}
/** The server stayed silent, and did not answer a TLS handshake either. */
class SilentError extends Error {
  constructor(readonly waitedMs: number) {
    super('silent');
  }
}
/** The server broke the SMTP dialogue; carries the message to show. */
class DialogueError extends Error {
  constructor(readonly key: SmtpMessageKey, readonly params: Params) {
    super(key);
  }
}

/**
 * Deadline, cancellation and socket ownership of one check: when the budget runs out or the
 * caller aborts, every socket is destroyed and every pending wait rejects with a StopError.
 */
class Run {
  private readonly sockets = new Set<Socket>();
  private readonly waiters = new Set<() => void>();
  private readonly timer: ReturnType<typeof setTimeout>;
  private readonly deadline: number;
  private readonly onAbort = () => this.stop('cancelled');
  stopped?: StopError;

  constructor(readonly budgetMs: number, private readonly signal: AbortSignal | undefined) {
    this.deadline = performance.now() + budgetMs;
    this.timer = setTimeout(() => this.stop('timeout'), budgetMs);
    if (signal?.aborted) this.stop('cancelled');
    else signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  remainingMs(): number {
    return Math.max(0, this.deadline - performance.now());
  }

  /** Owns the socket: it is destroyed when the run stops or ends, and its errors never go unhandled. */
  track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => {});
    socket.once('close', () => this.sockets.delete(socket));
    if (this.stopped) socket.destroy();
  }

  /**
   * A promise settled by `setup` (which returns its clean-up) or rejected when the run stops,
   * whichever comes first.
   */
  wait<T>(setup: (resolve: (value: T) => void, reject: (err: unknown) => void) => () => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.stopped) return reject(this.stopped);
      let settled = false;
      let cleanup: (() => void) | undefined;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        this.waiters.delete(onStop);
        cleanup?.();
        fn();
      };
      const onStop = () => finish(() => reject(this.stopped));
      this.waiters.add(onStop);
      const undo = setup(
        (value) => finish(() => resolve(value)),
        (err) => finish(() => reject(err)),
      );
      if (settled) undo();
      else cleanup = undo;
    });
  }

  stop(reason: 'timeout' | 'cancelled'): void {
    if (this.stopped) return;
    this.stopped = new StopError(reason);
    for (const s of this.sockets) s.destroy();
    for (const w of [...this.waiters]) w();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this.onAbort);
    for (const s of this.sockets) s.destroy();
  }
}

/** Opens a TCP connection owned by the run. */
function openTcp(run: Run, host: string, port: number): Promise<Socket> {
  return run.wait<Socket>((resolve, reject) => {
    const socket = tcpConnect({ host, port });
    run.track(socket);
    const onConnect = () => resolve(socket);
    const onError = (err: NodeJS.ErrnoException) => reject(new ConnectError(err.code ?? err.message, err.syscall));
    socket.once('connect', onConnect);
    socket.once('error', onError);
    return () => {
      socket.off('connect', onConnect);
      socket.off('error', onError);
    };
  });
}

/** An SMTP client connection: reads (multi-line) replies, sends commands, upgrades to TLS. */
class SmtpConnection {
  private socket!: Socket;
  private decoder!: StringDecoder;
  private buffer = '';
  private received = false;
  private closed = false;
  private wake?: () => void;
  private readonly onData = (chunk: Buffer) => {
    this.received = true;
    this.buffer += this.decoder.write(chunk);
    this.wake?.();
  };
  private readonly onClose = () => {
    this.closed = true;
    this.wake?.();
  };

  constructor(private readonly run: Run, socket: Socket) {
    this.attach(socket);
  }

  get tlsSocket(): TLSSocket | undefined {
    return 'encrypted' in this.socket ? (this.socket as TLSSocket) : undefined;
  }

  /** `[192.0.2.1]` or `[IPv6:…]`: the address literal of this side (RFC 5321 §4.1.3), for EHLO. */
  get clientName(): string {
    const addr = this.socket.localAddress ?? '127.0.0.1';
    return isIP(addr) === 6 ? `[IPv6:${addr}]` : `[${addr}]`;
  }

  private attach(socket: Socket): void {
    this.socket = socket;
    this.decoder = new StringDecoder('utf8');
    this.closed = false;
    socket.on('data', this.onData);
    socket.on('close', this.onClose);
    socket.on('error', this.onClose);
  }

  private detach(): Socket {
    const socket = this.socket;
    socket.off('data', this.onData);
    socket.off('close', this.onClose);
    socket.off('error', this.onClose);
    return socket;
  }

  /** Takes one complete reply from the buffer (RFC 5321 §4.2.1: `250-` continues, `250 ` ends). */
  private takeReply(): Reply | undefined {
    const lines: string[] = [];
    let code = '';
    let pos = 0;
    for (;;) {
      const nl = this.buffer.indexOf('\n', pos);
      if (nl < 0) {
        if (this.buffer.length - pos > MAX_LINE_CHARS) throw new DialogueError('protocol.notSmtp', { line: shown(this.buffer.slice(pos)) });
        return undefined;
      }
      const line = this.buffer.slice(pos, nl).replace(/\r$/, '');
      pos = nl + 1;
      const m = /^(\d{3})([ -]|$)(.*)$/.exec(line);
      if (!m || (code && m[1] !== code) || lines.length >= MAX_REPLY_LINES) throw new DialogueError('protocol.notSmtp', { line: shown(line) });
      code = m[1]!;
      lines.push(shown(m[3]!));
      if (m[2] !== '-') {
        this.buffer = this.buffer.slice(pos);
        return { code: Number(code), lines };
      }
    }
  }

  /** The next reply; rejects with ClosedError if the server hangs up first. */
  read(): Promise<Reply> {
    return this.run.wait<Reply>((resolve, reject) => {
      const check = () => {
        let reply: Reply | undefined;
        try {
          reply = this.takeReply();
        } catch (err) {
          return reject(err);
        }
        if (reply) resolve(reply);
        else if (this.closed) reject(new ClosedError());
      };
      this.wake = check;
      check();
      return () => (this.wake = undefined);
    });
  }

  /** Sends one command line and reads its reply. */
  command(line: string): Promise<Reply> {
    this.socket.write(`${line}\r\n`);
    return this.read();
  }

  /** True once the server sent anything; false after `ms` of silence. */
  async heardWithin(ms: number): Promise<boolean> {
    await this.run.wait<void>((resolve) => {
      const check = () => (this.received || this.closed) && resolve();
      const timer = setTimeout(resolve, ms);
      this.wake = check;
      check();
      return () => {
        clearTimeout(timer);
        this.wake = undefined;
      };
    });
    if (this.closed && !this.received) throw new ClosedError();
    return this.received;
  }

  /**
   * Runs a TLS handshake on the connection (implicit TLS, or after `220` to STARTTLS). Anything the
   * server sent in plain text before is dropped (RFC 3207 §4.2: discard what came before TLS).
   */
  upgrade(options: ConnectionOptions): Promise<TLSSocket> {
    const plain = this.detach();
    this.buffer = '';
    this.received = false;
    const secure = tlsConnect({ ...options, socket: plain });
    this.run.track(secure);
    this.attach(secure);
    return this.run.wait<TLSSocket>((resolve, reject) => {
      const onSecure = () => resolve(secure);
      const onError = (err: Error & { reason?: string; code?: string }) => reject(new HandshakeError(err.reason ?? err.code ?? err.message));
      const onClose = () => reject(new ClosedError());
      secure.once('secureConnect', onSecure);
      secure.once('error', onError);
      secure.once('close', onClose);
      return () => {
        secure.off('secureConnect', onSecure);
        secure.off('error', onError);
        secure.off('close', onClose);
      };
    });
  }

  /** Says QUIT and waits briefly for the server to close, then destroys the socket either way. */
  async quit(): Promise<void> {
    const socket = this.socket;
    if (!this.closed && !socket.destroyed) {
      socket.end('QUIT\r\n');
      const wait = Math.min(QUIT_WAIT_MS, this.run.remainingMs());
      await this.run
        .wait<void>((resolve) => {
          const t = setTimeout(resolve, wait);
          socket.once('close', () => resolve());
          return () => clearTimeout(t);
        })
        .catch(() => {});
    }
    this.destroy();
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** Server text is attacker-controlled: strip control and bidi characters, and bound its length. */
function shown(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return clean.length > MAX_SHOWN_CHARS ? `${clean.slice(0, MAX_SHOWN_CHARS)}…` : clean;
}

function replyText(reply: Reply): string {
  return `${reply.code} ${reply.lines.join(' / ')}`.trim();
}

/** EHLO keywords (upper case) → their parameters (RFC 5321 §4.1.1.1). */
type Capabilities = Map<string, string[]>;

function capabilitiesOf(reply: Reply): Capabilities {
  const caps: Capabilities = new Map();
  for (const line of reply.lines.slice(1)) {
    const [keyword, ...params] = line.split(/\s+/);
    if (keyword) caps.set(keyword.toUpperCase(), params.map((p) => p.toUpperCase()));
  }
  return caps;
}

/** `CN=localhost, O=Example` from a certificate subject or issuer. */
function distinguishedName(dn: Record<string, string | string[]> | undefined): string {
  if (!dn) return '?';
  const parts = Object.entries(dn).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`);
  return shown(parts.join(', ')) || '?';
}

/** `2025-03-01` from OpenSSL's `Mar  1 12:00:00 2025 GMT`. */
function certDate(text: string): string {
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? shown(text) : d.toISOString().slice(0, 10);
}

/** Collects what the check read and found, in the caller's language. */
class Findings {
  readonly records: string[] = [];
  readonly problems: Problem[] = [];
  phase: Phase = 'connect';
  lastCommand = '';
  /** The security the server really uses, once known. */
  mode?: 'implicit' | 'starttls';
  protocol = '';
  loginOk = false;
  /** The certificate chains to a trusted root and names the host: only then may a password go. */
  certTrusted = false;
  /** A mismatch between the configured security and the server was reported. */
  configMismatch = false;

  constructor(readonly locale: Locale, readonly target: SmtpTarget, readonly server: string, readonly secrets: string[]) {}

  t(key: SmtpMessageKey, params: Params = {}): string {
    const all: Params = { server: this.server, host: this.target.host, port: String(this.target.port), ...params };
    return smtpMessages[this.locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = all[name];
      if (v === undefined) return whole;
      return typeof v === 'number' ? v.toLocaleString(this.locale === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: 1 }) : this.scrub(v);
    });
  }

  /** No secret ever leaves the check, even if a server echoes it back in a reply. */
  private scrub(text: string): string {
    let out = text;
    for (const s of this.secrets) if (s) out = out.split(s).join('***');
    return out;
  }

  record(key: SmtpMessageKey, params: Params): void {
    this.records.push(this.t(key, params));
  }

  problem(code: string, severity: ProblemSeverity, key: SmtpMessageKey, params: Params = {}, fix?: SmtpMessageKey): void {
    this.problems.push({ code, severity, message: this.t(key, params), ...(fix ? { fix: this.t(fix, params) } : {}) });
  }

  security(value: SmtpSecurity): string {
    return this.t(`security.${value}`);
  }
}

/** Sends EHLO, falling back to HELO for servers that do not know it (RFC 5321 §3.2, §4.1.4). */
async function greet(conn: SmtpConnection, f: Findings, label: 'record.ehlo' | 'record.ehloTls'): Promise<Capabilities | undefined> {
  f.lastCommand = 'EHLO';
  const ehlo = await conn.command(`EHLO ${conn.clientName}`);
  if (ehlo.code === 250) {
    f.record(label, { text: ehlo.lines.slice(1).join(', ') || ehlo.lines[0] || '' });
    return capabilitiesOf(ehlo);
  }
  // RFC 5321 §4.1.4: 500/502 to EHLO means an old server; 4xx/554 are refusals, not a reason to retry.
  if (ehlo.code !== 500 && ehlo.code !== 502) throw new DialogueError('protocol.rejected', { command: 'EHLO', reply: replyText(ehlo) });
  f.lastCommand = 'HELO';
  const helo = await conn.command(`HELO ${conn.clientName}`);
  if (helo.code !== 250) throw new DialogueError('protocol.rejected', { command: 'HELO', reply: replyText(helo) });
  f.record('record.helo', { text: replyText(helo) });
  return undefined;
}

/**
 * Records the TLS session and judges the certificate as a mail client would: RFC 8314 §4.4 (the
 * server keeps a valid certificate) and §5.3 (clients validate it per RFC 7817 and PKIX, RFC 5280).
 */
function judgeTls(socket: TLSSocket, f: Findings, host: string): void {
  const cipher = socket.getCipher();
  f.protocol = socket.getProtocol() ?? '?';
  f.record('record.tls', { protocol: f.protocol, cipher: cipher?.name ?? '?' });
  const cert = socket.getPeerCertificate() as PeerCertificate | undefined;
  if (!cert || !cert.valid_to) {
    f.problem('smtp-cert-invalid', 'error', 'cert.other', { reason: 'NO_PEER_CERTIFICATE' }, 'fix.trusted');
    return;
  }
  const subject = distinguishedName(cert.subject as unknown as Record<string, string>);
  const issuer = distinguishedName(cert.issuer as unknown as Record<string, string>);
  const names = shown(cert.subjectaltname ?? `CN=${cert.subject?.CN ?? '?'}`);
  f.record('record.cert', { subject, issuer, from: certDate(cert.valid_from), to: certDate(cert.valid_to), names });
  // Chain errors come from OpenSSL's verification (run because rejectUnauthorized is false, the
  // probe keeps going to report more); the host name is checked separately so both can show.
  const code = String(socket.authorizationError ?? '');
  switch (code) {
    case '':
      break;
    case 'CERT_HAS_EXPIRED':
      f.problem('smtp-cert-invalid', 'error', 'cert.expired', { date: certDate(cert.valid_to) }, 'fix.renew');
      break;
    case 'CERT_NOT_YET_VALID':
      f.problem('smtp-cert-invalid', 'error', 'cert.notYetValid', { date: certDate(cert.valid_from) }, 'fix.clock');
      break;
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      f.problem('smtp-cert-invalid', 'error', 'cert.selfSigned', { subject }, 'fix.trusted');
      break;
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      f.problem('smtp-cert-invalid', 'error', 'cert.untrusted', { issuer }, 'fix.trusted');
      break;
    default:
      f.problem('smtp-cert-invalid', 'error', 'cert.other', { reason: shown(code) }, 'fix.trusted');
  }
  const wrongName = checkServerIdentity(host, cert);
  if (wrongName) f.problem('smtp-cert-invalid', 'error', 'cert.wrongName', { names }, 'fix.wrongName');
  f.certTrusted = code === '' && !wrongName;
}

/** AUTH mechanisms a server advertises (RFC 4954 §3), e.g. `PLAIN LOGIN`. */
function authMechanisms(caps: Capabilities | undefined): string[] {
  return caps?.get('AUTH') ?? [];
}

/**
 * Tries the stored credentials once, over TLS only: RFC 8314 §5.1 forbids testing an account
 * configuration with credentials outside TLS. AUTH per RFC 4954 §4, PLAIN per RFC 4616 §2.
 */
async function loginTest(conn: SmtpConnection, f: Findings, caps: Capabilities | undefined, auth: { user: string; pass: string }): Promise<void> {
  const mechanisms = authMechanisms(caps);
  const mechanism = mechanisms.includes('PLAIN') ? 'PLAIN' : mechanisms.includes('LOGIN') ? 'LOGIN' : undefined;
  if (!mechanism) {
    f.problem('smtp-auth-not-tested', 'warning', 'auth.notTestedNoMechanism', {}, 'fix.authMechanism');
    return;
  }
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  f.lastCommand = `AUTH ${mechanism}`;
  let reply: Reply;
  if (mechanism === 'PLAIN') {
    reply = await conn.command(`AUTH PLAIN ${b64(`\0${auth.user}\0${auth.pass}`)}`);
  } else {
    // RFC 4954 §4: 334 asks for the next part; LOGIN asks for the user name, then the password.
    reply = await conn.command('AUTH LOGIN');
    if (reply.code === 334) reply = await conn.command(b64(auth.user));
    if (reply.code === 334) reply = await conn.command(b64(auth.pass));
  }
  f.record('record.auth', { mechanism, text: replyText(reply) });
  // RFC 4954 §6: 235 is success; anything else (535 bad credentials, 534, 454…) is a refusal.
  if (reply.code === 235) f.loginOk = true;
  else f.problem('smtp-auth-failed', 'error', 'auth.failed', { user: shown(auth.user), reply: replyText(reply) }, 'fix.authFailed');
}

const contexts = new Map<string, SecureContext>();
// Parsing the ~140 public roots again for every connection costs ~100 ms of CPU; extra CAs are
// rare (private CAs, tests), so their contexts are kept, a few at most.
const MAX_CACHED_CONTEXTS = 4;

/** A TLS context trusting the public roots plus `ca`, built once per distinct `ca`. */
function contextTrusting(ca: string | string[]): SecureContext {
  const extra = [ca].flat();
  const key = extra.join('\n');
  let context = contexts.get(key);
  if (!context) {
    if (contexts.size >= MAX_CACHED_CONTEXTS) contexts.delete(contexts.keys().next().value!);
    context = createSecureContext({ ca: [...rootCertificates, ...extra] });
    contexts.set(key, context);
  }
  return context;
}

/** Reports a server on a port whose convention it does not follow, unless the config mismatch said it. */
// OpenSSL's words when the server picks a version below the client's minimum (TLS 1.2 in Node 20),
// or answers the client's TLS 1.2+ hello with a protocol_version alert (RFC 8446 §6.2, alert 70).
const OLD_TLS_RE = /unsupported protocol|alert protocol version|UNSUPPORTED_PROTOCOL|ALERT_PROTOCOL_VERSION/i;

/** A failed handshake: its own message when the server speaks only TLS 1.0/1.1 (deprecated by RFC 8996). */
function handshakeProblem(f: Findings, reason: string): void {
  if (OLD_TLS_RE.test(reason)) f.problem('smtp-tls-handshake', 'error', 'tls.oldVersion', { reason: shown(reason) }, 'fix.oldTls');
  else f.problem('smtp-tls-handshake', 'error', 'tls.handshake', { reason: shown(reason) }, 'fix.tlsConfig');
}

function judgePort(f: Findings, port: number): void {
  if (f.configMismatch) return;
  if (port === SUBMISSIONS_PORT && f.mode !== 'implicit') f.problem('smtp-tls-mismatch', 'warning', 'mismatch.plainOn465', {}, 'fix.ports');
  if (port === SUBMISSION_PORT && f.mode === 'implicit') f.problem('smtp-tls-mismatch', 'warning', 'mismatch.tlsOn587', {}, 'fix.ports');
}

async function probe(target: SmtpTarget, run: Run, f: Findings, host: string, address: string): Promise<void> {
  const tlsOptions: ConnectionOptions = {
    // RFC 6066 §3: SNI carries host names only, never IP literals.
    ...(isIP(host) ? {} : { servername: host }),
    ...(target.ca ? { secureContext: contextTrusting(target.ca) } : {}),
    rejectUnauthorized: false,
    checkServerIdentity: () => undefined,
  };
  const { port, security } = target;
  const socket = await openTcp(run, address, port);
  f.record('record.connected', { address: socket.remoteAddress ?? '?' });
  let conn = new SmtpConnection(run, socket);
  f.phase = 'greeting';
  if (security === 'ssl') {
    try {
      await conn.upgrade(tlsOptions);
      f.mode = 'implicit';
    } catch (err) {
      if (!(err instanceof HandshakeError || err instanceof ClosedError)) throw err;
      // A failed handshake may be a plain SMTP server on this port: it would greet a fresh connection.
      conn.destroy();
      const plain = new SmtpConnection(run, await openTcp(run, address, port));
      if (!(await plain.heardWithin(Math.min(GREETING_SILENCE_MS, run.remainingMs() / 2)))) {
        plain.destroy();
        if (err instanceof HandshakeError) handshakeProblem(f, err.message);
        else f.problem('smtp-tls-handshake', 'error', 'tls.handshakeClosed', {}, 'fix.tlsConfig');
        return;
      }
      conn = plain;
      f.configMismatch = true;
      f.problem('smtp-tls-mismatch', 'error', 'mismatch.sslOnPlain', {}, 'fix.ports');
    }
  } else if (port !== RELAY_PORT && !(await conn.heardWithin(Math.min(GREETING_SILENCE_MS, run.remainingMs() / 2)))) {
    // Silence: maybe implicit TLS (the classic mistake: port 465 configured as STARTTLS).
    try {
      await conn.upgrade(tlsOptions);
    } catch (err) {
      if (err instanceof HandshakeError || err instanceof ClosedError) throw new SilentError(run.budgetMs - run.remainingMs());
      throw err;
    }
    f.mode = 'implicit';
    f.configMismatch = true;
    f.problem('smtp-tls-mismatch', 'error', 'mismatch.tlsOnPlain', { security: f.security(security) }, 'fix.ports');
  }
  if (f.mode === 'implicit') judgeTls(conn.tlsSocket!, f, host);

  const banner = await conn.read();
  f.record('record.banner', { text: replyText(banner) });
  f.phase = 'command';
  // RFC 5321 §4.2: 220 is the greeting; 554 (or 421) turns the client away.
  if (banner.code !== 220) {
    f.problem('smtp-protocol', 'error', 'protocol.greetingRefused', { reply: replyText(banner) }, 'fix.greetingRefused');
    await conn.quit();
    return;
  }
  let caps = await greet(conn, f, 'record.ehlo');
  let plainAuth: string[] = [];
  if (f.mode !== 'implicit') {
    plainAuth = authMechanisms(caps);
    if (caps?.has('STARTTLS')) {
      if (security === 'none') {
        f.configMismatch = true;
        f.problem('smtp-tls-mismatch', 'warning', 'mismatch.noneButStarttls', {}, 'fix.useStarttls');
      }
      f.lastCommand = 'STARTTLS';
      const ready = await conn.command('STARTTLS');
      f.record('record.starttls', { text: replyText(ready) });
      if (ready.code !== 220) {
        f.problem('smtp-no-tls', 'error', 'noTls.refused', { reply: replyText(ready) }, 'fix.tlsConfig');
      } else {
        try {
          judgeTls(await conn.upgrade(tlsOptions), f, host);
        } catch (err) {
          if (!(err instanceof HandshakeError)) throw err;
          handshakeProblem(f, err.message);
          conn.destroy();
          return;
        }
        f.mode = 'starttls';
        // RFC 3207 §4.2: after TLS the client forgets what it learnt and sends EHLO again.
        caps = await greet(conn, f, 'record.ehloTls');
      }
    } else {
      f.problem('smtp-no-tls', 'error', caps ? 'noTls.notOffered' : 'noTls.heloOnly', {}, 'fix.enableTls');
    }
  }
  judgePort(f, port);
  if (plainAuth.length > 0) {
    // RFC 4954 §4: server sites SHOULD NOT permit a plaintext password mechanism without TLS.
    const mechanisms = plainAuth.join(' ');
    if (f.mode) f.problem('smtp-auth-without-tls', 'warning', 'auth.beforeStarttls', { mechanisms }, 'fix.authAfterTls');
    else f.problem('smtp-auth-without-tls', 'error', 'auth.noTls', { mechanisms }, 'fix.authAfterTls');
  }
  if (target.auth) {
    // The probe accepts any certificate so that it can report it; a password only goes to a
    // server that proved its identity, or anyone on the path could read it (RFC 8314 §4.4).
    if (!f.mode) f.problem('smtp-auth-not-tested', 'info', 'auth.notTestedNoTls');
    else if (!f.certTrusted) f.problem('smtp-auth-not-tested', 'warning', 'auth.notTestedUntrusted');
    else await loginTest(conn, f, caps, target.auth);
  }
  f.lastCommand = 'QUIT';
  await conn.quit();
}

/** Turns what stopped the probe into a problem. */
function failure(err: unknown, f: Findings, run: Run): void {
  const seconds = Math.round(run.budgetMs / 100) / 10;
  if (err instanceof SilentError) {
    f.problem('smtp-unreachable', 'error', 'unreachable.silent', { seconds: Math.round(err.waitedMs / 100) / 10 }, 'fix.silent');
  } else if (err instanceof StopError) {
    if (f.phase === 'connect') {
      if (f.target.port === RELAY_PORT) f.problem('smtp-unreachable', 'error', 'unreachable.port25', {}, 'fix.port25');
      else f.problem('smtp-unreachable', 'error', 'unreachable.timeout', { seconds }, 'fix.unreachable');
    } else if (f.phase === 'greeting') {
      f.problem('smtp-unreachable', 'error', 'unreachable.silent', { seconds }, 'fix.silent');
    } else {
      f.problem('smtp-protocol', 'error', 'protocol.stalled', { command: f.lastCommand, seconds }, 'fix.protocol');
    }
  } else if (err instanceof ConnectError) {
    if (err.code === 'ECONNREFUSED') f.problem('smtp-unreachable', 'error', 'unreachable.refused', {}, 'fix.unreachable');
    else if (err.code === 'ENOTFOUND') f.problem('smtp-unreachable', 'error', 'unreachable.notFound', {}, 'fix.address');
    else if (err.syscall === 'getaddrinfo') f.problem('smtp-unreachable', 'error', 'unreachable.dns', { reason: err.code }, 'fix.address');
    else if (err.code === 'ETIMEDOUT' && f.target.port === RELAY_PORT) f.problem('smtp-unreachable', 'error', 'unreachable.port25', {}, 'fix.port25');
    else f.problem('smtp-unreachable', 'error', 'unreachable.network', { reason: shown(err.code) }, 'fix.unreachable');
  } else if (err instanceof ClosedError) {
    if (f.phase === 'command') f.problem('smtp-protocol', 'error', 'protocol.closed', { command: f.lastCommand }, 'fix.protocol');
    else f.problem('smtp-protocol', 'error', 'protocol.closedGreeting', {}, 'fix.protocol');
  } else if (err instanceof DialogueError) {
    f.problem('smtp-protocol', 'error', err.key, err.params, 'fix.protocol');
  } else {
    f.problem('smtp-protocol', 'error', 'protocol.failed', { reason: shown(err instanceof Error ? err.message : String(err)) }, 'fix.protocol');
  }
}

const SEVERITY_RANK: Record<ProblemSeverity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Probes an SMTP submission server with a minimal client dialogue: connect, greeting, EHLO (HELO
 * fallback), implicit TLS or STARTTLS, EHLO again, an optional login test, QUIT.
 *
 * Reports what users get wrong most: the configured security against what the port really does
 * (465 configured as STARTTLS), certificates that clients refuse (expired, self-signed, wrong
 * name), no TLS at all, AUTH offered in plain text, unreachable servers (port 25 blocked by the
 * local network is said to be so, not blamed on the server). Credentials are sent only when
 * `target.auth` is given, only over TLS, and never appear in the result.
 *
 * Never throws and never outlives `ctx.timeoutMs`: every socket is destroyed on every path.
 * Status `error` means the dialogue could not be completed (unreachable, broken, too slow);
 * an aborted `ctx.signal` gives status `skipped` with what was read so far.
 */
/** How the check finds the server's address: through the run's resolver (`--dns`), like every other name. */
export type SmtpHostResolver = (host: string) => Promise<{ addresses: string[]; status: 'ok' | 'nxdomain' | 'nodata' | 'error'; error?: string }>;

export async function checkSmtp(target: SmtpTarget, ctx: { locale: 'en' | 'fr'; timeoutMs: number; signal?: AbortSignal; resolveHost?: SmtpHostResolver }): Promise<CheckResult> {
  const started = performance.now();
  const rawHost = target.host.trim().replace(/^\[(.*)\]$/, '$1');
  const server = isIP(rawHost) === 6 ? `[${rawHost}]:${target.port}` : `${rawHost}:${target.port}`;
  const secrets = target.auth ? [target.auth.pass, Buffer.from(target.auth.pass).toString('base64'), Buffer.from(`\0${target.auth.user}\0${target.auth.pass}`).toString('base64')] : [];
  const f = new Findings(ctx.locale, { ...target, host: rawHost }, server, secrets);
  // IDN host names connect and match certificates in their ASCII (punycode) form.
  const host = isIP(rawHost) ? rawHost : domainToASCII(rawHost);
  const run = new Run(ctx.timeoutMs, ctx.signal);
  try {
    if (!host || !Number.isInteger(target.port) || target.port < 1 || target.port > 65535) {
      f.problem('smtp-unreachable', 'error', 'unreachable.invalid', {}, 'fix.address');
    } else {
      let address = host;
      if (!isIP(host) && ctx.resolveHost) {
        const found = await ctx.resolveHost(host);
        if (found.status === 'error') throw new ConnectError(found.error ?? 'ERROR', 'getaddrinfo');
        if (!found.addresses.length) throw new ConnectError('ENOTFOUND', 'getaddrinfo');
        address = found.addresses[0];
      }
      await probe(target, run, f, host, address);
    }
  } catch (err) {
    if (run.stopped?.reason !== 'cancelled') failure(run.stopped ?? err, f, run);
  } finally {
    run.dispose();
  }

  const durationMs = Math.round(performance.now() - started);
  const problems = [...f.problems].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const base = { id: 'smtp' as const, records: f.records, problems, durationMs };
  if (run.stopped?.reason === 'cancelled') return { ...base, status: 'skipped', summary: f.t('summary.cancelled') };
  const worst = problems[0];
  const incomplete = problems.some((p) => p.code === 'smtp-unreachable' || p.code === 'smtp-protocol');
  if (worst && worst.severity !== 'info') {
    return { ...base, status: incomplete ? 'error' : worst.severity === 'error' ? 'fail' : 'warn', summary: worst.message };
  }
  const mode = f.t(f.mode === 'implicit' ? 'mode.implicit' : 'mode.starttls');
  return { ...base, status: 'pass', summary: f.t(f.loginOk ? 'summary.passLogin' : 'summary.pass', { mode, protocol: f.protocol }) };
}
