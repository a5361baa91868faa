import { isShortenerHost } from '../data/shorteners';
import { linksOf } from '../html/links';
import { defineRule } from '../rule';

export const linkShortener = defineRule({
  id: 'link-shortener',
  category: 'links',
  defaultSeverity: 'warning',
  // Shortened links hide their destination from filters and readers; SpamAssassin lists the
  // shorteners (25_url_shortener.cf) and scores abused ones (URL_SHORTENER_DISABLED, 2 points).
  weight: 1,
  fixable: false,
  check(ctx) {
    const { source } = ctx.model;
    for (const part of ctx.model.parts) {
      for (const link of linksOf(part, source)) {
        const { host, templated } = link.parts;
        if (!host || templated || !isShortenerHost(host)) continue;
        const r = link.range(0, link.url.length);
        ctx.report({ start: r.start, end: r.end, message: ctx.t('link-shortener.found', { host }), data: { host } });
      }
    }
  },
});
