/**
 * What kind of mail a draft is, when neither the draft nor the configuration says: bulk
 * (newsletters, campaigns), transactional (receipts, password resets, invoices, notifications)
 * or personal (one person writing to another). Bulk-mail requirements (an unsubscribe link, a
 * postal address, one-click `List-Unsubscribe`) apply to bulk mail only: Gmail's and Yahoo's
 * 2024 sender rules and RFC 8058 are about commercial and mass mail.
 */
import { linksOf } from '../html/links';
import type { DraftModel } from '../model';
import type { TextView } from '../text/view';
import { fold } from '../text/normalize';
import { foldedText } from '../text/words';

/** The kind of mail a draft is. */
export type DetectedMailType = 'bulk' | 'transactional' | 'personal';

/** A mail type and why: detected from the draft, declared in it, or set in the configuration. */
export interface MailTypeVerdict {
  type: DetectedMailType;
  source: 'detected' | 'declared' | 'config';
}

// Only the start of a draft is read: what it is about shows in its subject and first lines.
const HEAD_CHARS = 3000;
// More distinct link targets than this is a newsletter's layout, not a receipt or a letter.
const MANY_LINKS = 8;
// Folded (lowercase, no accents) words and stems that say a message exists because of an
// action of its reader: an order, an account, a booking, a file being processed.
const TRANSACTIONAL_RE =
  /\b(?:receipt|invoice|your order|order (?:confirmation|number|#)|password|reset|verify|verification|confirm(?:ation)? (?:your|of)|security code|one-time|sign-in|login attempt|shipped|tracking number|your booking|reservation|appointment|your account|payment (?:received|confirmation)|recu|facture|votre commande|mot de passe|reinitialis|verifi|confirm(?:ez|er|ation)|code de securite|connexion|expedi|livraison|votre reservation|rendez-vous|votre compte|votre dossier|votre demande|inscription)/;
// Words that only mass mail carries: a way out of a list, a web version, a newsletter name.
const BULK_RE = /\b(?:unsubscribe|opt[ -]out|view (?:it )?in (?:your )?browser|newsletter|mailing list|desinscri|desabonn|se desinscrire|lettre d'information|version en ligne)/;
// Selling words: a promotion is bulk mail even when it mentions a delivery or an order.
const MARKETING_RE =
  /\b(?:offer|special offer|sale|discount|promo|coupon|shop now|buy now|order now|free shipping|new collection|limited time|offre|promotion|soldes|remise|reduction|code promo|commandez|achetez|profitez|livraison (?:offerte|gratuite)|sans frais|nouvelle collection|exclusivite)\b/;
// Replies and forwards are written by a person.
const REPLY_RE = /^\s*(?:re|fwd?|tr|aw)\s*:/i;

/** Guesses the mail type of a draft from its headers, words and layout. */
export function detectMailType(model: DraftModel): DetectedMailType {
  if (model.header('list-unsubscribe') || model.header('list-id')) return 'bulk';
  const precedence = model.header('precedence')?.value.trim().toLowerCase();
  if (precedence === 'bulk' || precedence === 'list') return 'bulk';

  const subject = model.subject ? foldedText(model.subject) : '';
  let head = subject;
  let bulkWords = BULK_RE.test(subject);
  let images = 0;
  const hosts = new Set<string>();
  for (const part of model.parts) {
    const [first, last] = foldedEnds(part.text);
    if (head.length < HEAD_CHARS) head += '\n' + first.slice(0, HEAD_CHARS - head.length);
    // Unsubscribe lines sit in the header or the footer of a message.
    if (!bulkWords && (BULK_RE.test(first) || BULK_RE.test(last))) bulkWords = true;
    if (part.html) {
      images += part.html.byName('img').length;
    }
    for (const link of linksOf(part, model.source)) hosts.add(link.url);
  }
  if (bulkWords || MARKETING_RE.test(head)) return 'bulk';
  // A reply or a forward, or a message in a thread: a conversation between people.
  if (REPLY_RE.test(model.subject?.text ?? '') || model.header('in-reply-to') || model.header('references')) return 'personal';
  if (TRANSACTIONAL_RE.test(head) && hosts.size <= MANY_LINKS) return 'transactional';
  if (hosts.size > MANY_LINKS || images > 2) return 'bulk';
  return 'bulk';
}

// The first and the last HEAD_CHARS characters of a view's folded text. A long view's ends are
// folded on their own: folding is per UTF-16 code unit at these lengths (a pair cut in two keeps
// its lone half, a U+FEFF stays), so they equal the same slices of the whole folded text, which
// this does not make the other rules pay for.
function foldedEnds(view: TextView): [string, string] {
  const text = view.text;
  if (text.length <= 2 * HEAD_CHARS) {
    const folded = foldedText(view);
    return [folded.slice(0, HEAD_CHARS), folded.slice(-HEAD_CHARS)];
  }
  return [fold(text.slice(0, HEAD_CHARS)), fold(text.slice(-HEAD_CHARS))];
}
