import { isFreemailDomain } from '../../engine/data/freemail';
import { type Check, problem, result } from '../context';
import { msg } from '../i18n';

/**
 * A free-mail domain (gmail.com, orange.fr…) belongs to its provider: the sender cannot publish
 * SPF, DKIM or DMARC for it, and the provider's own DMARC policy (p=reject at Gmail and Yahoo
 * since 2024) makes bulk mail sent elsewhere "From" such an address fail.
 */
export const checkSender: Check = async (ctx) => {
  if (isFreemailDomain(ctx.domain)) {
    return result('sender', 'fail', msg(ctx.locale, 'sender.summary.freemail', { domain: ctx.domain }), [], [problem(ctx, 'freemail-sender', 'error', { domain: ctx.domain })]);
  }
  return result('sender', 'pass', msg(ctx.locale, 'sender.summary.ok', { domain: ctx.domain }));
};
