import { domainOf, isFreemailDomain } from '../data/freemail';
import { addressesOf } from '../mail/address';
import { draftAnchor, senderAddress } from '../mail/bulk';
import { defineRule } from '../rule';

export const freemailSender = defineRule({
  id: 'freemail-sender',
  category: 'sender',
  defaultSeverity: 'warning',
  // SpamAssassin FREEMAIL_FROM is informational (0.001) on its own, but bulk mail from a
  // free-mail domain sent through another server fails DMARC, and bounces where the provider
  // publishes p=reject (yahoo.com, aol.com): a delivery failure more than a score.
  weight: 1,
  fixable: false,
  check(ctx) {
    const { model } = ctx;
    const source = model.source;
    const fromHeader = model.header('from');
    const senders = fromHeader ? addressesOf(source, fromHeader) : [];
    for (const s of senders) {
      if (s.domain && isFreemailDomain(s.domain)) {
        ctx.report({ start: s.start, end: s.end, message: ctx.t('freemail-sender.from', { address: s.address, domain: s.domain }), data: { domain: s.domain } });
      }
    }
    if (senders.length === 0 && ctx.settings.sender) {
      const domain = domainOf(ctx.settings.sender);
      if (domain && isFreemailDomain(domain)) {
        ctx.report({ ...draftAnchor(model), message: ctx.t('freemail-sender.setting', { address: ctx.settings.sender.trim(), domain }), data: { domain } });
      }
    }
    // SpamAssassin FREEMAIL_FORGED_REPLYTO / FREEMAIL_REPLYTO: replies diverted to a free-mail
    // address other than the sender's.
    const replyTo = model.header('reply-to');
    if (!replyTo) return;
    const own = new Set(senders.map((s) => s.address.toLowerCase()));
    const configured = own.size === 0 ? senderAddress(model, ctx.settings.sender) : undefined;
    if (configured) own.add(configured.toLowerCase());
    for (const r of addressesOf(source, replyTo)) {
      if (!r.domain || !isFreemailDomain(r.domain) || own.has(r.address.toLowerCase())) continue;
      ctx.report({ start: r.start, end: r.end, message: ctx.t('freemail-sender.replyTo', { address: r.address }), data: { domain: r.domain } });
    }
  },
});
