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
const SCHEME_RE = /^([a-z][a-z0-9+.-]*):/i;
const HIERARCHICAL = new Set(['http', 'https', 'ftp', 'ftps', 'ws', 'wss']);

/** Reads a URL (an `href`, a `src`, a URL in plain text) without resolving or fetching it. */
export function parseUrl(url: string): UrlParts {
  let lead = 0;
  while (lead < url.length && url.charCodeAt(lead) <= 0x20) lead++;
  const placeholder = PLACEHOLDER_RE.exec(url);
  const placeholderAt = placeholder ? placeholder.index : Infinity;
  const out: UrlParts = { scheme: '', schemeStart: lead, schemeEnd: lead, host: '', hostStart: lead, hostEnd: lead, templated: placeholderAt <= lead };
  const rest = url.slice(lead);
  const m = SCHEME_RE.exec(rest);
  let authority = -1;
  if (m) {
    out.scheme = m[1].toLowerCase();
    out.schemeEnd = lead + m[1].length;
    if (HIERARCHICAL.has(out.scheme) && /^[/\\]{2}/.test(url.slice(out.schemeEnd + 1, out.schemeEnd + 3))) authority = out.schemeEnd + 3;
  } else if (rest.startsWith('//')) authority = lead + 2;
  if (authority >= 0) {
    let end = authority;
    while (end < url.length && !'/?#\\'.includes(url[end])) end++;
    let hostStart = authority;
    const at = url.lastIndexOf('@', end - 1);
    if (at >= authority) hostStart = at + 1;
    let hostEnd = end;
    if (url[hostStart] === '[') {
      const close = url.indexOf(']', hostStart);
      hostEnd = close >= 0 && close < end ? close + 1 : end;
    } else {
      const colon = url.indexOf(':', hostStart);
      if (colon >= 0 && colon < end) hostEnd = colon;
    }
    let host = url.slice(hostStart, hostEnd).toLowerCase();
    if (host.endsWith('.')) host = host.slice(0, -1);
    out.host = host;
    out.hostStart = hostStart;
    out.hostEnd = hostEnd;
  }
  if (placeholderAt < Math.max(out.hostEnd, out.schemeEnd + 1)) out.templated = true;
  return out;
}

const IPV4_PART = /^(0x[0-9a-f]+|\d+)$/i;

/**
 * True when a host is an IP address rather than a name: dotted IPv4, an IPv6 literal, or the
 * integer and hexadecimal forms browsers also accept (`http://3232235777/`, `http://0xC0.0xA8.0.1/`).
 */
export function isIpHost(host: string): boolean {
  if (!host) return false;
  if (host.startsWith('[')) return true;
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
