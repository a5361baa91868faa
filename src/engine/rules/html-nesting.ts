import { startTag } from '../html/values';
import { htmlParts } from '../html/parts';
import { MAX_HTML_DEPTH } from '../parse/html';
import { defineRule } from '../rule';

// Markup nested past MAX_HTML_DEPTH levels is read the way Chromium reads it: deeper elements
// become siblings. Say so, since what is checked is then not the tree the source spells out.
export const htmlNesting = defineRule({
  id: 'html-nesting',
  category: 'html',
  defaultSeverity: 'info',
  weight: 0,
  fixable: false,
  check(ctx) {
    for (const part of htmlParts(ctx.model)) {
      const flat = part.html.flattened;
      if (flat) ctx.report({ ...startTag(flat.first), message: ctx.t('html-nesting.tooDeep', { max: MAX_HTML_DEPTH, count: flat.count }) });
    }
  },
});
