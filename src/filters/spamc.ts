// A SPAMC/1.5 client for SpamAssassin's spamd (the protocol is described in SpamAssassin's
// spamd/PROTOCOL). One REPORT request per connection: the answer carries the score, the
// threshold and the report table with each rule's points and description.
import { connect } from 'node:net';
import { FilterError, type FilterHit, type FilterResult } from './types';

export interface SpamcOptions {
  host?: string;
  port?: number;
  timeoutMs?: number;
  /** Largest message sent, in bytes. */
  maxMessageBytes?: number;
}

export const DEFAULT_SPAMD_HOST = 'localhost';
// spamd(1): the default port is 783.
export const DEFAULT_SPAMD_PORT = 783;
export const DEFAULT_SPAMD_TIMEOUT_MS = 20_000;
// spamc(1) -s: messages over 500 KB are not scanned by default; the same cap here.
export const MAX_SPAMC_MESSAGE_BYTES = 500 * 1024;
// A report is a few KB; an answer past this is not spamd's.
const MAX_ANSWER_BYTES = 1024 * 1024;

/** Scores a message with spamd and returns every rule that hit. */
export function spamcReport(message: Buffer, options: SpamcOptions = {}): Promise<FilterResult> {
  const host = options.host || DEFAULT_SPAMD_HOST;
  const port = options.port ?? DEFAULT_SPAMD_PORT;
  const timeoutMs = options.timeoutMs ?? DEFAULT_SPAMD_TIMEOUT_MS;
  const max = options.maxMessageBytes ?? MAX_SPAMC_MESSAGE_BYTES;
  if (message.length > max) {
    return Promise.reject(new FilterError('tooLarge', `${Math.ceil(message.length / 1024)} KB; spamc scans at most ${Math.floor(max / 1024)} KB`));
  }
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const socket = connect({ host, port });
    const finish = (err: FilterError | undefined, result?: FilterResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(result!);
    };
    const timer = setTimeout(() => finish(new FilterError('timeout', `no answer from spamd at ${host}:${port} within ${timeoutMs} ms`)), timeoutMs);
    socket.on('connect', () => {
      const head = `REPORT SPAMC/1.5\r\nContent-length: ${message.length}\r\n\r\n`;
      socket.write(head);
      socket.end(message);
    });
    socket.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_ANSWER_BYTES) return finish(new FilterError('tooLarge', `spamd's answer is over ${MAX_ANSWER_BYTES / 1024} KB`));
      chunks.push(chunk);
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      const unreachable = e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'EHOSTUNREACH' || e.code === 'EADDRNOTAVAIL' || e.code === 'ENETUNREACH' || e.code === 'EAI_AGAIN';
      finish(new FilterError(unreachable ? 'unreachable' : 'protocol', `spamd at ${host}:${port}: ${e.code ?? e.message}`));
    });
    socket.on('close', () => {
      if (settled) return;
      try {
        const result = parseSpamdAnswer(Buffer.concat(chunks).toString('utf8'));
        finish(undefined, { ...result, elapsedMs: performance.now() - started });
      } catch (e) {
        finish(e instanceof FilterError ? e : new FilterError('protocol', String(e)));
      }
    });
  });
}

/** Reads a spamd answer to REPORT: status line, headers, then the report text. */
export function parseSpamdAnswer(answer: string): Omit<FilterResult, 'elapsedMs'> {
  const headEnd = answer.indexOf('\r\n\r\n');
  if (headEnd < 0) {
    const line = answer.split('\r\n', 1)[0] ?? '';
    // An error answer has a status line only (`SPAMD/1.0 76 Bad header line`).
    const err = /^SPAMD\/\d+\.\d+ (\d+) ([^\r\n]{0,200})/.exec(line);
    throw new FilterError('protocol', err ? `spamd refused the message: ${err[2]} (${err[1]})` : 'spamd closed the connection without an answer');
  }
  const lines = answer.slice(0, headEnd).split('\r\n');
  const status = /^SPAMD\/\d+\.\d+ (\d+) (.{0,200})$/.exec(lines[0]);
  if (!status) throw new FilterError('protocol', 'not a spamd answer');
  if (status[1] !== '0') throw new FilterError('protocol', `spamd refused the message: ${status[2]} (${status[1]})`);
  let verdict: RegExpExecArray | null = null;
  for (const l of lines.slice(1)) {
    const m = /^Spam:\s{0,10}(True|False|Yes|No)\s{0,10};\s{0,10}(-?\d{1,6}(?:\.\d{1,6})?)\s{0,10}\/\s{0,10}(-?\d{1,6}(?:\.\d{1,6})?)\s{0,10}$/i.exec(l);
    if (m) verdict = m;
  }
  if (!verdict) throw new FilterError('protocol', 'spamd answered without a Spam header');
  return {
    filter: 'spamassassin',
    isSpam: /^(true|yes)$/i.test(verdict[1]),
    score: Number(verdict[2]),
    threshold: Number(verdict[3]),
    hits: parseReportTable(answer.slice(headEnd + 4)),
  };
}

/**
 * The rules of a SpamAssassin report table:
 * ```
 *  pts rule name              description
 * ---- ---------------------- --------------------------------------------------
 *  2.7 MISSING_DATE           Missing Date: header
 *  0.1 URIBL_BLOCKED          ADMINISTRATOR NOTICE: The query to URIBL was
 *                             blocked. See ...
 * ```
 * A description wrapped over several lines is joined again.
 */
export function parseReportTable(report: string): FilterHit[] {
  const hits: FilterHit[] = [];
  let inTable = false;
  for (const raw of report.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!inTable) {
      if (/^-{3,} -{3,}/.test(line)) inTable = true;
      continue;
    }
    // regex-audit: safe, anchored, every quantifier bounded but the last `.*`, which nothing follows but the end
    const m = /^ {0,4}(-?\d{1,4}(?:\.\d{1,4})?) ([A-Za-z0-9_]{1,80}) {0,40}(.*)$/.exec(line);
    if (m) {
      hits.push({ score: Number(m[1]), name: m[2], description: m[3].trim() });
      continue;
    }
    if (/^\s{5,}\S/.test(line) && hits.length) {
      const last = hits[hits.length - 1];
      last.description = `${last.description} ${line.trim()}`.trim();
      continue;
    }
    if (line.trim() === '') continue;
    break;
  }
  return hits;
}
