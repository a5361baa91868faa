import { createPublicKey } from 'node:crypto';
import { type Check, problem, result, statusOf, dnsFailed } from '../context';
import { type Detail, detail, renderDetail } from '../detail';
import { parseTagList } from '../tag-list';
import { DnsError, joinTxt } from '../dns/resolver';
import { msg } from '../i18n';
import type { Problem } from '../types';

/**
 * Selectors tried when the user gives none: the defaults of common mail hosts and sending
 * services (Google "google", Microsoft 365 "selector1/2", Mailchimp "k1-k3", Fastmail "fm1-3",
 * Brevo "mail", Amazon SES, Zoho, Mailjet, Mandrill, cPanel "default"…).
 */
export const COMMON_SELECTORS = [
  'default', 'selector1', 'selector2', 'google', 'k1', 'k2', 'k3', 'mail', 'dkim', 's1', 's2', 'smtp',
  'mandrill', 'mailjet', 'sendinblue', 'brevo', 'amazonses', 'zoho', 'fm1', 'fm2', 'fm3', 'mxvault',
  'sig1', 'protonmail', 'dk', 'key1', 'mailgun', 'sendgrid', 'pm', 'email',
];

// RFC 8301 §3.2: keys under 1024 bits MUST NOT be used to verify; signers SHOULD use 2048.
export const DKIM_MIN_RSA_BITS = 1024;
export const DKIM_GOOD_RSA_BITS = 2048;
// RFC 8463 §4.2: an Ed25519 key record holds the 32-byte raw public key.
const ED25519_KEY_BYTES = 32;
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface DkimKey {
  tags: Map<string, string>;
  errors: Detail[];
  keyType: string;
  /** RSA modulus size; undefined for Ed25519 or an unreadable key. */
  bits?: number;
  revoked: boolean;
  testing: boolean;
  /** Problems verifiers tolerate (a v= tag that is not first). */
  warnings: Detail[];
  /** Hash algorithms of h= (RFC 6376 §3.6.1), lowercased; undefined when absent (any allowed). */
  hashes?: string[];
}

/** Parses a DKIM key record (RFC 6376 §3.6.1) and measures its key. */
export function parseDkimKey(text: string): DkimKey {
  const { tags, names, errors } = parseTagList(text, false);
  const warnings: Detail[] = [];
  // RFC 6376 §3.6.1: v=, when present, must be "DKIM1" (records with another value are
  // discarded) and should be first. OpenDKIM, dkimpy and Mail::DKIM accept it elsewhere, so a
  // misplaced v= is a warning, not a broken key.
  if (tags.has('v')) {
    if (tags.get('v') !== 'DKIM1') errors.push(detail('detail.dkimVersion'));
    else if (names[0] !== 'v') warnings.push(detail('detail.dkimVersionNotFirst'));
  }
  const keyType = (tags.get('k') ?? 'rsa').toLowerCase();
  const key: DkimKey = { tags, errors, warnings, keyType, revoked: false, testing: false };
  const h = tags.get('h');
  if (h !== undefined) key.hashes = h.split(':').map((x) => x.trim().toLowerCase()).filter(Boolean);
  // t= is a colon-separated flag list; "y" marks a domain that is testing DKIM.
  key.testing = (tags.get('t') ?? '').split(':').some((f) => f.trim().toLowerCase() === 'y');
  const p = tags.get('p');
  if (p === undefined) {
    errors.push(detail('detail.tagMissing', { tag: 'p' }));
    return key;
  }
  const b64 = p.replace(/\s+/g, '');
  // RFC 6376 §3.6.1: an empty p= means the key has been revoked.
  if (b64 === '') {
    key.revoked = true;
    return key;
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) {
    errors.push(detail('detail.badBase64'));
    return key;
  }
  const der = Buffer.from(b64, 'base64');
  try {
    if (keyType === 'rsa') {
      // SubjectPublicKeyInfo per RFC 6376 §3.6.1; some publish a bare PKCS#1 RSAPublicKey.
      let k;
      try {
        k = createPublicKey({ key: der, format: 'der', type: 'spki' });
      } catch {
        k = createPublicKey({ key: der, format: 'der', type: 'pkcs1' });
      }
      if (k.asymmetricKeyType !== 'rsa') errors.push(detail('detail.keyTypeMismatch', { type: String(k.asymmetricKeyType) }));
      key.bits = k.asymmetricKeyDetails?.modulusLength;
    } else if (keyType === 'ed25519') {
      if (der.length !== ED25519_KEY_BYTES) errors.push(detail('detail.ed25519Length', { expected: String(ED25519_KEY_BYTES), bytes: String(der.length) }));
      else createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, der]), format: 'der', type: 'spki' });
    } else errors.push(detail('detail.unknownKeyType', { type: keyType }));
  } catch {
    errors.push(detail('detail.unreadableKey'));
  }
  return key;
}

/**
 * DKIM (RFC 6376): key records for the given selectors, else for common ones; key type and
 * strength, revoked keys, test mode, syntax.
 */
export const checkDkim: Check = async (ctx) => {
  const { locale, domain } = ctx;
  const given = ctx.options.selectors.length > 0;
  const selectors = given ? ctx.options.selectors : COMMON_SELECTORS;
  const answers = await Promise.all(
    selectors.map(async (sel) => {
      const name = `${sel}._domainkey.${domain}`;
      try {
        const ans = await ctx.resolver.txt(name);
        return { sel, name, texts: ans.records.map(joinTxt) };
      } catch (e) {
        if (e instanceof DnsError) return { sel, name, texts: [] as string[], error: e };
        throw e;
      }
    }),
  );
  const records: string[] = [];
  const problems: Problem[] = [];
  let good = 0;
  let found = 0;
  for (const a of answers) {
    // A TXT at the selector that is not a key at all (no p=, no v=DKIM1) is a syntax problem
    // only when the user named the selector; a guessed name may hold anything.
    const keys = a.texts.filter((t) => /(^|;)\s*(v\s*=\s*DKIM1|p\s*=)/i.test(t) || given);
    if (keys.length === 0) continue;
    found++;
    for (const text of keys) records.push(`${a.name}: ${text}`);
    if (keys.length > 1) {
      problems.push(problem(ctx, 'dkim-syntax', 'error', { selector: a.sel, detail: renderDetail(locale, detail('detail.multipleRecords', { count: keys.length })) }));
      continue;
    }
    const key = parseDkimKey(keys[0]);
    let ok = true;
    for (const d of key.errors) {
      problems.push(problem(ctx, 'dkim-syntax', 'error', { selector: a.sel, detail: renderDetail(locale, d) }));
      ok = false;
    }
    if (key.revoked) {
      problems.push(problem(ctx, 'dkim-revoked', 'warning', { selector: a.sel }));
      ok = false;
    }
    for (const d of key.warnings) problems.push(problem(ctx, 'dkim-syntax', 'warning', { selector: a.sel, detail: renderDetail(locale, d) }));
    // RFC 8301 §3.1: verifiers must not accept rsa-sha1 signatures; a key restricted to sha1
    // (h=sha1) can therefore verify nothing.
    if (key.hashes && !key.hashes.includes('sha256')) {
      problems.push(problem(ctx, 'dkim-sha1-only', 'error', { selector: a.sel, hashes: key.hashes.join(':') || '-' }));
      ok = false;
    }
    if (key.testing) problems.push(problem(ctx, 'dkim-testing', 'warning', { selector: a.sel }));
    if (key.bits !== undefined && key.errors.length === 0) {
      if (key.bits < DKIM_MIN_RSA_BITS) {
        problems.push(problem(ctx, 'dkim-weak-key', 'error', { selector: a.sel, bits: String(key.bits), min: String(DKIM_MIN_RSA_BITS) }, 'broken'));
        ok = false;
      } else if (key.bits < DKIM_GOOD_RSA_BITS) problems.push(problem(ctx, 'dkim-weak-key', 'warning', { selector: a.sel, bits: String(key.bits), good: String(DKIM_GOOD_RSA_BITS) }, 'short'));
      records.push(`${a.sel}: RSA ${key.bits} bits`);
    } else if (key.keyType === 'ed25519' && key.errors.length === 0 && !key.revoked) records.push(`${a.sel}: Ed25519`);
    if (ok) good++;
  }
  const failures = answers.filter((a) => a.error);
  if (found === 0) {
    if (failures.length === answers.length || (given && failures.length)) {
      return result('dkim', 'error', dnsFailed(ctx, failures[0].name, 'TXT', failures[0].error!.code));
    }
    const p = given
      ? problem(ctx, 'dkim-not-found', 'error', { selectors: selectors.join(', '), domain }, 'given')
      : problem(ctx, 'dkim-not-found', 'warning', { count: selectors.length, domain }, 'guessed');
    const none = result('dkim', given ? 'fail' : 'warn', msg(locale, 'dkim.summary.none', { domain }), [], [p]);
    none.metrics = { selectorsFound: 0, usableKeys: 0 };
    return none;
  }
  // Every key found unusable (revoked, broken, too short) means nothing can verify.
  if (good === 0 && !problems.some((x) => x.severity === 'error')) {
    for (const x of problems) if (x.code === 'dkim-revoked') x.severity = 'error';
  }
  let status = statusOf(problems);
  if (given && failures.length && status === 'pass') status = 'error';
  const r = result('dkim', status, msg(locale, 'dkim.summary.found', { count: found, good }), records, problems);
  r.metrics = { selectorsFound: found, usableKeys: good };
  return r;
};
