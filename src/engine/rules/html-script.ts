import { makeFix } from '../fix';
import { attr } from '../parse/html';
import { removeAttributeEdit, removeElementEdit, startTag } from '../html/values';
import { htmlParts } from '../html/parts';
import { defineRule } from '../rule';

// Script that never runs: structured data for Gmail's inbox actions (schema.org JSON-LD) and
// client-side templates. Anything else is treated as executable, as browsers do.
const INERT_TYPE_RE = /json|template|text\/html|text\/plain/i;
// Event-handler attributes (onclick, onload, onmouseover…).
const HANDLER_RE = /^on[a-z]{3,}$/;
// Attributes holding a URL that a client could follow or load.
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'data', 'background', 'poster', 'lowsrc', 'dynsrc', 'xlink:href']);
// Their lengths: most attributes of a template (style, class, width, align…) are ruled out by
// theirs, without hashing the name for the set.
const URL_ATTR_LENGTHS = new Uint8Array(Math.max(...[...URL_ATTRS].map((n) => n.length)) + 1);
for (const name of URL_ATTRS) URL_ATTR_LENGTHS[name.length] = 1;
// Browsers ignore leading control characters and spaces, and tabs or line breaks anywhere in a URL.
const SCRIPT_URL_RE = /^(javascript|vbscript|livescript):/i;

/** The script scheme of a URL attribute value, if it runs script. */
export function scriptScheme(value: string): string | undefined {
  // The first character after the leading ones browsers ignore starts the scheme: most URLs
  // (http, mailto, #, merge tags) are ruled out there, before two replacements copy them.
  let i = 0;
  while (i < value.length && value.charCodeAt(i) <= 0x20) i++;
  const first = value.charCodeAt(i) | 0x20;
  if (first !== 0x6a && first !== 0x76 && first !== 0x6c) return undefined; // j, v, l in either case
  const cleaned = value.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  const m = SCRIPT_URL_RE.exec(cleaned);
  return m ? m[1].toLowerCase() : undefined;
}

export const htmlScript = defineRule({
  id: 'html-script',
  category: 'html',
  // Every mail client strips script, and filters score it as an attack (SpamAssassin's
  // HTML_SCRIPT family, rspamd's HTML rules): it never helps and often hurts.
  defaultSeverity: 'error',
  weight: 1,
  fixable: true,
  check(ctx) {
    for (const part of htmlParts(ctx.model)) {
      const doc = part.html;
      // AMP for Email (amp.dev): `<html ⚡4email>` documents must load the AMP runtime and
      // components from cdn.ampproject.org; clients that support AMP run only those.
      const amp = doc.byName('html').some((h) => h.attrs.some((a) => a.name === '⚡4email' || a.name === 'amp4email'));
      for (const el of doc.byName('script')) {
        const type = attr(el, 'type');
        if (type && INERT_TYPE_RE.test(type.value)) continue;
        if (amp && /^https:\/\/cdn\.ampproject\.org\//i.test(attr(el, 'src')?.value ?? '')) continue;
        const fix = makeFix(ctx.t('fix.removeElement', { tag: 'script' }), [removeElementEdit(part, ctx.model.source, el)], true);
        ctx.report({ ...startTag(el), message: ctx.t('html-script.element'), fixes: fix && [fix] });
      }
      for (const el of doc.elements) {
        for (const a of el.attrs) {
          let key: string;
          let params: Record<string, string>;
          const length = a.name.length;
          if (length >= 5 && a.name.charCodeAt(0) === 111 /* o */ && a.name.charCodeAt(1) === 110 /* n */ && HANDLER_RE.test(a.name)) {
            key = 'html-script.handler';
            params = { name: a.name };
          } else if (length < URL_ATTR_LENGTHS.length && URL_ATTR_LENGTHS[length] && URL_ATTRS.has(a.name)) {
            const scheme = scriptScheme(a.value);
            if (!scheme) continue;
            key = 'html-script.url';
            params = { scheme };
          } else continue;
          const fix = makeFix(ctx.t('fix.removeAttribute', { name: a.name }), [removeAttributeEdit(part, ctx.model.source, el, a)], true);
          ctx.report({ start: a.start, end: a.end, message: ctx.t(key, params), fixes: fix && [fix] });
        }
      }
    }
  },
});
