import { startTag } from '../html/values';
import type { BodyPart } from '../model';
import { utf8Length } from '../parse/charset';
import type { HtmlDocument, HtmlElement } from '../parse/html';
import { htmlParts } from '../html/parts';
import { defineRule } from '../rule';

const KB = 1024;
// UTF-8 spends at most 3 bytes on a UTF-16 code unit (4 on a surrogate pair's two, see
// utf8Length): a text of no more than a third of a limit in code units is within it, without
// counting its bytes (most templates and style blocks).
const MAX_UTF8_BYTES_PER_UNIT = 3;

// Whether `units` UTF-16 code units certainly fit in `limit` UTF-8 bytes.
function fitsUncounted(units: number, limit: number): boolean {
  return units * MAX_UTF8_BYTES_PER_UNIT <= limit;
}

export const messageSize = defineRule({
  id: 'message-size',
  category: 'message',
  defaultSeverity: 'warning',
  weight: 0.3,
  fixable: false,
  options: {
    // Gmail shows the first 102 KB of a message's HTML and hides the rest behind
    // "[Message clipped] View entire message", unsubscribe link and open pixel included
    // (Email on Acid, "Gmail clips your message at 102K").
    maxHtmlKb: { type: 'integer', default: 102, minimum: 1 },
    // Gmail ignores a <style> block of more than 16 KB and shows the message unstyled (an
    // undocumented limit measured by email developers; see the Email on Acid Gmail notes).
    maxStyleKb: { type: 'integer', default: 16, minimum: 1 },
  },
  check(ctx) {
    const { source } = ctx.model;
    const { maxHtmlKb, maxStyleKb } = ctx.options;
    for (const part of htmlParts(ctx.model)) {
      const doc = part.html;
      // Outside a message, a part's content is its source range as is.
      const uncounted = ctx.model.kind !== 'eml' && fitsUncounted(part.end - part.start, maxHtmlKb * KB);
      if (!uncounted && part.byteSize > maxHtmlKb * KB) {
        const at = clipOffset(source, part, maxHtmlKb * KB, ctx.model.kind === 'eml');
        const el = firstElementFrom(doc, at) ?? doc.elements[0];
        const range = el ? startTag(el) : { start: part.start, end: Math.min(part.end, part.start + 1) };
        ctx.report({ ...range, message: ctx.t('message-size.clipped', { kb: part.byteSize / KB, max: maxHtmlKb }), data: { bytes: part.byteSize } });
      }
      // Blocks and <style> elements are both in document order: walk them together.
      const styleElements = doc.byName('style');
      let k = 0;
      for (const block of doc.styles) {
        while (k + 1 < styleElements.length && styleElements[k + 1].start <= block.start) k++;
        if (fitsUncounted(block.text.length, maxStyleKb * KB)) continue;
        const bytes = utf8Length(block.text);
        if (bytes <= maxStyleKb * KB) continue;
        const el = styleElements[k] && styleElements[k].start <= block.start ? styleElements[k] : undefined;
        const range = el ? startTag(el) : { start: block.start, end: block.start };
        ctx.report({ ...range, message: ctx.t('message-size.style', { kb: bytes / KB, max: maxStyleKb }), data: { bytes } });
      }
    }
  },
});

// The source offset where the part's HTML passes `limit` bytes. For a MIME part, whose
// transfer encoding changes sizes, the decoded size is spread evenly over the encoded source.
function clipOffset(source: string, part: BodyPart, limit: number, encoded: boolean): number {
  const raw = source.slice(part.start, part.end);
  const target = encoded ? (limit * utf8Length(raw)) / Math.max(1, part.byteSize) : limit;
  let bytes = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : c >= 0xdc00 && c <= 0xdfff ? 0 : 3;
    if (bytes > target) return part.start + i;
  }
  return part.end;
}

// The first element starting at or after `offset`: the first thing Gmail hides (elements are in document order).
function firstElementFrom(doc: HtmlDocument, offset: number): HtmlElement | undefined {
  const list = doc.elements;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return list[lo];
}
