// SPF record syntax (RFC 7208 §4.5, §4.6, §5, §6, §12 ABNF). A record with any syntax error
// anywhere is a permerror (§4.6), so the whole record is parsed before evaluation.
import { type Detail, detail, DetailError } from '../detail';
import { type IpAddress, parseIpv4, parseIpv6 } from '../dns/ip';
import { MacroSyntaxError, type MacroToken, parseDomainSpec, parseMacroString } from './macro';

export type Qualifier = '+' | '-' | '~' | '?';
export type MechanismName = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';

export interface Mechanism {
  kind: 'mechanism';
  /** The term as written. */
  text: string;
  qualifier: Qualifier;
  name: MechanismName;
  /** Target domain-spec (include, a, mx, ptr, exists), as written. */
  domainSpec?: string;
  target?: MacroToken[];
  /** ip4 / ip6 network. */
  network?: IpAddress;
  cidr4?: number;
  cidr6?: number;
}

export interface Modifier {
  kind: 'modifier';
  text: string;
  /** Lowercase name. */
  name: string;
  value: string;
  target?: MacroToken[];
}

export type Term = Mechanism | Modifier;

export interface SpfRecord {
  text: string;
  terms: Term[];
  mechanisms: Mechanism[];
  redirect?: Modifier;
  exp?: Modifier;
}

export class SpfSyntaxError extends DetailError {
  constructor(
    d: Detail,
    readonly term?: string,
  ) {
    super(d);
  }
}

/** A problem inside one term: the term, then what is wrong with it. */
const termDetail = (term: string, inner: Detail): Detail => ({ key: 'detail.inTerm', params: { term }, inner });

// RFC 7208 §4.5: "v=spf1" (case-insensitive) followed by a space or the end of the record.
const VERSION_RE = /^v=spf1(?: |$)/i;

/** True for a TXT record that is an SPF record (the version test of RFC 7208 §4.5). */
export function isSpfRecord(txt: string): boolean {
  return VERSION_RE.test(txt);
}

// ip4-cidr-length = "/" ("0" / %x31-39 0*1DIGIT); leading zeros are not allowed.
const CIDR = '(0|[1-9]\\d*)';
// regex-audit: safe, anchored at the end, digits only, each part optional once
const DUAL_CIDR_RE = new RegExp(`(?:/${CIDR})?(?://${CIDR})?$`);
// name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." ) (RFC 7208 §12)
const MODIFIER_RE = /^([a-z][a-z0-9\-_.]*)=(.*)$/i;
// The rest of the term is taken by hand: `([a-z][a-z0-9]*)(.*)$` retried every split of a long
// name when a line break made `$` fail (quadratic, found by the regex audit).
const MECHANISM_RE = /^([+\-~?]?)([a-z][a-z0-9]*)/i;
const LINE_BREAK_RE = /[\n\r\u2028\u2029]/;

function domainSpec(spec: string, term: string): MacroToken[] {
  try {
    return parseDomainSpec(spec);
  } catch (e) {
    if (e instanceof DetailError) throw new SpfSyntaxError(termDetail(term, e.detail), term);
    throw e;
  }
}

function parseMechanism(term: string): Mechanism {
  const m = MECHANISM_RE.exec(term);
  const tail = m ? term.slice(m[0].length) : '';
  if (!m || LINE_BREAK_RE.test(tail)) throw new SpfSyntaxError(detail('detail.unknownTerm', { term }), term);
  const qualifier = (m[1] || '+') as Qualifier;
  const name = m[2].toLowerCase();
  let rest = tail;
  const mech: Mechanism = { kind: 'mechanism', text: term, qualifier, name: name as MechanismName };
  const needSpec = () => {
    if (!rest.startsWith(':') || rest.length === 1) throw new SpfSyntaxError(detail('detail.domainRequired', { term, name }), term);
    mech.domainSpec = rest.slice(1);
    mech.target = domainSpec(mech.domainSpec, term);
  };
  switch (name) {
    case 'all':
      if (rest) throw new SpfSyntaxError(detail('detail.allArgument', { term }), term);
      return mech;
    case 'include':
    case 'exists':
      needSpec();
      return mech;
    case 'ptr':
      if (rest) needSpec();
      return mech;
    case 'a':
    case 'mx': {
      const cidr = DUAL_CIDR_RE.exec(rest);
      if (cidr && cidr[0]) {
        if (cidr[1] !== undefined) mech.cidr4 = Number(cidr[1]);
        if (cidr[2] !== undefined) mech.cidr6 = Number(cidr[2]);
        rest = rest.slice(0, rest.length - cidr[0].length);
      }
      if ((mech.cidr4 ?? 0) > 32 || (mech.cidr6 ?? 0) > 128) throw new SpfSyntaxError(detail('detail.badPrefix', { term }), term);
      if (rest) needSpec();
      return mech;
    }
    case 'ip4':
    case 'ip6': {
      // regex-audit: safe, anchored, `[^/]+` stops at the only `/` the rest may hold
      const ipm = new RegExp(`^:([^/]+)(?:/${CIDR})?$`).exec(rest);
      const ip = ipm && (name === 'ip4' ? parseIpv4(ipm[1]) : parseIpv6(ipm[1]));
      if (!ipm || !ip) throw new SpfSyntaxError(detail('detail.badNetwork', { term, family: name === 'ip4' ? 'IPv4' : 'IPv6' }), term);
      const prefix = ipm[2] === undefined ? undefined : Number(ipm[2]);
      if (prefix !== undefined && prefix > (name === 'ip4' ? 32 : 128)) throw new SpfSyntaxError(detail('detail.badPrefix', { term }), term);
      mech.network = ip;
      if (name === 'ip4') mech.cidr4 = prefix;
      else mech.cidr6 = prefix;
      return mech;
    }
    default:
      throw new SpfSyntaxError(detail('detail.unknownMechanism', { name: m[2] }), term);
  }
}

/** Parses a record that passed `isSpfRecord`. Throws SpfSyntaxError. */
export function parseSpf(text: string): SpfRecord {
  // RFC 7208 §3.1, §4.6.1: 7-bit ASCII, terms separated by spaces only (no tabs or controls).
  // eslint-disable-next-line no-control-regex
  const bad = /[^\x20-\x7e]/.exec(text);
  if (bad) throw new SpfSyntaxError(detail('detail.invalidChar', { code: `U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}` }));
  if (!isSpfRecord(text)) throw new SpfSyntaxError(detail('detail.spfVersion'));
  const record: SpfRecord = { text, terms: [], mechanisms: [] };
  for (const term of text.slice(6).split(' ')) {
    if (!term) continue;
    const mod = MODIFIER_RE.exec(term);
    if (mod) {
      const name = mod[1].toLowerCase();
      const modifier: Modifier = { kind: 'modifier', text: term, name, value: mod[2] };
      if (name === 'redirect' || name === 'exp') {
        // RFC 7208 §6: each at most once.
        if (record[name]) throw new SpfSyntaxError(detail('detail.modifierTwice', { name }), term);
        modifier.target = domainSpec(mod[2], term);
        record[name] = modifier;
      } else {
        // unknown-modifier = name "=" macro-string: the value must still be valid macro syntax.
        try {
          parseMacroString(mod[2], true);
        } catch (e) {
          if (e instanceof MacroSyntaxError) throw new SpfSyntaxError(termDetail(term, e.detail), term);
          throw e;
        }
      }
      record.terms.push(modifier);
      continue;
    }
    const mech = parseMechanism(term);
    record.terms.push(mech);
    record.mechanisms.push(mech);
  }
  return record;
}
