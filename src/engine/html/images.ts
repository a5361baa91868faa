import type { BodyPart } from '../model';
import { attr, type HtmlAttribute, type HtmlDocument, type HtmlElement } from '../parse/html';
import { declared, inlineStyle, type ReadProperty } from './styles';
import { parseUrl } from './url';
import { attrLength, cssLength, type Length } from './values';
import { type HideCause, visibilityOf } from './visibility';

/** An image of an HTML body, with the size it will be shown at. */
export interface EmailImage {
  el: HtmlElement;
  src?: HtmlAttribute;
  /** Size in pixels declared by attributes or inline CSS; undefined when not declared. */
  width?: number;
  height?: number;
  /** Size used to weigh the image: the declared size, or the DEFAULT_IMAGE_SIDE_PX guess. */
  shownWidth: number;
  shownHeight: number;
  /** What hides the image (`display:none` on it or an ancestor), if anything. */
  hidden?: HideCause;
  /** Why it looks like an open-tracking pixel, if it does. */
  tracking?: 'size' | 'hidden' | 'host';
}

/**
 * SpamAssassin's HTML image-area tests (HTML_IMAGE_RATIO_*, HTML_IMAGE_ONLY_*) count an image
 * without a usable width or height as 200 px on that side.
 */
export const DEFAULT_IMAGE_SIDE_PX = 200;
/** Width that percentages are taken of: the usual email layout width (600–800 px guidance, see html-width). */
export const LAYOUT_WIDTH_PX = 600;
/**
 * An image at most this many pixels wide and high is a beacon, not a picture: open-tracking
 * pixels are 1×1 GIFs, and up to 2 px nothing is visible either.
 */
export const TRACKING_PIXEL_MAX_PX = 2;

// Open-tracking services whose images exist only to report that a message was opened. Hosts
// match exactly or as a parent domain.
const TRACKING_HOSTS = [
  'mailtrack.io', // Mailtrack
  'mailfoogae.appspot.com', // Streak
  't.yesware.com', // Yesware
  'app.bananatag.com', // Bananatag
  'getnotify.com', // GetNotify
  'readnotify.com', // ReadNotify
];
// Open-tracking endpoints of the big ESPs (Mailchimp, Mandrill, SendGrid) and the Google
// Analytics measurement protocol, recognisable by their path on any host.
const TRACKING_PATHS = [/\/track\/open(\.php)?\b/i, /\/wf\/open\b/i, /google-analytics\.com\/collect\b/i];
const SIDEKICK_RE = /(^|\.)t\.sidekickopen\d*\.com$/; // HubSpot Sales

const cache = new WeakMap<object, EmailImage[]>();

/** The images of an HTML part (`<img>`, MJML `<mj-image>`), computed once and shared by the image rules. */
export function imagesOf(part: BodyPart, source: string): readonly EmailImage[] {
  const doc = part.html;
  if (!doc) return [];
  let images = cache.get(doc);
  if (!images) {
    const visibility = visibilityOf(doc, source);
    images = [];
    for (const tag of ['img', 'mj-image']) {
      for (const el of doc.byName(tag)) images.push(describe(doc, el, source, visibility.hiddenBy(el), tag === 'mj-image'));
    }
    if (doc.byName('mj-image').length && doc.byName('img').length) images.sort((a, b) => a.el.start - b.el.start);
    cache.set(doc, images);
  }
  return images;
}

function describe(doc: HtmlDocument, el: HtmlElement, source: string, hidden: HideCause | undefined, mjml: boolean): EmailImage {
  const style = el.attrs.length ? inlineStyle(doc, source, el) : undefined;
  const css = (p: ReadProperty) => {
    const d = style && declared(style, p);
    return d ? cssLength(d.value) : undefined;
  };
  const html = (p: string) => {
    const a = attr(el, p);
    return a ? attrLength(a.value) : undefined;
  };
  const maxWidth = css('max-width');
  const width = resolve(css('width'), html('width'), maxWidth, LAYOUT_WIDTH_PX);
  const height = resolve(css('height'), html('height'), css('max-height'), undefined);
  // An MJML image without a width fills its column: at most the 600 px body.
  const shownWidth = width ?? (mjml ? LAYOUT_WIDTH_PX : DEFAULT_IMAGE_SIDE_PX);
  const shownHeight = height ?? DEFAULT_IMAGE_SIDE_PX;
  const src = attr(el, 'src');
  const image: EmailImage = { el, src, width, height, shownWidth, shownHeight, hidden };
  const tiny = (width !== undefined || height !== undefined) && (width ?? 0) <= TRACKING_PIXEL_MAX_PX && (height ?? 0) <= TRACKING_PIXEL_MAX_PX;
  if (tiny) image.tracking = 'size';
  else if (src && isTrackingUrl(src.value)) image.tracking = 'host';
  else if (hidden && hidden.kind === 'display' && width === undefined && height === undefined) image.tracking = 'hidden';
  return image;
}

// Pixel sizes win over percentages (a 100% wide image in a 200 px cell declared width="200" is
// 200 px wide); a percentage is taken of `base`, and max-width caps the result.
function resolve(css: Length | undefined, html: Length | undefined, max: Length | undefined, base: number | undefined): number | undefined {
  let px: number | undefined;
  if (css?.unit === 'px') px = css.value;
  else if (html?.unit === 'px') px = html.value;
  else if (base !== undefined) {
    const pct = css?.unit === '%' ? css.value : html?.unit === '%' ? html.value : undefined;
    if (pct !== undefined) px = (base * pct) / 100;
  }
  if (px !== undefined && max?.unit === 'px') px = Math.min(px, max.value);
  return px;
}

/** True when an image URL is a known open-tracking endpoint. */
export function isTrackingUrl(url: string): boolean {
  const parts = parseUrl(url);
  if (parts.templated || (parts.scheme !== 'http' && parts.scheme !== 'https')) return false;
  const host = parts.host;
  if (TRACKING_HOSTS.some((h) => host === h || host.endsWith('.' + h)) || SIDEKICK_RE.test(host)) return true;
  return TRACKING_PATHS.some((re) => re.test(url));
}
