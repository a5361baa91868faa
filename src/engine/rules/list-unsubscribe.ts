import { makeFix } from '../fix';
import { headerAnchor, senderAddress, transactionalFix } from '../mail/bulk';
import { defineRule } from '../rule';
import type { Fix } from '../types';

// RFC 8058 §3.1: the POST body, and so the header's value, is exactly this key/value pair.
const ONE_CLICK = 'List-Unsubscribe=One-Click';

export const listUnsubscribe = defineRule({
  id: 'list-unsubscribe',
  category: 'bulk',
  defaultSeverity: 'warning',
  // Gmail and Yahoo bulk sender requirements (February 2024): one-click unsubscribe is mandatory
  // above 5,000 messages a day to Gmail; messages without it are rate-limited or rejected.
  weight: 1,
  fixable: true,
  hasSuggestions: true,
  kinds: ['eml'],
  bulkOnly: true,
  check(ctx) {
    const { model } = ctx;
    if (model.headers.length === 0) return;
    const eol = model.eol;
    const header = model.header('list-unsubscribe');
    const post = model.header('list-unsubscribe-post');
    if (!header) {
      const fixes: Array<Fix | undefined> = [];
      const sender = senderAddress(model, ctx.settings.sender);
      const last = model.headers[model.headers.length - 1];
      if (sender) {
        const value = `<mailto:${sender}?subject=unsubscribe>`;
        fixes.push(makeFix(ctx.t('fix.addListUnsubscribeMailto', { address: sender }), [{ start: last.end, end: last.end, newText: `${eol}List-Unsubscribe: ${value}` }]));
      }
      fixes.push(transactionalFix(model, ctx.t));
      ctx.report({ ...headerAnchor(model), message: ctx.t('list-unsubscribe.missing'), fixes: fixes.filter((f) => f !== undefined) });
      return;
    }
    const at = { start: header.start, end: header.end };
    // RFC 2369 §2: each URI is enclosed in angle brackets, the list separated by commas.
    const bracketed = [...header.value.matchAll(/<([^<>]*)>/g)].map((m) => m[1].trim());
    const uris = bracketed.length ? bracketed : header.value.split(/[,\s]+/).filter(Boolean);
    if (bracketed.length === 0) ctx.report({ ...at, message: ctx.t('list-unsubscribe.noBrackets') });
    const https = uris.filter((u) => /^https:\/\//i.test(u));
    const http = uris.filter((u) => /^http:\/\//i.test(u));
    if (https.length === 0) {
      if (http.length) ctx.report({ ...at, message: ctx.t('list-unsubscribe.http') });
      else ctx.report({ ...at, message: ctx.t(post ? 'list-unsubscribe.postWithoutHttps' : 'list-unsubscribe.noHttps') });
    } else if (!post) {
      const fix = makeFix(ctx.t('fix.addListUnsubscribePost'), [{ start: header.end, end: header.end, newText: `${eol}List-Unsubscribe-Post: ${ONE_CLICK}` }], true);
      ctx.report({ ...at, message: ctx.t('list-unsubscribe.noPost'), fixes: fix ? [fix] : [] });
    }
    if (post && post.value.replace(/\s+/g, '') !== ONE_CLICK) {
      const fix = makeFix(ctx.t('fix.setListUnsubscribePost'), [{ start: post.valueStart, end: post.valueEnd, newText: ONE_CLICK }], true);
      ctx.report({ start: post.start, end: post.end, message: ctx.t('list-unsubscribe.badPost', { value: post.value }), fixes: fix ? [fix] : [] });
    }
    // RFC 8058 §4: the DKIM signature must cover both headers, or a forwarder could forge them.
    const dkim = model.header('dkim-signature');
    if (dkim) {
      const signed = (/(?:^|;)\s*h\s*=([^;]*)/i.exec(dkim.value)?.[1] ?? '').split(':').map((h) => h.trim().toLowerCase());
      const missing = ['List-Unsubscribe', ...(post ? ['List-Unsubscribe-Post'] : [])].filter((h) => !signed.includes(h.toLowerCase()));
      if (missing.length) ctx.report({ start: dkim.start, end: dkim.start + dkim.name.length, severity: 'info', message: ctx.t('list-unsubscribe.unsigned', { headers: missing.join(', ') }) });
    }
  },
});
