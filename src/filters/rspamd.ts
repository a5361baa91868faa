// A client for Rspamd's HTTP scanning API: POST the message to /checkv2 and read the JSON verdict
// (score, required_score, action and the symbols with their scores and descriptions).
import { request } from 'node:http';
import { FilterError, type FilterHit, type FilterResult } from './types';

export interface RspamdOptions {
  /** Base URL of the normal worker, `http://localhost:11333` by default. */
  url?: string;
  timeoutMs?: number;
  maxMessageBytes?: number;
  /** Envelope data Rspamd would get from the MTA; without them it scores the message alone. */
  from?: string;
  rcpt?: string[];
}

export const DEFAULT_RSPAMD_URL = 'http://localhost:11333';
export const DEFAULT_RSPAMD_TIMEOUT_MS = 20_000;
// Rspamd's max_message default is 50 MB; a draft scored from the editor is far smaller, and the
// same cap as spamc keeps both filters on the same messages.
export const MAX_RSPAMD_MESSAGE_BYTES = 500 * 1024;
// An answer lists a few dozen symbols; anything past this is not a verdict.
const MAX_ANSWER_BYTES = 2 * 1024 * 1024;
const MAX_SYMBOLS = 500;

/** Scores a message with Rspamd's /checkv2. */
export function rspamdCheck(message: Buffer, options: RspamdOptions = {}): Promise<FilterResult> {
  let base: URL;
  try {
    base = new URL(options.url || DEFAULT_RSPAMD_URL);
  } catch {
    return Promise.reject(new FilterError('unreachable', `“${options.url}” is not a URL`));
  }
  if (base.protocol !== 'http:') return Promise.reject(new FilterError('unreachable', `${base.protocol} is not supported; Rspamd's worker speaks plain HTTP`));
  const max = options.maxMessageBytes ?? MAX_RSPAMD_MESSAGE_BYTES;
  if (message.length > max) return Promise.reject(new FilterError('tooLarge', `${Math.ceil(message.length / 1024)} KB; at most ${Math.floor(max / 1024)} KB is sent`));
  const timeoutMs = options.timeoutMs ?? DEFAULT_RSPAMD_TIMEOUT_MS;
  const url = new URL('checkv2', base.href.endsWith('/') ? base.href : `${base.href}/`);
  const headers: Record<string, string | string[]> = { 'Content-Type': 'message/rfc822', 'Content-Length': String(message.length) };
  if (options.from) headers.From = options.from;
  if (options.rcpt?.length) headers.Rcpt = options.rcpt;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (err: FilterError | undefined, result?: FilterResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      if (err) reject(err);
      else resolve(result!);
    };
    const req = request(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_ANSWER_BYTES) return finish(new FilterError('tooLarge', `Rspamd's answer is over ${MAX_ANSWER_BYTES / 1024} KB`));
        chunks.push(c);
      });
      res.on('error', (e) => finish(new FilterError('protocol', e.message)));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) return finish(new FilterError('protocol', `Rspamd answered HTTP ${res.statusCode}: ${body.slice(0, 200)}`));
        try {
          finish(undefined, { ...parseRspamdAnswer(body), elapsedMs: performance.now() - started });
        } catch (e) {
          finish(e instanceof FilterError ? e : new FilterError('protocol', String(e)));
        }
      });
    });
    const timer = setTimeout(() => finish(new FilterError('timeout', `no answer from Rspamd at ${base.host} within ${timeoutMs} ms`)), timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => {
      const unreachable = e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'EHOSTUNREACH' || e.code === 'EAI_AGAIN' || e.code === 'ENETUNREACH';
      finish(new FilterError(unreachable ? 'unreachable' : 'protocol', `Rspamd at ${base.host}: ${e.code ?? e.message}`));
    });
    req.end(message);
  });
}

/** Reads a /checkv2 answer; symbols are sorted by score, highest first. */
export function parseRspamdAnswer(body: string): Omit<FilterResult, 'elapsedMs'> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new FilterError('protocol', 'Rspamd answered with something that is not JSON');
  }
  if (!json || typeof json !== 'object') throw new FilterError('protocol', 'Rspamd answered without a verdict');
  const a = json as Record<string, unknown>;
  if (typeof a.score !== 'number' || typeof a.required_score !== 'number') throw new FilterError('protocol', 'Rspamd answered without a score');
  const hits: FilterHit[] = [];
  const symbols = a.symbols && typeof a.symbols === 'object' ? Object.entries(a.symbols as Record<string, unknown>) : [];
  for (const [key, raw] of symbols.slice(0, MAX_SYMBOLS)) {
    const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const name = typeof s.name === 'string' ? s.name : key;
    if (!/^[A-Za-z0-9_.-]{1,100}$/.test(name)) continue;
    const options = Array.isArray(s.options) ? s.options.filter((o): o is string => typeof o === 'string').slice(0, 5) : [];
    let description = typeof s.description === 'string' ? s.description.slice(0, 500) : '';
    if (options.length) description = `${description}${description ? ' ' : ''}(${options.join(', ').slice(0, 300)})`;
    hits.push({ name, score: typeof s.score === 'number' && Number.isFinite(s.score) ? Math.round(s.score * 100) / 100 : 0, description });
  }
  hits.sort((x, y) => y.score - x.score || x.name.localeCompare(y.name));
  const action = typeof a.action === 'string' ? a.action.slice(0, 40) : undefined;
  return {
    filter: 'rspamd',
    score: Math.round(a.score * 100) / 100,
    threshold: a.required_score,
    isSpam: action === 'reject' || action === 'add header' || action === 'rewrite subject' || a.score >= a.required_score,
    action,
    hits,
  };
}
