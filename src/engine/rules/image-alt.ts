import { insertAt, makeSuggestion } from '../fix';
import { attr } from '../parse/html';
import { startTag } from '../html/values';
import { htmlParts } from '../html/parts';
import { defineRule } from '../rule';

export const imageAlt = defineRule({
  id: 'image-alt',
  category: 'images',
  // Most clients block images until the reader allows them; without alt text the message shows
  // empty boxes (or the file name) and screen readers spell out the URL. WCAG 2.1, 1.1.1.
  defaultSeverity: 'warning',
  weight: 0.1,
  fixable: false,
  hasSuggestions: true,
  check(ctx) {
    for (const part of htmlParts(ctx.model)) {
      const doc = part.html;
      // MJML gives <mj-image> an empty alt by default; only plain <img> can lack one.
      for (const el of doc.byName('img')) {
        if (attr(el, 'alt')) continue;
        // A suggestion: an empty alt marks the image as decorative, which only the writer knows.
        const suggestion = makeSuggestion(ctx.t('fix.addEmptyAlt'), [insertAt(part, el.nameEnd, ' alt=""')]);
        ctx.report({ ...startTag(el), message: ctx.t('image-alt.missing'), suggestions: [suggestion] });
      }
    }
  },
});
