import type { BodyPart, DraftModel, Header, MailType, ParseProblem } from '../model';
import { detectLanguage } from '../text/language';
import { IDENTITY, type SourceMapper, shiftMapper, TextView } from '../text/view';
import type { DraftKind } from '../types';
import { utf8Length } from './charset';
import { parseEml } from './eml';
import { parseFrontMatter } from './frontmatter';
import { decodeWordPieces } from './headers';
import { parseHtml } from './html';

/** A file-level mail type comment: `<!-- mailproof: transactional -->`. */
export const MAIL_TYPE_RE = /<!--\s*mailproof:\s*(bulk|transactional)\s*-->/i;

// Both the inline directives (`mailproof-disable…`) and the mail-type comment (`mailproof:`, in
// any case like the rest of that comment) need one of these. A character class at the end makes
// V8 search with a Boyer-Moore lookahead, several times faster than `includes` (a plain string
// search) on a long draft, so the draft is searched once this way and both readers skip their
// own search when it finds nothing.
const MENTION_RE = /mailproof[-:]/i;

/** Parses a draft once into the model every rule reads. */
export function buildModel(source: string, kind: DraftKind): DraftModel {
  let headers: Header[] = [];
  const parts: BodyPart[] = [];
  let attachments: DraftModel['attachments'] = [];
  let problems: ParseProblem[] = [];
  let preambleEnd = 0;
  let subject: TextView | undefined;

  if (kind === 'eml') {
    const eml = parseEml(source);
    headers = eml.headers;
    attachments = eml.attachments;
    problems = eml.problems;
    for (const body of eml.bodies) {
      const part = makePart(body.type, body.content, body.mapper, body);
      part.headerRange = { start: body.headerStart, end: body.headerEnd };
      part.transferEncoding = body.transferEncoding;
      parts.push(part);
    }
    const subj = headers.find((h) => h.key === 'subject');
    if (subj) subject = subjectView(source, subj);
  } else {
    const fm = parseFrontMatter(source);
    const bodyStart = fm?.end ?? 0;
    headers = fm?.headers ?? [];
    preambleEnd = bodyStart;
    const content = bodyStart ? source.slice(bodyStart) : source;
    const mapper: SourceMapper = bodyStart ? shiftMapper(bodyStart) : IDENTITY;
    const part = makePart(kind, content, mapper, { start: bodyStart, end: source.length, editable: true, encode: (t: string) => t });
    if (part.html) preambleEnd = Math.max(preambleEnd, part.html.preambleEnd);
    parts.push(part);
    const subj = headers.find((h) => h.key === 'subject');
    if (subj) subject = TextView.ofSource(source, subj.valueStart, subj.valueEnd, 'subject');
  }

  const mentionsMailproof = MENTION_RE.test(source);
  const declared = declaredMailType(source, headers, mentionsMailproof);
  const language = declaredLanguage(parts) ?? detectLanguage([...(subject ? [subject] : []), ...parts.map((p) => p.text)]);
  return {
    kind,
    source,
    headers,
    subject,
    parts,
    attachments,
    problems,
    declaredMailType: declared,
    mentionsMailproof,
    preambleEnd,
    eol: source.includes('\r\n') ? '\r\n' : '\n',
    language,
    header(name: string) {
      const key = name.toLowerCase();
      return headers.find((h) => h.key === key);
    },
  };
}

function makePart(
  type: 'html' | 'text',
  content: string,
  mapper: SourceMapper,
  raw: { start: number; end: number; editable: boolean; encode: (t: string) => string },
): BodyPart {
  const opts = { editable: raw.editable, encode: raw.encode };
  const html = type === 'html' ? parseHtml(content, mapper, opts) : undefined;
  let byteSize: number | undefined;
  return {
    type,
    text: html ? html.text : plainTextView(content, mapper, opts),
    html,
    start: raw.start,
    end: raw.end,
    editable: raw.editable,
    encode: raw.encode,
    // Counted on first use: only size rules need it.
    get byteSize() {
      return (byteSize ??= utf8Length(content));
    },
  };
}

// Plain text: paragraphs (separated by blank lines) become blocks; single line breaks are
// soft wraps, so a phrase may run across them.
function plainTextView(content: string, mapper: SourceMapper, opts: { editable: boolean; encode: (t: string) => string }): TextView {
  const b = TextView.builder('body', opts);
  const para = /\r?\n[ \t]*\r?\n\s*/g;
  let last = 0;
  for (let m = para.exec(content); m; m = para.exec(content)) {
    b.appendContent(content.slice(last, m.index), last, m.index, mapper);
    b.blockBreak();
    last = m.index + m[0].length;
  }
  b.appendContent(content.slice(last), last, content.length, mapper);
  return b.build();
}

// The Subject header as text. Folded lines map exactly and stay editable; encoded words
// (=?utf-8?Q?…?=) cannot be edited in place, so a subject holding some is read-only and each
// word maps onto its own source range.
function subjectView(source: string, h: Header): TextView {
  const raw = source.slice(h.valueStart, h.valueEnd);
  if (!raw.includes('=?')) {
    if (!/[\r\n]/.test(raw)) return TextView.ofSource(source, h.valueStart, h.valueEnd, 'subject');
    const b = TextView.builder('subject');
    const fold = /\r?\n(?=[ \t])/g;
    let last = 0;
    for (let m = fold.exec(raw); m; m = fold.exec(raw)) {
      b.append(raw.slice(last, m.index), h.valueStart + last, h.valueStart + m.index);
      last = m.index + m[0].length;
    }
    b.append(raw.slice(last), h.valueStart + last, h.valueEnd);
    return b.build();
  }
  const b = TextView.builder('subject', { editable: false });
  for (const p of decodeWordPieces(raw)) {
    const text = p.encoded ? p.text : p.text.replace(/\r?\n(?=[ \t])/g, '');
    b.append(text, h.valueStart + p.start, h.valueStart + p.end);
  }
  return b.build();
}

/** Headers (or front-matter keys) that declare the mail type: `X-Mailproof-Type`, `mailType`. */
export const MAIL_TYPE_KEYS = ['x-mailproof-type', 'mailtype'];

function declaredMailType(source: string, headers: Header[], mentionsMailproof: boolean): MailType | undefined {
  for (const h of headers) {
    if (!MAIL_TYPE_KEYS.includes(h.key)) continue;
    const v = h.value.trim().toLowerCase();
    if (v === 'bulk' || v === 'transactional') return v;
  }
  if (!mentionsMailproof) return undefined;
  const m = MAIL_TYPE_RE.exec(source);
  return m ? (m[1].toLowerCase() as MailType) : undefined;
}

// `<html lang="fr">`: the author said which language the draft is in.
function declaredLanguage(parts: BodyPart[]): 'en' | 'fr' | undefined {
  for (const part of parts) {
    const root = part.html?.byName('html')[0];
    const lang = root?.attrs.find((a) => a.name === 'lang')?.value.trim().toLowerCase();
    if (lang?.startsWith('fr')) return 'fr';
    if (lang?.startsWith('en')) return 'en';
  }
  return undefined;
}
