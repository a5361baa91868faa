import { lowerCase } from '../text/normalize';

/** The parts of a URL that rules look at, with offsets into the URL string. */
export interface UrlParts {
  /** Lowercased scheme without the colon; '' for relative and protocol-relative URLs. */
  scheme: string;
  schemeStart: number;
  schemeEnd: number;
  /** Lowercased host, without credentials, port or a trailing dot; '' when the URL has none. */
  host: string;
  hostStart: number;
  hostEnd: number;
  /**
   * A template placeholder (`{{ url }}`, `*|UNSUB|*`, `{% … %}`, `%%x%%`…) stands in for the
   * scheme or the host: what they will be is only known when the ESP sends the message.
   */
  templated: boolean;
}

// Merge-tag openers of the common ESPs and template languages (Handlebars/Liquid/Jinja, Mailchimp,
// Salesforce, ERB/ASP, JS template strings, Campaign Monitor/SendGrid [tag]), and `{{` percent-encoded
// by an editor.
const PLACEHOLDER_RE = /\{\{|\{%|\*\||%%|\[\[|<%|\$\{|%7b%7b|\[[a-z_][\w -]*\]/i;
const HIERARCHICAL = new Set(['http', 'https', 'ftp', 'ftps', 'ws', 'wss']);

/** Reads a URL (an `href`, a `src`, a URL in plain text) without resolving or fetching it. */
export function parseUrl(url: string): UrlParts {
  const n = url.length;
  let lead = 0;
  while (lead < n && url.charCodeAt(lead) <= 0x20) lead++;
  const out: UrlParts = { scheme: '', schemeStart: lead, schemeEnd: lead, host: '', hostStart: lead, hostEnd: lead, templated: false };
  // The scheme, `^([a-z][a-z0-9+.-]*):` case-insensitively, read by hand.
  let k = lead;
  if (k < n && isLetter(url.charCodeAt(k))) {
    k++;
    while (k < n && isSchemeChar(url.charCodeAt(k))) k++;
  }
  let authority = -1;
  if (k > lead && k < n && url.charCodeAt(k) === 0x3a) {
    out.scheme = schemeName(url, lead, k);
    out.schemeEnd = k;
    if (HIERARCHICAL.has(out.scheme) && isSlash(url.charCodeAt(k + 1)) && isSlash(url.charCodeAt(k + 2))) authority = k + 3;
  } else if (url.charCodeAt(lead) === 0x2f && url.charCodeAt(lead + 1) === 0x2f) authority = lead + 2;
  if (authority >= 0) {
    // The authority's end, and its last `@` (credentials end there).
    let end = authority;
    let at = -1;
    for (; end < n; end++) {
      const c = url.charCodeAt(end);
      if (c === 0x2f || c === 0x3f || c === 0x23 || c === 0x5c) break; // / ? # \
      if (c === 0x40) at = end;
    }
    let hostStart = authority;
    if (at >= 0) hostStart = at + 1;
    let hostEnd = end;
    if (url[hostStart] === '[') {
      const close = url.indexOf(']', hostStart);
      hostEnd = close >= 0 && close < end ? close + 1 : end;
    } else {
      const colon = url.indexOf(':', hostStart);
      if (colon >= 0 && colon < end) hostEnd = colon;
    }
    let host = lowerCase(url.slice(hostStart, hostEnd));
    if (host.endsWith('.')) host = host.slice(0, -1);
    out.host = host;
    out.hostStart = hostStart;
    out.hostEnd = hostEnd;
  }
  // A placeholder before the end of the host (or in the scheme, or where the URL starts). One
  // search of the whole URL measured faster than trying the placeholders only up to there.
  const placeholder = PLACEHOLDER_RE.exec(url);
  out.templated = placeholder !== null && placeholder.index < Math.max(out.hostEnd, out.schemeEnd + 1);
  return out;
}

// The lowercased scheme `url[from, to)` (ASCII letters, digits, `+.-`): `http` and `https`
// without a slice, the others lowercased.
function schemeName(url: string, from: number, to: number): string {
  const len = to - from;
  if (
    (len === 4 || len === 5) &&
    (url.charCodeAt(from) | 0x20) === 0x68 &&
    (url.charCodeAt(from + 1) | 0x20) === 0x74 &&
    (url.charCodeAt(from + 2) | 0x20) === 0x74 &&
    (url.charCodeAt(from + 3) | 0x20) === 0x70
  ) {
    if (len === 4) return 'http';
    if ((url.charCodeAt(from + 4) | 0x20) === 0x73) return 'https';
  }
  return lowerCase(url.slice(from, to));
}

// [A-Za-z]
function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

// [A-Za-z0-9+.-]
function isSchemeChar(c: number): boolean {
  return isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2e || c === 0x2d;
}

// / or \
function isSlash(c: number): boolean {
  return c === 0x2f || c === 0x5c;
}

const IPV4_PART = /^(0x[0-9a-f]+|\d+)$/i;
// The characters of IPV4_PART and the dots between labels.
const IP_CHAR = new Uint8Array(128);
for (const c of '0123456789abcdefABCDEFxX.') IP_CHAR[c.charCodeAt(0)] = 1;

/**
 * True when a host is an IP address rather than a name: dotted IPv4, an IPv6 literal, or the
 * integer and hexadecimal forms browsers also accept (`http://3232235777/`, `http://0xC0.0xA8.0.1/`).
 */
export function isIpHost(host: string): boolean {
  if (!host) return false;
  if (host.startsWith('[')) return true;
  // Every label is digits or `0x` and hex digits: a host with another character (most names
  // have one among their first letters) is none, without a split and a test per label.
  for (let i = 0; i < host.length; i++) {
    const c = host.charCodeAt(i);
    if (c >= 128 || IP_CHAR[c] === 0) return false;
  }
  const labels = host.split('.');
  return labels.length <= 4 && labels.every((l) => IPV4_PART.test(l));
}

// Second-level labels under which country registries sell names (example.co.uk, example.com.au).
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'gouv', 'ac', 'edu', 'ne', 'or', 'go', 'gob', 'nom', 'asso']);

/** The registrable part of a host, without a public-suffix list: `news.example.co.uk` gives `example.co.uk`. */
export function siteOf(host: string): string {
  const labels = host.replace(/^www\d*\./, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const n = labels.length;
  const keep = labels[n - 1].length === 2 && SECOND_LEVEL.has(labels[n - 2]) ? 3 : 2;
  return labels.slice(n - keep).join('.');
}
