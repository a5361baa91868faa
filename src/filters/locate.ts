// Places a filter's rule (a SpamAssassin rule name, an Rspamd symbol) on the draft's source where
// the rule is about something Mailproof can find: a header, the subject, links, images, capitals
// or the words the rule names. Anything else is listed in the panel without a place.
import { imagesOf } from '../engine/html/images';
import { linksOf } from '../engine/html/links';
import { isIpHost } from '../engine/html/url';
import type { BodyPart, DraftModel, Header } from '../engine/model';
import type { FilterHit } from './types';

export interface SourceRange {
  start: number;
  end: number;
}

export interface LocatedHit extends FilterHit {
  range?: SourceRange;
}

// Parts of rule names that say what kind of test it is rather than what it looks for.
const NOISE = new Set([
  'body', 'caps', 'html', 'mime', 'tvd', 'subj', 'subject', 'rawbody', 'uri', 'meta', 'mixed', 'mpart', 'alt', 'diff', 'ratio', 'spammy', 'phrase', 'text',
  'short', 'long', 'from', 'to', 'header', 'the', 'and', 'with', 'fuz', 'fuzzy', 'obfu', 'local', 'mail', 'mailer', 'part', 'msg', 'message', 'some',
]);
// Rspamd symbols and SpamAssassin rules about the HTML part as a whole.
const WHOLE_HTML = /^(HTML_MESSAGE|MIME_HTML_ONLY|MPART_ALT_DIFF(_COUNT)?|MIME_HTML_MOSTLY|R_PARTS_DIFFER|MIME_HTML_ONLY_MULTI|HTML_MIME_NO_HTML_TAG|PARTS_DIFFER)$/;
// Tokens searched in the text are letters only, so a rule name cannot build an odd pattern.
const MAX_SEARCH_CHARS = 2_000_000;

/** Places each hit on the draft where it can (see the file comment). */
export function locateHits(model: DraftModel, hits: readonly FilterHit[]): LocatedHit[] {
  return hits.map((hit) => {
    const range = locate(model, hit);
    return range ? { ...hit, range } : { ...hit };
  });
}

function locate(model: DraftModel, hit: FilterHit): SourceRange | undefined {
  const name = hit.name.toUpperCase();
  const header = (key: string): SourceRange | undefined => {
    const h: Header | undefined = model.header(key);
    return h ? { start: h.valueStart, end: Math.max(h.valueEnd, h.valueStart) } : undefined;
  };
  if (/^SUBJ_|_SUBJ(_|$)|SUBJECT/.test(name)) return header('subject') ?? titleRange(model);
  if (/^(FREEMAIL_|FROM_|HEADER_FROM|FORGED_.*FROM|R_DKIM|DMARC_|SPF_|R_SPF|FROM_NAME|FROM_HAS|FROM_EQ)/.test(name)) return header('from');
  if (/^(TO_|RCPT_)/.test(name)) return header('to');
  if (/REPLYTO|REPTO/.test(name)) return header('reply-to');
  if (/^(LIST_|MAILLIST)|UNSUB/.test(name)) return header('list-unsubscribe');
  if (WHOLE_HTML.test(name)) return wholeHtml(model);
  if (/IMAGE|_IMG|^IMG_/.test(name)) return firstImage(model);
  // regex-audit: safe, run on one filter rule name (SpamAssassin names are at most 80 characters, see spamc.ts)
  if (/HTTP_TO_IP|NUMERIC_HTTP|URI_.*IP|_IP_ADDR|HTTP_IP/.test(name)) return firstLink(model, true);
  if (/CAPS|UPPERCASE|SHOUT/.test(name)) return phrase(model, name, hit.description) ?? capsIn(model, name, false, bodyOnly(hit));
  if (/^(URI_|URIBL|SURBL|DBL_|HTTP_|URL_|SHORT_?URL|REDIRECTOR|PHISH)|_URI(_|$)|_LINK|_URL(_|$)/.test(name)) return phrase(model, name, hit.description) ?? firstLink(model, false);
  return phrase(model, name, hit.description);
}

// SpamAssassin labels body and URI tests in their descriptions; those never look at the subject.
function bodyOnly(hit: { description: string }): boolean {
  return /^(BODY|RAWBODY|URI|FULL):/.test(hit.description);
}

function wholeHtml(model: DraftModel): SourceRange | undefined {
  const part = model.parts.find((p) => p.html);
  const first = part?.html?.elements.find((e) => e.name === 'html') ?? part?.html?.elements[0];
  return first ? { start: first.start, end: Math.max(first.openEnd, first.nameEnd) } : undefined;
}

function titleRange(model: DraftModel): SourceRange | undefined {
  for (const part of model.parts) {
    const title = part.html?.byName('title')[0];
    if (title) return { start: title.openEnd, end: Math.max(title.openEnd, title.end - '</title>'.length) };
  }
  return undefined;
}

function firstImage(model: DraftModel): SourceRange | undefined {
  for (const part of model.parts) {
    const img = imagesOf(part, model.source)[0];
    if (img) return { start: img.el.start, end: Math.max(img.el.openEnd, img.el.nameEnd) };
  }
  return undefined;
}

function firstLink(model: DraftModel, ipOnly: boolean): SourceRange | undefined {
  for (const part of model.parts) {
    for (const link of linksOf(part, model.source)) {
      if (ipOnly && !isIpHost(link.parts.host)) continue;
      const r = link.range(0, link.url.length);
      return { start: r.start, end: r.end };
    }
  }
  return undefined;
}

// Texts in reading order: the subject, then each body part.
function views(model: DraftModel, subjectOnly: boolean, skipSubject = false): Array<{ text: string; map(from: number, to: number): SourceRange }> {
  const out: Array<{ text: string; map(from: number, to: number): SourceRange }> = [];
  if (model.subject && !skipSubject) out.push({ text: model.subject.text, map: (f, t) => model.subject!.sourceRange(f, t) });
  if (subjectOnly) return out;
  for (const part of model.parts as BodyPart[]) out.push({ text: part.text.text.slice(0, MAX_SEARCH_CHARS), map: (f, t) => part.text.sourceRange(f, t) });
  return out;
}

const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
const isLetter = (c: string) => c.toLowerCase() !== c.toUpperCase();

/** The first run of two or more words in capitals (letters only, one scan). */
function capsIn(model: DraftModel, name: string, subjectOnly: boolean, skipSubject = false): SourceRange | undefined {
  if (!/CAPS|UPPERCASE|SHOUT/.test(name)) return undefined;
  for (const v of views(model, subjectOnly, skipSubject)) {
    const text = v.text;
    let runStart = -1;
    let runEnd = -1;
    let words = 0;
    let i = 0;
    while (i <= text.length) {
      // Read one word.
      let j = i;
      while (j < text.length && !isLetter(text[j])) j++;
      const wordStart = j;
      let upper = true;
      while (j < text.length && (isLetter(text[j]) || text[j] === "'" || text[j] === '’')) {
        if (isLetter(text[j]) && !isUpper(text[j])) upper = false;
        j++;
      }
      const gap = text.slice(runEnd < 0 ? wordStart : runEnd, wordStart);
      if (wordStart < text.length && upper && j - wordStart >= 2 && !/[\n\u2029.!?]/.test(gap)) {
        if (runStart < 0) runStart = wordStart;
        runEnd = j;
        words++;
      } else {
        if (words >= 2) return v.map(runStart, runEnd);
        runStart = -1;
        runEnd = -1;
        words = 0;
        if (wordStart < text.length && upper && j - wordStart >= 2) {
          runStart = wordStart;
          runEnd = j;
          words = 1;
        }
      }
      if (j >= text.length) {
        if (words >= 2) return v.map(runStart, runEnd);
        break;
      }
      i = j;
    }
  }
  return undefined;
}

/**
 * The words a rule is about, found in the text: a phrase quoted in the description ('acting
 * now'), else the rule name's words together (DEAR_FRIEND: "dear friend"), else its longest word.
 */
function phrase(model: DraftModel, name: string, description: string): SourceRange | undefined {
  const candidates: string[][] = [];
  const quoted = /'([A-Za-z][A-Za-z ]{2,40})'/.exec(description);
  if (quoted) candidates.push(quoted[1].toLowerCase().split(' ').filter(Boolean));
  const tokens = name
    .toLowerCase()
    .split('_')
    .filter((t) => /^[a-z]{3,}$/.test(t) && !NOISE.has(t));
  if (tokens.length >= 2) candidates.push(tokens);
  const longest = [...tokens].sort((a, b) => b.length - a.length)[0];
  if (longest && longest.length >= 4) candidates.push([longest]);
  for (const words of candidates) {
    for (const v of views(model, false, bodyOnly({ description }))) {
      const r = findWords(v.text, words);
      if (r) return v.map(r.start, r.end);
    }
  }
  return undefined;
}

/** Words in order, separated by anything but letters, each matched as a word prefix, case-insensitively. */
function findWords(text: string, words: string[]): SourceRange | undefined {
  const lower = text.toLowerCase();
  let from = 0;
  for (;;) {
    const at = lower.indexOf(words[0], from);
    if (at < 0) return undefined;
    from = at + 1;
    if (at > 0 && isLetter(lower[at - 1])) continue;
    let pos = at + words[0].length;
    let ok = true;
    for (const w of words.slice(1)) {
      while (pos < lower.length && isLetter(lower[pos])) pos++;
      let gap = 0;
      while (pos < lower.length && !isLetter(lower[pos]) && gap < 4) {
        pos++;
        gap++;
      }
      if (!lower.startsWith(w, pos)) {
        ok = false;
        break;
      }
      pos += w.length;
    }
    if (!ok) continue;
    while (pos < lower.length && isLetter(lower[pos])) pos++;
    return { start: at, end: pos };
  }
}
