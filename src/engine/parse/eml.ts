/**
 * A MIME reader (RFC 5322, RFC 2045–2047, RFC 2231) that keeps source offsets.
 *
 * One pass over the lines of the message: a stack of open multiparts, a map from boundary to
 * multipart, and the leaf part being read. Each part's header block is read where its
 * delimiter line ends; its content runs to the next delimiter of any open multipart. Nothing
 * recurses, so 10,000 nested multiparts are as safe as one, and every line is looked at once.
 *
 * Text parts come out with a map from their decoded content to the file: identity for
 * 7bit/8bit/binary, an offset table for quoted-printable, the part's header block for base64.
 * What is malformed is recorded as a problem and worked around, never thrown.
 */
import type { Attachment, Header, ParseProblem } from '../model';
import { type Encoder, shiftMapper, type SourceMapper } from '../text/view';
import { charsetOf, decodeBytes, utf8Length } from './charset';
import { base64Bytes, lineEndAt, parseHeaderBlock, parseStructured } from './headers';
import { base64Garbage, base64Size, blockMapper, decodeQuotedPrintable, quotedPrintableEncoder, quotedPrintableSize } from './transfer';

/** A text body found in a message, with the map from its decoded content to the file. */
export interface EmlBody {
  type: 'html' | 'text';
  /** Decoded content. */
  content: string;
  mapper: SourceMapper;
  editable: boolean;
  encode: Encoder;
  /** Source range of the raw content (its end is where text can be appended). */
  start: number;
  end: number;
  /** Source range of the part's Content-* header fields, where findings about the part anchor. */
  headerStart: number;
  headerEnd: number;
  /** Lowercased transfer encoding (`7bit`, `quoted-printable`, `base64`…), '' when absent. */
  transferEncoding: string;
}

/** What the MIME reader found in a message. */
export interface EmlParse {
  headers: Header[];
  bodies: EmlBody[];
  attachments: Attachment[];
  problems: ParseProblem[];
}

// A message or MIME part, as read from its header block.
interface Entity {
  start: number;
  headerEnd: number;
  /** The range of the Content-* fields (the header block when there are none). */
  mimeRange: { start: number; end: number };
  bodyStart: number;
  headers: Header[];
  /** Lowercase `type/subtype`. */
  type: string;
  boundaries: string[];
  encoding: string;
  charset?: string;
  disposition: string;
  filename: string;
  /** The Content-Type header (or the header block) to report on. */
  anchor: { start: number; end: number };
  parentType?: string;
  hasContentType: boolean;
}

interface Frame {
  entity: Entity;
  boundaries: string[];
  parts: number;
  level: number;
}

// Reporting stops here: a broken message should not bury the other findings.
const MAX_PROBLEMS = 50;
// RFC 2046 §5.1.1: boundaries are at most 70 characters; be lenient with longer ones.
const MAX_BOUNDARY_CHARS = 200;
// RFC 5322 §3.6: fields that may appear at most once.
const SINGLE_FIELDS = new Set(['date', 'from', 'sender', 'reply-to', 'to', 'cc', 'bcc', 'message-id', 'in-reply-to', 'references', 'subject']);
const IDENTITY_ENCODINGS = new Set(['', '7bit', '8bit', 'binary']);

/** Reads an RFC 5322 message with its MIME structure; never throws on malformed input. */
export function parseEml(source: string): EmlParse {
  const len = source.length;
  const problems: ParseProblem[] = [];
  const bodies: EmlBody[] = [];
  const attachments: Attachment[] = [];
  const frames: Frame[] = [];
  const byBoundary = new Map<string, Frame[]>();
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  let dropped = 0;

  const problem = (code: string, start: number, end: number, params?: ParseProblem['params']) => {
    if (problems.length >= MAX_PROBLEMS) dropped++;
    else problems.push(params ? { code, start, end, params } : { code, start, end });
  };

  const matchBoundary = (ls: number, le: number): { frame: Frame; close: boolean } | undefined => {
    if (source.charCodeAt(ls) !== 0x2d || source.charCodeAt(ls + 1) !== 0x2d) return undefined;
    let e = le;
    while (e > ls + 2 && (source[e - 1] === ' ' || source[e - 1] === '\t')) e--;
    if (e - ls - 2 > MAX_BOUNDARY_CHARS + 2) return undefined;
    const rest = source.slice(ls + 2, e);
    let list = byBoundary.get(rest);
    if (list?.length) return { frame: list[list.length - 1], close: false };
    if (rest.endsWith('--')) {
      list = byBoundary.get(rest.slice(0, -2));
      if (list?.length) return { frame: list[list.length - 1], close: true };
    }
    return undefined;
  };
  const stopAt = (ls: number, le: number) => frames.length > 0 && matchBoundary(ls, le) !== undefined;

  const readEntity = (at: number, parent: Frame | undefined, top: boolean, to = len): Entity => {
    const hb = parseHeaderBlock(source, at, to, { stopAt, top });
    const headers = hb.headers;
    for (const bad of hb.badLines) problem('badHeaderLine', bad, lineEndAt(source, bad, len).lineEnd);
    const types = headers.filter((h) => h.key === 'content-type');
    const ctHeader = types[types.length - 1];
    const parentType = parent?.entity.type;
    const fallback = parentType === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
    const ct = ctHeader ? parseStructured(source.slice(ctHeader.valueStart, ctHeader.valueEnd)) : undefined;
    let type = ct?.value ?? fallback;
    const blockEnd = headers.length ? headers[headers.length - 1].end : at;
    // The MIME fields (Content-Type, Content-Transfer-Encoding…) are where a part's findings
    // anchor: the whole block of a part, a few lines among the Received fields of a message.
    const mime = headers.filter((h) => h.key.startsWith('content-'));
    const mimeRange = mime.length ? { start: mime[0].start, end: mime.reduce((e, h) => Math.max(e, h.end), 0) } : { start: at, end: blockEnd };
    const anchor = ctHeader ? { start: ctHeader.start, end: ctHeader.end } : { start: at, end: blockEnd };
    if (ct && !/^[\w.+-]+\/[\w.+-]+$/.test(type)) {
      // "text plain", "text", "": RFC 2045 §5.2 says to treat an unusable type as text/plain.
      const major = /^[a-z]+/.exec(type)?.[0];
      const repaired = major === 'multipart' ? 'multipart/mixed' : major === 'text' || !major ? 'text/plain' : 'application/octet-stream';
      problem('badContentType', anchor.start, anchor.end, { value: type || '""', used: repaired });
      type = repaired;
    }
    const boundaries: string[] = [];
    if (type.startsWith('multipart/')) {
      for (const h of types) {
        for (const b of parseStructured(source.slice(h.valueStart, h.valueEnd)).raw.get('boundary') ?? []) {
          const clean = trimBlanksEnd(b);
          // Single quotes are not MIME quoting, but some mailers use them: accept both readings.
          const unquoted = /^'.+'$/.test(clean) ? clean.slice(1, -1) : '';
          for (const v of [clean, unquoted]) if (v && !boundaries.includes(v)) boundaries.push(v);
        }
      }
    }
    const cte = headers.find((h) => h.key === 'content-transfer-encoding');
    const encoding = (cte?.value ?? '').trim().toLowerCase().split(/[\s;(]/)[0];
    const cdHeader = headers.find((h) => h.key === 'content-disposition');
    const cd = cdHeader ? parseStructured(source.slice(cdHeader.valueStart, cdHeader.valueEnd)) : undefined;
    const filename = cd?.params.get('filename') || ct?.params.get('name') || '';
    if (hb.unterminated && headers.length > 0 && hb.bodyStart < to && !stopAt(hb.bodyStart, lineEndAt(source, hb.bodyStart, len).lineEnd)) {
      problem('noBlankLine', hb.bodyStart, lineEndAt(source, hb.bodyStart, len).lineEnd);
    }
    return {
      start: at,
      headerEnd: blockEnd,
      mimeRange,
      bodyStart: hb.bodyStart,
      headers,
      type,
      boundaries,
      encoding,
      charset: ct?.params.get('charset'),
      disposition: cd?.value ?? '',
      filename,
      anchor,
      parentType,
      hasContentType: !!ctHeader,
    };
  };

  // A leaf: a text body to lint, or an attachment.
  const addLeaf = (entity: Entity, start: number, end: number) => {
    if (end < start) end = start;
    const kind = bodyKind(entity, source);
    if (!kind) {
      attachments.push({
        filename: entity.filename,
        contentType: entity.type,
        size: contentSize(source, entity.encoding, start, end),
        start: entity.start,
        end: entity.headerEnd,
        inline: entity.disposition === 'inline' || (!entity.disposition && entity.parentType === 'multipart/related'),
      });
      return;
    }
    bodies.push(makeBody(source, entity, kind, start, end, eol, problem));
  };

  let leaf: Entity | undefined;
  const open = (entity: Entity): number => {
    if (entity.type.startsWith('multipart/')) {
      if (entity.boundaries.length === 0) {
        problem('missingBoundary', entity.anchor.start, entity.anchor.end);
        leaf = { ...entity, type: 'text/plain' };
        return entity.bodyStart;
      }
      if (!IDENTITY_ENCODINGS.has(entity.encoding)) problem('encodedMultipart', entity.anchor.start, entity.anchor.end, { encoding: entity.encoding });
      const frame: Frame = { entity, boundaries: entity.boundaries, parts: 0, level: frames.length };
      frames.push(frame);
      for (const b of frame.boundaries) {
        const list = byBoundary.get(b);
        if (list) list.push(frame);
        else byBoundary.set(b, [frame]);
      }
      leaf = undefined;
    } else leaf = entity;
    return entity.bodyStart;
  };
  const closeLeaf = (end: number) => {
    if (leaf) addLeaf(leaf, leaf.bodyStart, end);
    leaf = undefined;
  };
  const popFrame = (end: number, terminated: boolean) => {
    const frame = frames.pop()!;
    for (const b of frame.boundaries) byBoundary.get(b)?.pop();
    const { entity } = frame;
    const boundary = frame.boundaries[0];
    if (frame.parts > 0) {
      if (!terminated) problem('unterminatedMultipart', entity.anchor.start, entity.anchor.end, { boundary });
      return;
    }
    if (/^\s*$/.test(source.slice(entity.bodyStart, end))) {
      problem('emptyMultipart', entity.anchor.start, entity.anchor.end);
      return;
    }
    // The body may start with a part's header fields (its opening delimiter is missing): read
    // that part, but never descend again, so that the walk stays linear.
    const inner = readEntity(entity.bodyStart, undefined, false, end);
    if (inner.headers.length > 0 && !inner.type.startsWith('multipart/')) {
      problem(terminated ? 'missingDelimiter' : 'boundaryNotFound', entity.anchor.start, entity.anchor.end, { boundary });
      addLeaf(inner, inner.bodyStart, end);
    } else if (terminated) {
      // Only a closing delimiter: what came before it is a preamble, not content.
      problem('emptyMultipart', entity.anchor.start, entity.anchor.end);
    } else {
      // No delimiter line ever matched: read the body as one part so its text is still linted.
      problem('boundaryNotFound', entity.anchor.start, entity.anchor.end, { boundary });
      addLeaf({ ...entity, type: 'text/plain', filename: '', disposition: '' }, entity.bodyStart, end);
    }
  };

  const top = readEntity(0, undefined, true);
  if (top.headers.length === 0) problem('noHeaders', 0, lineEndAt(source, 0, len).lineEnd);
  else topLevelChecks(source, top, problem);
  let pos = open(top);
  while (pos < len && frames.length > 0) {
    // Only a line that starts with `-` can be a delimiter: the others are passed over in one
    // search for the next such line (a part's content is most of the message).
    if (source.charCodeAt(pos) !== 0x2d) {
      const dash = source.indexOf('\n-', pos);
      pos = dash < 0 ? len : dash + 1;
      continue;
    }
    const { lineEnd, next } = lineEndAt(source, pos, len);
    const m = matchBoundary(pos, lineEnd);
    if (!m) {
      pos = next;
      continue;
    }
    // RFC 2046 §5.1.1: the line break before a delimiter belongs to the delimiter.
    let end = pos;
    if (end > 0 && source[end - 1] === '\n') end--;
    if (end > 0 && source[end - 1] === '\r') end--;
    closeLeaf(Math.max(end, leaf?.bodyStart ?? end));
    while (frames.length - 1 > m.frame.level) popFrame(end, false);
    if (m.close) {
      popFrame(end, true);
      pos = next;
      continue;
    }
    m.frame.parts++;
    pos = open(readEntity(next, m.frame, false));
  }
  closeLeaf(len);
  while (frames.length > 0) popFrame(len, false);
  if (dropped > 0) problems.push({ code: 'moreProblems', start: problems[problems.length - 1].start, end: problems[problems.length - 1].end, params: { count: dropped } });
  return { headers: top.headers, bodies, attachments, problems };
}

type Report = (code: string, start: number, end: number, params?: ParseProblem['params']) => void;

// Problems of the message's own header block.
function topLevelChecks(source: string, top: Entity, problem: Report): void {
  const seen = new Set<string>();
  for (const h of top.headers) {
    if (SINGLE_FIELDS.has(h.key)) {
      if (seen.has(h.key)) problem('duplicateHeader', h.start, h.end, { name: h.name });
      seen.add(h.key);
    }
    if ((h.key === 'subject' || h.key === 'from' || h.key === 'to') && /[^\x00-\x7f]/.test(source.slice(h.valueStart, h.valueEnd))) {
      problem('rawHeaderText', h.start, h.end, { name: h.name });
    }
  }
  const first = top.headers[0];
  // RFC 5322 §3.6: From is required; SpamAssassin MISSING_SUBJECT scores a message without Subject.
  for (const name of ['From', 'Subject']) if (!seen.has(name.toLowerCase())) problem('missingHeader', first.start, first.end, { name });
  // RFC 2045 §4: a MIME message declares MIME-Version.
  if ((top.hasContentType || top.encoding) && !top.headers.some((h) => h.key === 'mime-version')) problem('missingMimeVersion', top.anchor.start, top.anchor.end);
}

// Text parts to lint; other leaves are attachments. A named text part is an attached file,
// unless it is one of the versions of a multipart/alternative.
function bodyKind(entity: Entity, source: string): 'html' | 'text' | undefined {
  if (entity.disposition === 'attachment' || (entity.filename && entity.parentType !== 'multipart/alternative')) return undefined;
  if (entity.type === 'text/html') return 'html';
  if (entity.type === 'text/plain') {
    // A message without Content-Type whose body is plainly HTML (hand-made drafts).
    if (!entity.hasContentType && /^\s*<(!doctype\s+html|html)\b/i.test(source.slice(entity.bodyStart, entity.bodyStart + 500))) return 'html';
    return 'text';
  }
  return undefined;
}

function contentSize(source: string, encoding: string, start: number, end: number): number {
  if (encoding === 'base64') return base64Size(source, start, end);
  if (encoding === 'quoted-printable') return quotedPrintableSize(source, start, end);
  return utf8Length(source.slice(start, end));
}

function makeBody(source: string, entity: Entity, type: 'html' | 'text', start: number, end: number, eol: string, problem: Report): EmlBody {
  const base = { type, headerStart: entity.mimeRange.start, headerEnd: entity.mimeRange.end, transferEncoding: entity.encoding };
  const charset = charsetOf(entity.charset);
  if (entity.charset && !charset.known) problem('unknownCharset', entity.anchor.start, entity.anchor.end, { charset: entity.charset });
  if (entity.encoding === 'quoted-printable') {
    const dec = decodeQuotedPrintable(source, start, end, charset);
    if (dec.badEscape !== undefined) problem('badQuotedPrintable', dec.badEscape, dec.badEscape + 1);
    if (dec.badBytes !== undefined) problem('invalidBytes', dec.badBytes, dec.map.end(dec.map.length), { charset: charset.name });
    const encode = quotedPrintableEncoder(source, charset, eol);
    return {
      ...base,
      content: dec.content,
      mapper: dec.map,
      editable: !!encode,
      encode: encode ?? ((t) => t),
      start,
      end: dec.content ? dec.map.end(dec.content.length) : start,
    };
  }
  if (entity.encoding === 'base64') {
    const garbage = base64Garbage(source, start, end);
    if (garbage !== undefined) problem('badBase64', garbage, garbage + 1);
    const bytes = base64Bytes(source.slice(start, end));
    const content = bytes ? decodeBytes(bytes, charset.name) : '';
    if (content.includes('\uFFFD')) problem('invalidBytes', entity.anchor.start, entity.anchor.end, { charset: charset.name });
    const { start: anchorStart, end: anchorEnd } = entity.mimeRange;
    return { ...base, content, mapper: blockMapper(anchorStart, anchorEnd), editable: false, encode: (t) => t, start, end };
  }
  if (!IDENTITY_ENCODINGS.has(entity.encoding)) problem('unknownEncoding', entity.anchor.start, entity.anchor.end, { encoding: entity.encoding });
  const content = source.slice(start, end);
  const bad = content.indexOf('\uFFFD');
  if (bad >= 0) problem('invalidBytes', start + bad, start + bad + 1, { charset: charset.name });
  return { ...base, content, mapper: shiftMapper(start), editable: true, encode: (t) => t, start, end };
}

// Trailing spaces and tabs removed by hand: `/[ \t]+$/` rescanned every run of blanks inside the
// string from each of its characters.
function trimBlanksEnd(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === ' ' || s[end - 1] === '\t')) end--;
  return s.slice(0, end);
}
