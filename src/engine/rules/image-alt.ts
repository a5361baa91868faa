import { insertAt, makeFix } from '../fix';
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
  fixable: true,
  check(ctx) {
    for (const part of htmlParts(ctx.model)) {
      const doc = part.html;
      // MJML gives <mj-image> an empty alt by default; only plain <img> can lack one.
      for (const el of doc.byName('img')) {
        if (attr(el, 'alt')) continue;
        const fix = makeFix(ctx.t('fix.addEmptyAlt'), [insertAt(part, el.nameEnd, ' alt=""')], true);
        ctx.report({ ...startTag(el), message: ctx.t('image-alt.missing'), fixes: fix && [fix] });
      }
    }
  },
});
