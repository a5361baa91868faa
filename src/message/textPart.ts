// "Generate Text Version" for .eml drafts: the edit that writes a text/plain alternative generated
// from the HTML part, replacing the text part when there is one, adding one otherwise.
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';
import { parseEml } from '../engine/parse/eml';
import { htmlToText } from './text';

/** One replacement of `[start, end)` of the draft, in UTF-16 offsets. */
export interface TextPartEdit {
  start: number;
  end: number;
  newText: string;
  /** What the edit does. */
  kind: 'replaced' | 'inserted' | 'restructured';
}

/** Why no edit: no HTML part, or a structure Mailproof does not rewrite. */
export type TextPartProblem = { problem: 'noHtml' | 'unsupported' };

/** The edit that gives an .eml draft a text part generated from its HTML part. */
export function textPartEdit(source: string): TextPartEdit | TextPartProblem {
  const eml = parseEml(source);
  const html = eml.bodies.find((b) => b.type === 'html');
  if (!html) return { problem: 'noHtml' };
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const text = htmlToText(html.content);
  const qp = quotedPrintable(text, eol);
  const existing = eml.bodies.find((b) => b.type === 'text');

  if (existing) {
    const te = existing.transferEncoding;
    // The part keeps its headers, so the new content must match its declared encoding.
    let content: string | undefined;
    if (te === 'quoted-printable') content = qp;
    else if (te === 'base64') content = base64(text, eol);
    else if ((te === '' || te === '7bit') && /^[\x00-\x7f]*$/.test(text)) content = text.replace(/\n/g, eol);
    else if (te === '8bit' || te === 'binary') content = text.replace(/\n/g, eol);
    if (content === undefined || !/charset="?utf-8"?/i.test(source.slice(existing.headerStart, existing.headerEnd)) && !/^[\x00-\x7f]*$/.test(text)) {
      return { problem: 'unsupported' };
    }
    return { start: existing.start, end: trimEnd(source, existing.start, existing.end), newText: trimLineBreaks(content), kind: 'replaced' };
  }

  const part = `Content-Type: text/plain; charset=utf-8${eol}Content-Transfer-Encoding: quoted-printable${eol}${eol}${qp}${eol}`;
  const boundary = boundaryBefore(source, html.headerStart);
  if (boundary !== undefined) {
    // Only beside the HTML in a multipart/alternative: elsewhere a text part would be an attachment.
    if (!declaresAlternative(source, boundary)) return { problem: 'unsupported' };
    return { start: html.headerStart, end: html.headerStart, newText: `${part}--${boundary}${eol}`, kind: 'inserted' };
  }

  // A single-part HTML message: the top-level Content-* fields and the body become a
  // multipart/alternative of the new text part and the HTML part as it was.
  const top = eml.headers;
  const contentHeaders = top.filter((h) => h.key.startsWith('content-'));
  if (!contentHeaders.length) return { problem: 'unsupported' };
  const bodyStart = html.start;
  const sep = `mailproof-alt-${Date.now().toString(36)}`;
  const kept = contentHeaders.map((h) => source.slice(h.start, h.end)).join(eol);
  let head = '';
  let pos = 0;
  for (const h of contentHeaders) {
    head += source.slice(pos, h.start);
    pos = h.end + (source.startsWith('\r\n', h.end) ? 2 : source[h.end] === '\n' ? 1 : 0);
  }
  head = trimLineBreaks(head + source.slice(pos, bodyStart)) + eol;
  const newText =
    `${head}Content-Type: multipart/alternative; boundary="${sep}"${eol}${eol}` +
    `--${sep}${eol}${part}--${sep}${eol}${kept}${eol}${eol}${trimLineBreaks(source.slice(bodyStart))}${eol}--${sep}--${eol}`;
  return { start: 0, end: source.length, newText, kind: 'restructured' };
}

// Trailing line breaks removed by a scan (a regex over many line breaks would be quadratic).
function trimLineBreaks(s: string): string {
  let e = s.length;
  while (e > 0 && (s[e - 1] === '\n' || s[e - 1] === '\r')) e--;
  return s.slice(0, e);
}

function quotedPrintable(text: string, eol: string): string {
  return qpWrap(qpEncode(Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')), 76).replace(/\r?\n/g, eol).replace(/=\r?\n$/, '');
}

function base64(text: string, eol: string): string {
  const b = Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b.length; i += 76) lines.push(b.slice(i, i + 76));
  return lines.join(eol);
}

// The part's content ends before the line break that precedes the next boundary.
function trimEnd(source: string, start: number, end: number): number {
  let e = end;
  while (e > start && (source[e - 1] === '\n' || source[e - 1] === '\r')) e--;
  return e;
}

// The boundary on the line just before a part's header block (`--sep`), if that line is one.
function boundaryBefore(source: string, headerStart: number): string | undefined {
  let lineEnd = headerStart;
  if (source[lineEnd - 1] === '\n') lineEnd--;
  if (source[lineEnd - 1] === '\r') lineEnd--;
  const lineStart = source.lastIndexOf('\n', lineEnd - 1) + 1;
  const line = source.slice(lineStart, lineEnd);
  return line.startsWith('--') && line.length > 2 && line.length <= 72 ? line.slice(2).trimEnd() : undefined;
}

// A Content-Type of multipart/alternative that declares this boundary (RFC 2046 §5.1.1).
function declaresAlternative(source: string, boundary: string): boolean {
  const lower = source.toLowerCase();
  let from = 0;
  for (let i = 0; i < 100; i++) {
    const at = lower.indexOf('multipart/alternative', from);
    if (at < 0) return false;
    const window = source.slice(at, at + 300);
    if (window.includes(`boundary="${boundary}"`) || window.includes(`boundary=${boundary}`)) return true;
    from = at + 1;
  }
  return false;
}
