import { linksOf } from '../html/links';
import { isIpHost } from '../html/url';
import { defineRule } from '../rule';

export const linkIp = defineRule({
  id: 'link-ip',
  category: 'links',
  defaultSeverity: 'warning',
  // SpamAssassin NUMERIC_HTTP_ADDR (up to 1.2 points): legitimate senders link to names, not
  // to numeric addresses, which are typical of phishing and compromised servers.
  weight: 1.2,
  fixable: false,
  check(ctx) {
    const { source } = ctx.model;
    for (const part of ctx.model.parts) {
      for (const link of linksOf(part, source)) {
        const { host, templated, hostStart, hostEnd } = link.parts;
        if (templated || !isIpHost(host)) continue;
        const r = link.range(hostStart, hostEnd);
        ctx.report({ start: r.start, end: r.end, message: ctx.t('link-ip.found', { host }), data: { host } });
      }
    }
  },
});
