import { linksOf } from '../html/links';
import { htmlParts } from '../html/parts';
import { siteOf } from '../html/url';
import { defineRule } from '../rule';

// A URL or domain name written in link text: with a scheme, with www., or a bare name whose
// last label is a common top-level domain (so "index.html" or "Node.js" are not domains).
const SHOWN_RE = /(?<![\w@.-])(https?:\/\/)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,24}))(?![\w-]|\.[a-z0-9])/gi;

const MAX_LINK_TEXT_CHARS = 300;

// Generic TLDs and the country codes most seen in mail (IANA root zone).
const COMMON_TLDS = new Set([
  'com', 'net', 'org', 'info', 'biz', 'edu', 'gov', 'mil', 'int', 'io', 'co', 'me', 'app', 'dev', 'ai', 'tv', 'cc',
  'shop', 'store', 'online', 'site', 'xyz', 'tech', 'cloud', 'blog', 'news', 'email', 'link', 'club', 'top', 'pro',
  'paris', 'bzh', 'alsace', 'corsica', 'eu', 'fr', 're', 'be', 'ch', 'lu', 'mc', 'ca', 'qc', 'us', 'uk', 'ie', 'de',
  'at', 'nl', 'es', 'pt', 'it', 'pl', 'cz', 'sk', 'se', 'no', 'dk', 'fi', 'is', 'gr', 'ro', 'hu', 'bg', 'hr', 'si',
  'ru', 'ua', 'tr', 'il', 'ae', 'sa', 'in', 'cn', 'jp', 'kr', 'tw', 'hk', 'sg', 'my', 'th', 'vn', 'id', 'ph', 'au',
  'nz', 'za', 'ma', 'tn', 'dz', 'sn', 'ci', 'cm', 'br', 'ar', 'mx', 'cl', 'pe', 'ly', 'gl', 'gd', 'to', 'ws', 'fm',
]);

export const linkMismatch = defineRule({
  id: 'link-mismatch',
  category: 'links',
  defaultSeverity: 'warning',
  // Link text naming one site while the link goes to another is the classic phishing pattern
  // (rspamd PHISHING, SpamAssassin's HTTPS_HTTP_MISMATCH family); mailbox providers warn on it.
  weight: 1.5,
  fixable: false,
  check(ctx) {
    const { source } = ctx.model;
    for (const part of htmlParts(ctx.model)) {
      for (const link of linksOf(part, source)) {
        const p = link.parts;
        if (!link.text || !link.attr || p.templated || !p.host || (p.scheme !== 'http' && p.scheme !== 'https')) continue;
        const { view, from, to } = link.text;
        if (to <= from) continue;
        // An address shown as link text comes first and is short; reading a bounded prefix keeps
        // nested links (hostile markup) from making this quadratic.
        const end = Math.min(to, from + MAX_LINK_TEXT_CHARS);
        // Most link texts ("Read more", "Unsubscribe") name no domain: no dot, nothing to parse.
        if (!hasDot(view.text, from, end)) continue;
        const text = view.text.slice(from, end);
        // The link's site (a public-suffix lookup) only once the text shows a domain.
        let target: string | undefined;
        SHOWN_RE.lastIndex = 0;
        for (let m = SHOWN_RE.exec(text); m; m = SHOWN_RE.exec(text)) {
          const host = m[2].toLowerCase();
          const explicit = !!m[1] || host.startsWith('www.');
          if (!explicit && !COMMON_TLDS.has(m[3].toLowerCase())) continue;
          const shown = siteOf(host);
          target ??= siteOf(p.host);
          if (shown === target) continue;
          const r = view.sourceRange(from + m.index, from + m.index + m[0].length);
          ctx.report({
            start: r.start,
            end: r.end,
            message: ctx.t('link-mismatch.found', { shown: host, host: p.host }),
            related: [{ start: link.attr.valueStart, end: link.attr.valueEnd, message: ctx.t('link-mismatch.related', { host: p.host }) }],
            data: { shown: host, host: p.host },
          });
          break; // one finding per link
        }
      }
    }
  },
});

// Whether text[from, end) has a full stop; bounded, unlike indexOf, which would read on.
function hasDot(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === 46) return true;
  return false;
}
