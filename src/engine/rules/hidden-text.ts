import { visibilityOf } from '../html/visibility';
import { htmlParts } from '../html/parts';
import { defineRule } from '../rule';

export const hiddenText = defineRule({
  id: 'hidden-text',
  category: 'html',
  // Hidden keyword stuffing and hash-busting text are old spam tricks that filters look for
  // (SpamAssassin HTML_FONT_LOW_CONTRAST, HTML_TINY_FONT; rspamd's zero-font rules). Most hidden
  // text in legitimate mail is a preheader or responsive content, so this is advice.
  defaultSeverity: 'info',
  weight: 0.7,
  fixable: false,
  options: {
    // A preheader is the text inbox lists show after the subject: Gmail shows about 97
    // characters, an iPhone up to 137 and Outlook up to 255 (Newsletter2Go's client table).
    // Hidden text at the top of the body beyond that is no longer a preview.
    maxPreheaderChars: { type: 'integer', default: 255, minimum: 0 },
  },
  check(ctx) {
    const { source } = ctx.model;
    const max = ctx.options.maxPreheaderChars;
    for (const part of htmlParts(ctx.model)) {
      const doc = part.html;
      // Hidden text before any visible text is what previews show first: a preheader. It is
      // allowed while the hidden text at the top stays within a preview's length.
      let preheader = 0;
      for (const block of visibilityOf(doc, source).blocks) {
        if (!block.hasWords) continue; // padding (&zwnj;&nbsp;…) or a merge tag only
        const { cause } = block;
        if (block.atTop) {
          preheader += block.length;
          if (preheader <= max) continue;
        }
        const snippet = block.snippet + (block.length > block.snippet.length ? '…' : '');
        const message =
          block.atTop
            ? ctx.t('hidden-text.longPreheader', { length: preheader, max })
            : cause.kind === 'color'
              ? ctx.t('hidden-text.color', { color: cause.color!, length: block.length, text: snippet })
              : ctx.t('hidden-text.hidden', { how: source.slice(cause.start, cause.end).replace(/\s+/g, ' '), length: block.length, text: snippet });
        ctx.report({ start: cause.start, end: cause.end, message, data: { kind: cause.kind, length: block.length } });
      }
    }
  },
});
