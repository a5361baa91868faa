import { sourceEdit, textEdit } from '../fix';
import type { BodyPart } from '../model';
import { attr, type HtmlAttribute, type HtmlElement } from '../parse/html';
import { withoutTrailingPunctuation } from '../text/links';
import { BLOCK_BREAK, type TextView } from '../text/view';
import type { Edit } from '../types';
import { parseUrl, type UrlParts } from './url';
import { attrValueRange, type ValueRange } from './values';

/** A link of a body: an `href` in HTML, or a URL written out in a plain-text part. */
export interface Link {
  /** The URL as the mail client reads it (entities decoded). */
  url: string;
  /** The URL's parts (parsed on first use in HTML parts). */
  readonly parts: UrlParts;
  /** The element and attribute that hold the URL, in HTML parts. */
  el?: HtmlElement;
  attr?: HtmlAttribute;
  /** Visible text of the link in the part's text view (`<a>` content, or the URL itself in plain text). */
  text?: { view: TextView; from: number; to: number };
  /** Source range of the URL characters `[from, to)`. */
  range(from: number, to: number): ValueRange;
  /** Edits replacing the URL characters `[from, to)`; undefined when they cannot be made exactly. */
  edit(from: number, to: number, newText: string): Edit[] | undefined;
}

// Elements whose `href` the reader can follow: HTML links and image-map areas, and the MJML and
// Inky (Foundation for Emails) components that compile to links (`<button href>`, `<item href>`).
const LINK_TAGS = ['a', 'area', 'mj-button', 'mj-image', 'mj-social-element', 'mj-navbar-link', 'mj-carousel-image', 'button', 'item'];

// URLs in plain text: with a scheme, or starting with www. (what clients turn into links).
const TEXT_URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'\u2029\uFFFC]+/gi;

const cache = new WeakMap<object, Link[]>();

/** The links of a body part in document order, computed once and shared by the link rules. */
export function linksOf(part: BodyPart, source: string): readonly Link[] {
  const key = part.html ?? part.text;
  let links = cache.get(key);
  if (!links) {
    links = part.html ? htmlLinks(part, source) : textLinks(part.text);
    cache.set(key, links);
  }
  return links;
}

function htmlLinks(part: BodyPart, source: string): Link[] {
  const doc = part.html!;
  const out: HtmlLink[] = [];
  let sorted = true;
  for (const tag of LINK_TAGS) {
    for (const el of doc.byName(tag)) {
      const a = attr(el, 'href');
      if (!a) continue;
      if (out.length && out[out.length - 1].el.start > el.start) sorted = false;
      out.push(new HtmlLink(part, source, el, a));
    }
  }
  if (!sorted) out.sort((x, y) => x.el.start - y.el.start);
  return out;
}

// A link of an HTML part: its URL is parsed when a rule first reads its parts (the unsubscribe
// and mail-type checks read the URL alone), and its methods live on the prototype rather than
// in two closures per link.
class HtmlLink implements Link {
  readonly url: string;
  readonly text: Link['text'];
  private parsed: UrlParts | undefined;

  constructor(
    private readonly part: BodyPart,
    private readonly source: string,
    readonly el: HtmlElement,
    readonly attr: HtmlAttribute,
  ) {
    this.url = attr.value;
    this.text = el.name === 'a' ? { view: part.html!.text, from: el.textStart, to: el.textEnd } : undefined;
  }

  get parts(): UrlParts {
    return (this.parsed ??= parseUrl(this.url));
  }

  range(from: number, to: number): ValueRange {
    return attrValueRange(this.source, this.attr, from, to);
  }

  edit(from: number, to: number, newText: string): Edit[] | undefined {
    const r = attrValueRange(this.source, this.attr, from, to);
    const e = r.exact ? sourceEdit(this.part, r.start, r.end, newText) : undefined;
    return e ? [e] : undefined;
  }
}

function textLinks(view: TextView): Link[] {
  const out: Link[] = [];
  const text = view.text;
  TEXT_URL_RE.lastIndex = 0;
  for (let m = TEXT_URL_RE.exec(text); m; m = TEXT_URL_RE.exec(text)) {
    const url = text.slice(m.index, withoutTrailingPunctuation(text, m.index, m.index + m[0].length));
    if (url.includes(BLOCK_BREAK)) continue;
    const base = m.index;
    out.push({
      url,
      parts: textUrlParts(url),
      text: { view, from: base, to: base + url.length },
      range(from, to) {
        const r = view.sourceRange(base + from, base + to);
        return { ...r, exact: view.isExact(base + from, base + to) };
      },
      edit: (from, to, newText) => (view.isExact(base + from, base + to) ? textEdit(view, base + from, base + to, newText) : undefined),
    });
  }
  return out;
}

// A URL written in text may start with www. and no scheme: its host is still known.
function textUrlParts(url: string): UrlParts {
  if (!/^www\./i.test(url)) return parseUrl(url);
  const p = parseUrl(`http://${url}`);
  const shift = 'http://'.length;
  return { ...p, scheme: '', schemeStart: 0, schemeEnd: 0, hostStart: p.hostStart - shift, hostEnd: p.hostEnd - shift };
}
