import { startTag } from '../html/values';
import { htmlParts } from '../html/parts';
import { defineRule } from '../rule';

// Gmail, Outlook and most webmails disable or strip forms and their fields, and iframes are
// removed everywhere (SpamAssassin HTML_IFRAME_SRC); caniemail.com documents the support.
const FIELD_TAGS = new Set(['input', 'select', 'textarea']);

export const htmlForm = defineRule({
  id: 'html-form',
  category: 'html',
  defaultSeverity: 'warning',
  weight: 0.3,
  fixable: false,
  check(ctx) {
    for (const part of htmlParts(ctx.model)) {
      const doc = part.html;
      // One finding per form, not one per field: fields inside a reported form are skipped.
      let insideForm = -1;
      for (const el of doc.elements) {
        if (el.name === 'form') {
          if (el.start < insideForm) continue;
          insideForm = el.end;
          ctx.report({ ...startTag(el), message: ctx.t('html-form.form') });
        } else if (FIELD_TAGS.has(el.name)) {
          if (el.start < insideForm) continue;
          ctx.report({ ...startTag(el), message: ctx.t('html-form.field', { tag: el.name }) });
        } else if (el.name === 'iframe') {
          ctx.report({ ...startTag(el), message: ctx.t('html-form.iframe') });
        }
      }
    }
  },
});
