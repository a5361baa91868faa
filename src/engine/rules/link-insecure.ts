import { makeSuggestion } from '../fix';
import { linksOf } from '../html/links';
import { defineRule } from '../rule';

export const linkInsecure = defineRule({
  id: 'link-insecure',
  category: 'links',
  // Advice rather than a spam signal: browsers mark http: pages "Not secure", and an
  // unencrypted link (with its tracking parameters) can be read or rewritten on the way.
  defaultSeverity: 'info',
  weight: 0.1,
  fixable: false,
  hasSuggestions: true,
  check(ctx) {
    const { source } = ctx.model;
    for (const part of ctx.model.parts) {
      for (const link of linksOf(part, source)) {
        const p = link.parts;
        if (p.scheme !== 'http' || p.templated) continue;
        const r = link.range(0, link.url.length);
        // A suggestion: nothing here knows whether the site answers over https.
        const suggestion = makeSuggestion(ctx.t('fix.useHttps'), [link.edit(p.schemeStart, p.schemeEnd, 'https')]);
        ctx.report({ start: r.start, end: r.end, message: ctx.t('link-insecure.found', { host: p.host }), suggestions: [suggestion] });
      }
    }
  },
});
