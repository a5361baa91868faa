import { makeSuggestion } from '../fix';
import type { HtmlElement } from '../parse/html';
import { removeElementEdit, startTag } from '../html/values';
import { htmlParts } from '../html/parts';
import { defineRule } from '../rule';

const PLUGIN_TAGS = new Set(['object', 'embed', 'applet']);
// Attributes that point at plugin content.
const PLUGIN_URL_ATTRS = new Set(['src', 'data', 'movie', 'value', 'code', 'archive']);
const SWF_RE = /\.swf(?:[?#]|$)/i;
const FLASH_TYPE_RE = /shockwave-flash|futuresplash/i;

// True when an element other than object/embed/applet loads plugin content (a Flash movie).
function flashAttribute(el: HtmlElement): boolean {
  for (const a of el.attrs) {
    if (PLUGIN_URL_ATTRS.has(a.name) && SWF_RE.test(a.value.trim())) return true;
    if (a.name === 'type' && FLASH_TYPE_RE.test(a.value)) return true;
  }
  return false;
}

export const htmlEmbed = defineRule({
  id: 'html-embed',
  category: 'html',
  // No mail client runs plugin content, and filters score it as a malware vector
  // (SpamAssassin HTML_EMBEDS).
  defaultSeverity: 'error',
  weight: 1,
  fixable: false,
  hasSuggestions: true,
  check(ctx) {
    for (const part of htmlParts(ctx.model)) {
      // Elements come in document order: anything that starts before `inside` sits in one already reported.
      let inside = -1;
      for (const el of part.html.elements) {
        if (el.start < inside) continue;
        const plugin = PLUGIN_TAGS.has(el.name);
        if (!plugin && !flashAttribute(el)) continue;
        inside = el.end;
        // A suggestion: the element may hold fallback content the writer wants to keep.
        const suggestion = makeSuggestion(ctx.t('fix.removeElement', { tag: el.name }), [removeElementEdit(part, ctx.model.source, el)]);
        ctx.report({
          ...startTag(el),
          message: plugin ? ctx.t('html-embed.plugin', { tag: el.name }) : ctx.t('html-embed.flash'),
          suggestions: [suggestion],
        });
      }
    }
  },
});
