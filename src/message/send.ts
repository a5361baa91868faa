// Sends a built message through the user's SMTP submission server, with the certificate checked
// and the password only ever sent over TLS.
import SMTPConnection from 'nodemailer/lib/smtp-connection';

export type SendSecurity = 'ssl' | 'starttls' | 'none';

export interface SendOptions {
  host: string;
  port: number;
  /** RFC 8314 §3.3: 465 implicit TLS; RFC 6409: 587 with STARTTLS; 25 plain (STARTTLS if offered). */
  security: SendSecurity;
  user?: string;
  pass?: string;
  /** Envelope sender (the message's From address). */
  from: string;
  to: string[];
  timeoutMs?: number;
  /** Extra trusted CA certificates (PEM), for a private server; the system store is used anyway. */
  ca?: string;
  /** Host name announced in EHLO. */
  name?: string;
}

export interface SendResult {
  accepted: string[];
  rejected: string[];
  /** The server's final reply to the message data (`250 2.0.0 Ok: queued as 4ABC`). */
  response: string;
  /** The queue id the reply names, when it names one. */
  queueId?: string;
  elapsedMs: number;
}

/** Why a send failed; `code` keys a message of the callers' catalogues. */
export class SendError extends Error {
  constructor(
    readonly code: 'noTls' | 'connect' | 'tls' | 'auth' | 'rejected' | 'timeout' | 'other',
    message: string,
    readonly response?: string,
  ) {
    super(message);
  }
}

export const DEFAULT_SEND_TIMEOUT_MS = 30_000;
// A test send goes to a handful of people the user typed; more looks like a campaign.
export const MAX_TEST_RECIPIENTS = 10;

/** Sends `raw` to `to` and returns the server's reply. */
export async function sendMessage(raw: Buffer, options: SendOptions): Promise<SendResult> {
  if (options.to.length === 0 || options.to.length > MAX_TEST_RECIPIENTS) throw new SendError('other', `between 1 and ${MAX_TEST_RECIPIENTS} recipients`);
  if (options.pass && options.security === 'none') throw new SendError('noTls', 'a password is sent only over TLS: use port 465 (SSL/TLS) or 587 (STARTTLS)');
  const timeout = options.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  const started = performance.now();
  const conn = new SMTPConnection({
    host: options.host,
    port: options.port,
    secure: options.security === 'ssl',
    requireTLS: options.security === 'starttls',
    // Port 25 without a password: STARTTLS when offered, still with the certificate checked.
    opportunisticTLS: false,
    name: options.name,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2', ...(options.ca ? { ca: options.ca } : {}) },
    logger: false,
  });
  // Errors after the exchange (a late reset) must not crash the host.
  conn.on('error', () => {});
  const step = <T>(fn: (cb: (err: Error | null, v?: T) => void) => void): Promise<T> =>
    new Promise((resolve, reject) => fn((err, v) => (err ? reject(err) : resolve(v as T))));
  try {
    await step<void>((cb) => {
      conn.once('error', (e) => cb(e));
      conn.connect(() => cb(null));
    });
    if (options.user && options.pass) {
      if (!conn.secure) throw new SendError('noTls', 'the server offered no TLS; the password was not sent');
      await step<void>((cb) => conn.login({ user: options.user!, pass: options.pass! }, (err) => cb(err)));
    }
    const info = await step<{ accepted: string[]; rejected: string[]; response: string }>((cb) => conn.send({ from: options.from, to: options.to }, raw, cb as never));
    return { accepted: info.accepted, rejected: info.rejected, response: info.response, queueId: queueIdOf(info.response), elapsedMs: performance.now() - started };
  } catch (e) {
    throw toSendError(e);
  } finally {
    try {
      conn.quit();
    } catch {
      conn.close();
    }
  }
}

function toSendError(e: unknown): SendError {
  if (e instanceof SendError) return e;
  const err = e as { code?: string; message?: string; response?: string };
  const message = err.message ?? String(e);
  switch (err.code) {
    case 'EAUTH':
      return new SendError('auth', message, err.response);
    case 'ETLS':
      return new SendError('tls', message, err.response);
    case 'ECONNECTION':
    case 'ESOCKET':
      return /certificate|self.signed|altnames|CERT_|unable to verify/i.test(message) ? new SendError('tls', message) : new SendError('connect', message);
    case 'ETIMEDOUT':
      return new SendError('timeout', message);
    case 'EENVELOPE':
    case 'EMESSAGE':
      return new SendError('rejected', message, err.response);
    default:
      return new SendError('other', message, err.response);
  }
}

/**
 * The queue id in a final reply: Postfix `queued as 4ABC`, Exim `id=1abc-…`, Sendmail
 * `Message accepted for delivery` after the id, or the last word of a `250 … <id>` reply.
 */
export function queueIdOf(response: string): string | undefined {
  const r = response.slice(0, 1000);
  const m = /queued as ([A-Za-z0-9._@<>-]{1,100})/i.exec(r) ?? /\bid=([A-Za-z0-9._-]{1,100})/i.exec(r) ?? /^250 [0-9.]{5,7} ([A-Za-z0-9]{6,40}) Message accepted/i.exec(r);
  return m?.[1];
}
