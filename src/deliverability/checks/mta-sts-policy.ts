// The MTA-STS policy file (RFC 8461 §3.2, §3.3): fetched over HTTPS from
// https://mta-sts.<domain>/.well-known/mta-sts.txt with the host name resolved through the run's
// resolver, the certificate checked against that name, no redirects, a size cap; then parsed
// and its mx patterns matched against the domain's real MX hosts.
import { request } from 'node:https';
import { rootCertificates } from 'node:tls';
import type { CheckContext } from '../context';
import { hostAddresses } from '../shared';

// RFC 8461 §3.3 lets senders bound the fetch; real policies are a few hundred bytes.
export const MAX_POLICY_BYTES = 64 * 1024;
// RFC 8461 §3.2: max_age is at most 31557600 seconds (one year).
export const MAX_POLICY_AGE_S = 31_557_600;
// RFC 8461 §3.2: "weeks or greater" is the advised max_age; under a week is worth a note.
export const SHORT_POLICY_AGE_S = 7 * 24 * 3600;

export type PolicyFetch =
  | { kind: 'ok'; body: string }
  /** A definite answer that is not a policy: HTTP status, redirect, media type, certificate, no host. */
  | { kind: 'unusable'; reason: string }
  /** Could not determine: DNS failure, timeout, connection trouble. */
  | { kind: 'failed'; reason: string };

export interface StsPolicy {
  version?: string;
  mode?: string;
  maxAge?: number;
  mx: string[];
  /** The lines in error, as "key: value" (language-neutral), empty when valid. */
  errors: string[];
}

/** Parses a policy body: `key: value` lines (CRLF or LF), unknown keys ignored (RFC 8461 §3.2). */
export function parseStsPolicy(body: string): StsPolicy {
  const policy: StsPolicy = { mx: [], errors: [] };
  for (const raw of body.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      policy.errors.push(`“${line.slice(0, 60)}”`);
      continue;
    }
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (key === 'version') policy.version = value;
    else if (key === 'mode') policy.mode = value;
    else if (key === 'max_age') policy.maxAge = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    else if (key === 'mx') policy.mx.push(value.toLowerCase());
  }
  if (policy.version !== 'STSv1') policy.errors.push(`version: ${policy.version ?? '—'}`);
  if (!['enforce', 'testing', 'none'].includes(policy.mode ?? '')) policy.errors.push(`mode: ${policy.mode ?? '—'}`);
  if (policy.maxAge === undefined || Number.isNaN(policy.maxAge) || policy.maxAge > MAX_POLICY_AGE_S) policy.errors.push(`max_age: ${policy.maxAge === undefined ? '—' : Number.isNaN(policy.maxAge) ? '?' : policy.maxAge}`);
  if (policy.mode !== 'none' && policy.mx.length === 0) policy.errors.push('mx: —');
  return policy;
}

/** RFC 8461 §4.1: an exact host name, or "*." matching exactly one leftmost label. */
export function mxMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '');
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!p.startsWith('*.')) return p === h;
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot + 1) === p.slice(2);
}

/** Fetches the policy of the check's domain within the run's budget. */
export async function fetchStsPolicy(ctx: CheckContext): Promise<PolicyFetch> {
  const host = `mta-sts.${ctx.domain}`;
  const found = await hostAddresses(ctx, host);
  if (found.status === 'error') return { kind: 'failed', reason: `DNS ${host}: ${found.error} (${ctx.dnsServer})` };
  if (!found.addresses.length) return { kind: 'unusable', reason: `${host}: ${found.status === 'nxdomain' ? 'NXDOMAIN' : 'no address'}` };
  const extra = ctx.options.httpsCa;
  const ca = extra ? [...rootCertificates, ...(Array.isArray(extra) ? extra : [extra])] : undefined;
  return new Promise<PolicyFetch>((resolve) => {
    let done = false;
    const finish = (r: PolicyFetch) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.destroy();
      resolve(r);
    };
    const req = request(
      {
        host: found.addresses[0],
        port: ctx.options.httpsPort ?? 443,
        path: '/.well-known/mta-sts.txt',
        method: 'GET',
        servername: host,
        headers: { host, 'user-agent': 'mailproof' },
        ...(ca ? { ca } : {}),
        // RFC 8461 §3.3: the certificate must be valid for the mta-sts host name (the default
        // identity check runs against `servername`).
        rejectUnauthorized: true,
        signal: ctx.signal,
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        // RFC 8461 §3.3: only a 200 is a policy, and redirects must not be followed.
        if (status !== 200) return finish({ kind: 'unusable', reason: `HTTP ${status}${res.headers.location ? ` → ${String(res.headers.location).slice(0, 100)}` : ''}` });
        const type = String(res.headers['content-type'] ?? '');
        // RFC 8461 §3.2: the policy is served as text/plain.
        if (!/^text\/plain(\s*;|\s*$)/i.test(type)) return finish({ kind: 'unusable', reason: `Content-Type: ${type.slice(0, 60) || '-'} (expected text/plain)` });
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_POLICY_BYTES) return finish({ kind: 'unusable', reason: `over ${MAX_POLICY_BYTES / 1024} KB` });
          chunks.push(c);
        });
        res.on('end', () => finish({ kind: 'ok', body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e) => finish({ kind: 'failed', reason: e.message }));
      },
    );
    const timer = setTimeout(() => finish({ kind: 'failed', reason: 'TIMEOUT' }), Math.max(1, ctx.remainingMs()));
    req.on('error', (e: NodeJS.ErrnoException) => {
      // Certificate trouble is an answer: senders would refuse this policy too.
      const tls = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|HOSTNAME/i.test(e.code ?? '') || /certificate|altnames/i.test(e.message);
      finish({ kind: tls ? 'unusable' : 'failed', reason: `${e.code ?? ''} ${e.message}`.trim().slice(0, 200) });
    });
    req.end();
  });
}
