/**
 * What the bulk-mail and sender rules share: where to report a finding about the whole
 * draft, who sends it, and the fixes that add an unsubscribe footer or declare the draft
 * transactional.
 */
import { makeFix } from '../fix';
import { translate } from '../i18n';
import type { BodyPart, DraftModel } from '../model';
import { MAIL_TYPE_KEYS, MAIL_TYPE_RE } from '../parse/index';
import { fileCommentInsert, headerInsert } from '../placement';
import type { Edit, Fix } from '../types';
import { addressesOf, bareAddress } from './address';
import { wordsOf } from '../text/words';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** A source range. */
export interface Range {
  start: number;
  end: number;
}

// A whole-draft finding points at a short, visible place, not the whole body.
const ANCHOR_MAX_CHARS = 120;

/** True when no body of the draft shows anything yet: no word, no image, no link (an empty draft). */
export function isBlank(model: DraftModel): boolean {
  // A word is a run of letters and digits: the word pass, shared with the other rules, has found them.
  return model.parts.every((p) => wordsOf(p.text).count === 0 && !p.html?.byName('img').length && !p.html?.byName('a').length);
}

/** Where a finding about a body goes: its `<body>` tag, else its first line of text. */
export function partAnchor(part: BodyPart): Range {
  const body = part.html?.byName('body')[0];
  if (body && body.openEnd > body.start) return { start: body.start, end: body.openEnd };
  const text = part.text.text;
  const first = text.search(/[^\s\u2029]/);
  if (first < 0) return { start: part.start, end: part.start };
  const rest = text.slice(first, first + ANCHOR_MAX_CHARS).search(/[\r\n\u2029]/);
  return part.text.sourceRange(first, rest < 0 ? Math.min(text.length, first + ANCHOR_MAX_CHARS) : first + rest);
}

/** Where a finding about the whole draft goes: the HTML body, else the first text, else the first header. */
export function draftAnchor(model: DraftModel): Range {
  const part = model.parts.find((p) => p.type === 'html') ?? model.parts[0];
  if (part) {
    const r = partAnchor(part);
    if (r.end > r.start) return r;
  }
  return headerAnchor(model);
}

/** Where a finding about the message's headers goes: the From header, else the first header, else the first line. */
export function headerAnchor(model: DraftModel): Range {
  const h = model.header('from') ?? model.headers[0];
  if (h) return { start: h.start, end: h.end };
  const eol = model.source.indexOf('\n');
  const end = eol < 0 ? model.source.length : eol;
  return { start: 0, end: end > 0 && model.source[end - 1] === '\r' ? end - 1 : end };
}

/** The sender's address: the first From address (header or front matter), else the `sender` setting. */
export function senderAddress(model: DraftModel, setting: string | undefined): string | undefined {
  const from = model.header('from');
  const fromAddress = from ? addressesOf(model.source, from)[0] : undefined;
  if (fromAddress) return fromAddress.address;
  const m = setting ? bareAddress(setting, '<>"') : undefined;
  return m ? setting!.slice(m.start, m.end) : undefined;
}

/**
 * "Mark this draft as transactional": an `X-Mailproof-Type` header in a message, a
 * `mailType:` key in front matter (a comment would show in a plain-text body), else the
 * comment `<!-- mailproof: transactional -->` after the doctype.
 */
export function transactionalFix(model: DraftModel, t: Translate): Fix | undefined {
  const title = t('fix.markTransactional');
  const source = model.source;
  const declared = model.headers.find((h) => MAIL_TYPE_KEYS.includes(h.key));
  if (declared) return makeFix(title, [{ start: declared.valueStart, end: declared.valueEnd, newText: 'transactional' }]);
  if (model.kind === 'eml') return makeFix(title, [headerInsert(model, 'X-Mailproof-Type: transactional')]);
  const comment = model.mentionsMailproof !== false ? MAIL_TYPE_RE.exec(source) : null;
  if (comment) return makeFix(title, [{ start: comment.index, end: comment.index + comment[0].length, newText: '<!-- mailproof: transactional -->' }]);
  const last = model.headers[model.headers.length - 1];
  if (last) return makeFix(title, [{ start: last.end, end: last.end, newText: `${model.eol}mailType: transactional` }]);
  return makeFix(title, [fileCommentInsert(model, '<!-- mailproof: transactional -->')]);
}

// RFC 2606 §3: example.com is reserved, so a placeholder address can never reach anyone.
const PLACEHOLDER_SENDER = 'unsubscribe@example.com';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * "Insert an unsubscribe footer": at the end of each editable body (before `</body>` in HTML),
 * in the draft's language, with a mailto link to the sender (a placeholder when unknown) and
 * a placeholder for the sender's name and postal address. Quoted-printable parts get it encoded.
 */
export function unsubscribeFooterFix(model: DraftModel, t: Translate, sender: string | undefined): Fix | undefined {
  const lang = model.language;
  const address = sender ?? PLACEHOLDER_SENDER;
  const url = `mailto:${address}?subject=${encodeURIComponent(translate(lang, 'footer.mailSubject'))}`;
  const reason = translate(lang, 'footer.reason') + '.';
  const identity = translate(lang, 'footer.identity');
  const edits: Edit[] = [];
  const source = model.source;
  const eol = model.eol;
  for (const part of model.parts) {
    if (!part.editable) continue;
    let at: number;
    let text: string;
    if (part.type === 'html') {
      const html =
        `<p style="font-size:12px;line-height:18px;color:#666666;">${escapeHtml(reason)} ` +
        `<a href="${escapeHtml(url)}">${escapeHtml(translate(lang, 'footer.unsubscribe'))}</a><br>${escapeHtml(identity)}</p>`;
      const closing = closingTag(source, part, 'body') ?? closingTag(source, part, 'html');
      if (closing !== undefined) {
        const lineStart = source.lastIndexOf('\n', closing - 1) + 1;
        const indent = source.slice(lineStart, closing);
        if (lineStart >= part.start && /^[ \t]*$/.test(indent)) {
          at = lineStart;
          text = `${indent}${html}${eol}`;
        } else {
          at = closing;
          text = `${eol}${html}${eol}`;
        }
      } else {
        at = part.end;
        text = `${eol}${html}${eol}`;
      }
    } else {
      at = part.end;
      const prefix = at > part.start && source[at - 1] === '\n' ? eol : eol + eol;
      text = `${prefix}${reason}${eol}${translate(lang, 'footer.unsubscribeLine', { url })}${eol}${identity}${eol}`;
    }
    edits.push({ start: at, end: at, newText: part.encode(text, at, at) });
  }
  // Not preferred: the footer holds placeholders the sender must fill in, so "fix all" and
  // `--fix` never insert it unasked.
  return edits.length ? makeFix(t('fix.insertUnsubscribeFooter'), edits) : undefined;
}

// The source offset of `</name>` when the element is closed in the source.
function closingTag(source: string, part: BodyPart, name: string): number | undefined {
  const list = part.html?.byName(name) ?? [];
  const el = list[list.length - 1];
  if (!el || el.unclosed) return undefined;
  // The element ends just after the `>` of its end tag; the last `<` before it opens that tag.
  const lt = source.lastIndexOf('<', el.end - 1);
  return lt >= el.openEnd ? lt : undefined;
}
