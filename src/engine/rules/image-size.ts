import { imagesOf } from '../html/images';
import { parseUrl } from '../html/url';
import { attrValueRange } from '../html/values';
import type { HtmlAttribute } from '../parse/html';
import { resolveLocalPath } from '../resources';
import { defineRule } from '../rule';

const KB = 1024;

interface Measured {
  src: HtmlAttribute;
  bytes: number;
  /** What the image is, for counting each file once in the total. */
  key: string;
  start: number;
  end: number;
}

/** Decoded size of a `data:` URI's payload, from its length (base64 carries 3 bytes per 4 characters). */
export function dataUriBytes(uri: string): number {
  const comma = uri.indexOf(',');
  if (comma < 0) return 0;
  const header = uri.slice(0, comma);
  const payload = uri.slice(comma + 1);
  if (/;base64$/i.test(header.trim())) {
    const chars = payload.replace(/[\s=]/g, '').length;
    return Math.floor((chars * 3) / 4);
  }
  return payload.length - 2 * (payload.match(/%[0-9a-f]{2}/gi)?.length ?? 0);
}

export const imageSize = defineRule({
  id: 'image-size',
  category: 'images',
  defaultSeverity: 'warning',
  weight: 0.2,
  fixable: false,
  options: {
    // ESP image guides (Listrak's image optimization guide, among others) put a full-width hero
    // image at 200 KB at most and the whole message under 1 MB: everything downloads when the
    // message opens, often over mobile data.
    maxImageKb: { type: 'integer', default: 200, minimum: 1 },
    maxTotalKb: { type: 'integer', default: 1024, minimum: 1 },
  },
  check(ctx) {
    const { source } = ctx.model;
    const { maxImageKb, maxTotalKb } = ctx.options;
    const measured: Measured[] = [];
    for (const part of ctx.model.parts) {
      for (const img of imagesOf(part, source)) {
        const src = img.src;
        if (!src) continue;
        const url = parseUrl(src.value);
        if (url.templated) continue;
        if (url.scheme === 'data') {
          // caniemail.com (image-base64): Gmail and Outlook.com do not show data: images, and
          // they count towards Gmail's 102 KB clipping limit.
          const bytes = dataUriBytes(src.value.trim());
          const comma = src.value.indexOf(',');
          const r = attrValueRange(source, src, 0, comma > 0 ? comma : src.value.length);
          measured.push({ src, bytes, key: `data:${src.start}`, start: r.start, end: r.end });
          ctx.report({ start: r.start, end: r.end, message: ctx.t('image-size.dataUri', { kb: bytes / KB }), data: { bytes } });
          continue;
        }
        // Remote images are never fetched; local files are measured through the host's resources.
        const path = ctx.resources && resolveLocalPath(ctx.fileName, src.value);
        const bytes = path === undefined ? undefined : ctx.resources!.size(path);
        if (bytes === undefined) continue;
        measured.push({ src, bytes, key: `file:${path}`, start: src.valueStart, end: src.valueEnd });
        if (bytes > maxImageKb * KB) {
          ctx.report({ start: src.valueStart, end: src.valueEnd, message: ctx.t('image-size.heavy', { kb: bytes / KB, max: maxImageKb }), data: { bytes } });
        }
      }
    }
    // Each file downloads once however often it is shown.
    const seen = new Set<string>();
    let total = 0;
    for (const m of measured) {
      if (seen.has(m.key)) continue;
      seen.add(m.key);
      total += m.bytes;
    }
    if (total <= maxTotalKb * KB) return;
    const heaviest = [...measured].sort((a, b) => b.bytes - a.bytes || a.start - b.start);
    ctx.report({
      start: heaviest[0].start,
      end: heaviest[0].end,
      message: ctx.t('image-size.total', { kb: total / KB, max: maxTotalKb }),
      related: heaviest.slice(1, 5).map((m) => ({ start: m.start, end: m.end, message: ctx.t('image-size.related', { kb: m.bytes / KB }) })),
      data: { bytes: total },
    });
  },
});
