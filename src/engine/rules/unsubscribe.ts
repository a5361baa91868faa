import { draftAnchor, isBlank, senderAddress, transactionalFix, unsubscribeFooterFix } from '../mail/bulk';
import type { BodyPart, DraftModel } from '../model';
import { attr, type HtmlElement } from '../parse/html';
import { defineRule } from '../rule';
import { fold } from '../text/normalize';
import { foldedText } from '../text/words';
import { mergeTags } from '../text/merge-tags';
import { linksOf } from '../html/links';

// Words that offer a way out, English and French, matched on case- and accent-folded text
// (spaces stand for any whitespace, &nbsp; included).
// regex-audit: safe, the literal below with \s+ for each space; recheck finds the built pattern safe (no quantified group overlaps the next)
const UNSUB_TEXT = new RegExp(
  String.raw`\b(?:unsubscrib\w*|unsub|opt[ -]?out|opting out|remove me|manage (?:your |my )?(?:email |mail |subscription |communication )?(?:preferences|subscriptions?)|(?:update|change|edit) (?:your |my )?(?:email |subscription )?preferences|(?:email|mail|subscription|notification) (?:preferences|settings)|stop receiving|no longer (?:wish|want) to receive|(?:se |vous |me )?desinscri\w*|(?:se |vous |me )?desabonn\w*|ne (?:plus|pas) recevoir|ne souhaitez plus recevoir|(?:gerer|modifier) (?:mes |vos )?(?:preferences|abonnements?)|preferences (?:d'abonnement|de communication|e-mail|email|de reception)|parametres (?:d'abonnement|de notification))\b`.replace(/ /g, '\\s+'),
);
// URLs and merge tags of unsubscribe pages: `*|UNSUB|*`, `{{unsubscribe_url}}`, `%unsubscribe%`,
// `<%asm_group_unsubscribe_raw_url%>` (SendGrid), `[[UNSUB_LINK_FR]]` (Mailjet), list-manage.com.
const UNSUB_URL = /unsub|opt[-_]?out|d[eé]sinscri|d[eé]sabonn|desinscri|desabonn|preference|list-manage\.com\/(?:unsubscribe|profile)|\/u\?|%%unsub/i;
// A way to act on the words: a link, an address or a merge tag on the same or the next line
// (SendGrid's [Unsubscribe] tag stays in the visible text).
const ACTION = /https?:\/\/|www\.|mailto:|\uFFFC|\[unsubscribe[\w]*\]/i;

function isAction(line: string): boolean {
  return ACTION.test(line) || hasMailAddress(line);
}

// `[\w.+-]+@[\w-]+\.[\w.-]+` scanned from each `@`: as a regular expression it rescanned a long
// word from each of its characters.
function hasMailAddress(line: string): boolean {
  for (let at = line.indexOf('@'); at >= 0; at = line.indexOf('@', at + 1)) {
    if (at === 0 || !isLocalChar(line.charCodeAt(at - 1))) continue;
    let i = at + 1;
    while (i < line.length && isWordChar(line.charCodeAt(i))) i++;
    if (i > at + 1 && line[i] === '.' && i + 1 < line.length && (isWordChar(line.charCodeAt(i + 1)) || line[i + 1] === '.')) return true;
  }
  return false;
}

// `[\w-]`
function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
}

// `[\w.+-]`
function isLocalChar(c: number): boolean {
  return isWordChar(c) || c === 0x2e || c === 0x2b;
}
// Link containers small enough to read as the link's sentence ("Pour vous désinscrire, cliquez ici").
const SENTENCE_BLOCKS = new Set(['p', 'td', 'th', 'div', 'li', 'span', 'font', 'center', 'small', 'footer', 'address']);
const SENTENCE_MAX_CHARS = 300;
// Where the way out is expected: the preheader area or the footer. Short messages are all "near".
// No standard gives numbers; these follow the layout of ESP templates (Mailchimp, Brevo, Mailjet),
// whose unsubscribe links sit in the first or last lines.
const TOP_SHARE = 0.25;
const BOTTOM_SHARE = 0.25;
const MIN_CHARS_FOR_POSITION = 1000;

interface Found {
  part: BodyPart;
  /** Text offsets in the part's view. */
  from: number;
  to: number;
}

// A link offers a way out by its URL, its title, its text or the short sentence around it.
// `folded` is the part's folded text (same length, so offsets hold); `words` whether it says
// "unsubscribe" anywhere at all.
function linkFound(el: HtmlElement, folded: string, words: boolean): boolean {
  const title = attr(el, 'title')?.value;
  if (title && UNSUB_TEXT.test(fold(title))) return true;
  if (!words) return false;
  if (UNSUB_TEXT.test(folded.slice(el.textStart, el.textEnd))) return true;
  for (let p = el.parent; p && p.textEnd - p.textStart <= SENTENCE_MAX_CHARS; p = p.parent) {
    if (SENTENCE_BLOCKS.has(p.name) && UNSUB_TEXT.test(folded.slice(p.textStart, p.textEnd))) return true;
  }
  return false;
}

// Lines that name the way out and give a link, an address or a merge tag, on that line or the next.
function textFound(part: BodyPart, source: string, folded: string): Found | undefined {
  const text = part.text.text;
  const lines: Array<[number, number]> = [];
  const re = /[^\n\u2029]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) lines.push([m.index, m.index + m[0].length]);
  for (let k = 0; k < lines.length; k++) {
    const [a, b] = lines[k];
    const m = UNSUB_TEXT.exec(folded.slice(a, b));
    if (!m) continue;
    const here = text.slice(a, b);
    const next = k + 1 < lines.length ? text.slice(lines[k + 1][0], lines[k + 1][1]) : '';
    if (isAction(here) || isAction(next) || tagRange(part, source, a, lines[k + 1]?.[1] ?? b)) {
      return { part, from: a + m.index, to: a + m.index + m[0].length };
    }
  }
  return undefined;
}

// The first merge tag in the text range whose source names an unsubscribe link.
function tagRange(part: BodyPart, source: string, from: number, to: number): { from: number; to: number } | undefined {
  const tag = mergeTags(part.text, source, from, to).find((t) => UNSUB_URL.test(t.raw));
  return tag && { from: tag.from, to: tag.to };
}

/** The first way to unsubscribe in the draft: an HTML link, else a line of text, else a lone merge tag. */
function findUnsubscribe(model: DraftModel): Found | undefined {
  // Most newsletters link to an unsubscribe URL: finding it needs no folding of the text. Links
  // are every element the link rules follow (<a>, <area>, MJML and Inky buttons).
  const htmlLinks = model.parts.map((part) => (part.html ? linksOf(part, model.source).filter((l) => l.el) : []));
  for (const [i, part] of model.parts.entries()) {
    for (const link of htmlLinks[i]) if (UNSUB_URL.test(link.url)) return { part, from: link.el!.textStart, to: link.el!.textEnd };
  }
  const folded = model.parts.map((p) => foldedText(p.text));
  const words = folded.map((f) => UNSUB_TEXT.test(f));
  for (const [i, part] of model.parts.entries()) {
    if (!part.html) continue;
    for (const link of htmlLinks[i]) {
      if (linkFound(link.el!, folded[i], words[i])) return { part, from: link.el!.textStart, to: link.el!.textEnd };
    }
    // Campaign Monitor's <unsubscribe>…</unsubscribe> tag becomes the link when sent.
    const tag = part.html.byName('unsubscribe')[0];
    if (tag) return { part, from: tag.textStart, to: tag.textEnd };
  }
  for (const [i, part] of model.parts.entries()) {
    const found = words[i] ? textFound(part, model.source, folded[i]) : undefined;
    if (found) return found;
  }
  // A lone unsubscribe merge tag (`*|UNSUB|*` expands to a link).
  for (const part of model.parts) {
    const tag = tagRange(part, model.source, 0, part.text.text.length);
    if (tag) return { part, ...tag };
  }
  return undefined;
}

export const unsubscribe = defineRule({
  id: 'unsubscribe',
  category: 'bulk',
  defaultSeverity: 'warning',
  // Gmail and Yahoo bulk sender requirements (February 2024): a visible unsubscribe link is
  // mandatory, and its absence is what drives "Report spam" complaints.
  weight: 1.5,
  fixable: false,
  hasSuggestions: true,
  bulkOnly: true,
  check(ctx) {
    const { model } = ctx;
    // Nothing written yet: nothing to unsubscribe from.
    if (isBlank(model)) return;
    const found = findUnsubscribe(model);
    if (!found) {
      const anchor = draftAnchor(model);
      const fixes = [unsubscribeFooterFix(model, ctx.t, senderAddress(model, ctx.settings.sender)), transactionalFix(model, ctx.t)];
      ctx.report({ ...anchor, message: ctx.t('unsubscribe.missing'), fixes: fixes.filter((f) => f !== undefined) });
      return;
    }
    const text = found.part.text.text;
    if (text.length < MIN_CHARS_FOR_POSITION) return;
    const share = found.from / text.length;
    if (share <= TOP_SHARE || share >= 1 - BOTTOM_SHARE) return;
    const range = found.to > found.from ? found.part.text.sourceRange(found.from, found.to) : found.part.text.sourceRange(found.from, found.from + 1);
    ctx.report({ ...range, severity: 'info', message: ctx.t('unsubscribe.buried', { percent: Math.round(share * 100) }) });
  },
});
