// One address: its syntax (a practical subset of RFC 5322 §3.4.1 with RFC 6531's UTF-8, checked
// by hand for a reason per rejection and then by validator's isEmail), the key under which two
// spellings of one mailbox meet (duplicates), and role accounts.
import { domainToASCII } from 'node:url';
import isEmail from 'validator/lib/isEmail';
import type { Reason } from './types';

// RFC 5321 §4.5.3.1.1: a local part of at most 64 octets; §4.5.3.1.3: a path of 256 octets
// including the angle brackets, so 254 for the address.
const MAX_LOCAL_OCTETS = 64;
const MAX_ADDRESS_OCTETS = 254;
// RFC 1035 §2.3.4.
const MAX_LABEL_OCTETS = 63;
const MAX_DOMAIN_OCTETS = 253;

// RFC 5322 §3.2.3 atext, ASCII part.
const ATEXT = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~") ATEXT[c.charCodeAt(0)] = 1;

const VALIDATOR_OPTIONS = { allow_utf8_local_part: true, require_tld: true, allow_ip_domain: false, allow_display_name: false, ignore_max_length: false };

// validator's verdict on `x@domain`, per domain (cleared when large, so memory stays bounded).
const MAX_CACHED_DOMAINS = 100_000;
const domainVerdicts = new Map<string, boolean>();
function domainAccepted(domain: string): boolean {
  let ok = domainVerdicts.get(domain);
  if (ok === undefined) {
    if (domainVerdicts.size >= MAX_CACHED_DOMAINS) domainVerdicts.clear();
    ok = isEmail(`x@${domain}`, VALIDATOR_OPTIONS);
    domainVerdicts.set(domain, ok);
  }
  return ok;
}

export type ParsedAddress = { ok: true; local: string; domain: string } | { ok: false; reason: Reason };

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

function octets(s: string, ascii: boolean): number {
  return ascii ? s.length : Buffer.byteLength(s, 'utf8');
}

// RFC 5322 §3.4.1 dot-atom local part; RFC 6531 §3.3 adds UTF-8 (any non-ASCII character).
function dotAtom(local: string): boolean {
  const n = local.length;
  if (n === 0) return false;
  let prevDot = true;
  for (let i = 0; i < n; i++) {
    const c = local.charCodeAt(i);
    if (c === 46) {
      if (prevDot) return false;
      prevDot = true;
      continue;
    }
    prevDot = false;
    if (c < 128 ? ATEXT[c] !== 1 : c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000) return false;
  }
  return !prevDot;
}

/** RFC 1035 §2.3.1 host name with at least two labels, in ASCII (A-labels for IDN). */
export function isHostName(domain: string): boolean {
  const n = domain.length;
  if (n === 0 || n > MAX_DOMAIN_OCTETS) return false;
  let labelStart = 0;
  let labels = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? domain.charCodeAt(i) : 46;
    if (c === 46) {
      const len = i - labelStart;
      if (len === 0 || len > MAX_LABEL_OCTETS) return false;
      if (domain.charCodeAt(labelStart) === 45 || domain.charCodeAt(i - 1) === 45) return false;
      labels++;
      labelStart = i + 1;
      continue;
    }
    const ok = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
    if (!ok) return false;
  }
  return labels >= 2;
}

/**
 * Checks an address (already trimmed of surrounding spaces) and splits it. The domain comes
 * back lowercased in ASCII (IDN as punycode). Every rejection names its reason.
 */
export function parseAddress(address: string): ParsedAddress {
  if (address === '') return { ok: false, reason: { code: 'empty', params: {} } };
  const at = address.lastIndexOf('@');
  if (at === -1) return { ok: false, reason: { code: 'missing-at', params: {} } };
  const local = address.slice(0, at);
  const rawDomain = address.slice(at + 1);
  if (!local.startsWith('"') && local.indexOf('@') !== -1) return { ok: false, reason: { code: 'multiple-at', params: {} } };
  const ascii = isAscii(address);
  const length = octets(address, ascii);
  if (length > MAX_ADDRESS_OCTETS) return { ok: false, reason: { code: 'too-long', params: { length } } };
  const localLength = octets(local, ascii);
  if (localLength > MAX_LOCAL_OCTETS) return { ok: false, reason: { code: 'local-too-long', params: { length: localLength } } };
  if (rawDomain.startsWith('[')) return { ok: false, reason: { code: 'domain-literal', params: {} } };
  let domain = rawDomain.toLowerCase();
  if (!ascii && !isAscii(domain)) domain = domainToASCII(domain);
  if (!isHostName(domain)) return { ok: false, reason: { code: 'domain-invalid', params: { domain: rawDomain } } };
  const quoted = local.length >= 2 && local.startsWith('"') && local.endsWith('"');
  if (!quoted && !dotAtom(local)) return { ok: false, reason: { code: 'local-invalid', params: {} } };
  // The well-kept parser has the last word (TLD shape, quoted local parts, its own limits).
  // For an ASCII dot-atom local part, validator's verdict is the lengths checked above, the
  // dot-atom checked above (its emailUserPart is atext), and isFQDN on the domain: so the
  // domain's verdict is asked once per domain and kept.
  if (quoted || !ascii ? !isEmail(address, VALIDATOR_OPTIONS) : !domainAccepted(domain)) return { ok: false, reason: { code: 'syntax', params: {} } };
  return { ok: true, local, domain };
}

// Providers whose mailboxes receive mail for `name+anything` (and Gmail ignores dots).
const PLUS_TAG = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'outlook.fr',
  'outlook.be',
  'outlook.de',
  'outlook.es',
  'hotmail.com',
  'hotmail.fr',
  'hotmail.co.uk',
  'hotmail.be',
  'hotmail.de',
  'hotmail.es',
  'hotmail.it',
  'hotmail.ca',
  'hotmail.nl',
  'live.com',
  'live.fr',
  'live.be',
  'live.de',
  'live.ca',
  'live.nl',
  'live.co.uk',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'protonmail.com',
  'protonmail.ch',
  'proton.me',
  'pm.me',
  'fastmail.com',
]);
// Yahoo's disposable addresses are `base-keyword`.
const DASH_TAG = new Set(['yahoo.com', 'yahoo.fr', 'yahoo.co.uk', 'yahoo.de', 'yahoo.es', 'yahoo.it', 'yahoo.ca', 'ymail.com', 'rocketmail.com']);
// One mailbox answers under several domains.
const SAME_MAILBOX: Record<string, string> = { 'googlemail.com': 'gmail.com', 'me.com': 'icloud.com', 'mac.com': 'icloud.com', 'protonmail.ch': 'protonmail.com', 'pm.me': 'proton.me' };

/**
 * The key under which spellings of one mailbox meet: case folded, provider sub-addressing
 * removed (`+tag`, Yahoo's `-tag`), Gmail's dots ignored, googlemail.com as gmail.com.
 */
export function mailboxKey(local: string, domain: string): string {
  let l = local.toLowerCase();
  const d = SAME_MAILBOX[domain] ?? domain;
  if (PLUS_TAG.has(domain)) {
    const plus = l.indexOf('+');
    if (plus > 0) l = l.slice(0, plus);
    if (d === 'gmail.com') l = l.replace(/\./g, '');
  } else if (DASH_TAG.has(domain)) {
    const dash = l.indexOf('-');
    if (dash > 0) l = l.slice(0, dash);
  }
  return `${l}@${d}`;
}

// Role accounts: a function, not a person, so nobody in particular opted in (RFC 2142 names
// the ones every domain should have). French ones are common in French B2B lists.
const ROLES = new Set([
  'admin',
  'administrator',
  'billing',
  'contact',
  'contacts',
  'enquiries',
  'help',
  'hello',
  'hostmaster',
  'info',
  'infos',
  'information',
  'informations',
  'jobs',
  'marketing',
  'newsletter',
  'no-reply',
  'noreply',
  'do-not-reply',
  'donotreply',
  'office',
  'sales',
  'security',
  'support',
  'team',
  'webmaster',
  'www',
  // French
  'accueil',
  'bonjour',
  'commercial',
  'commerciale',
  'compta',
  'comptabilite',
  'direction',
  'equipe',
  'facturation',
  'ne-pas-repondre',
  'nepasrepondre',
  'recrutement',
  'rh',
  'secretariat',
  'service-client',
  'serviceclient',
  'ventes',
]);
// RFC 2142 §2 and §4: abuse@ and postmaster@ are read by the people who block spam; receivers
// and blocklists seed lists with them, so mail to them marks the sender.
const TRAP_ROLES = new Set(['abuse', 'postmaster']);

/** `role`, `trap-role` or undefined for the local part of an address. */
export function roleOf(local: string): 'role' | 'trap-role' | undefined {
  const l = local.toLowerCase();
  if (TRAP_ROLES.has(l)) return 'trap-role';
  return ROLES.has(l) ? 'role' : undefined;
}
