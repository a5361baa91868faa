import type { HtmlDocument } from './parse/html';
import type { Encoder, TextView } from './text/view';
import type { DraftKind, Locale } from './types';

/** A header of an `.eml` draft, or a front-matter key of an HTML/text draft. */
export interface Header {
  /** Name as written. */
  name: string;
  /** Lowercased name, for lookups. */
  key: string;
  /** Unfolded, decoded value (RFC 2047 encoded words decoded). */
  value: string;
  /** Range of the whole header line(s), name included, line break excluded. */
  start: number;
  end: number;
  /** Range of the raw value. */
  valueStart: number;
  valueEnd: number;
}

/** A body to lint: the HTML or plain text of a draft, or one text part of a MIME message. */
export interface BodyPart {
  type: 'html' | 'text';
  /** Visible text. */
  text: TextView;
  /** Parsed markup, for HTML parts. */
  html?: HtmlDocument;
  /** Source range of the part's raw content. */
  start: number;
  end: number;
  /** False when edits cannot be expressed on the source (base64 content). */
  editable: boolean;
  /** Encodes inserted text the way the part's content is encoded (quoted-printable…). */
  encode: Encoder;
  /** Decoded size in bytes of the part's content (UTF-8). */
  byteSize: number;
  /** MIME parts: the source range of the part's Content-* header fields (its whole header block, in practice). */
  headerRange?: { start: number; end: number };
  /** MIME parts: the lowercased Content-Transfer-Encoding, '' when absent. */
  transferEncoding?: string;
}

/** A MIME attachment of an `.eml` draft. */
export interface Attachment {
  filename: string;
  contentType: string;
  /** Decoded size in bytes (estimated from the encoded size when it cannot be decoded). */
  size: number;
  /** Range to report on: the part's headers. */
  start: number;
  end: number;
  /** Shown inside the message (an image of a multipart/related HTML body) rather than attached. */
  inline: boolean;
}

/** Something malformed in the draft that the parser worked around. */
export interface ParseProblem {
  /** Message key under `parse.` in the message catalogues. */
  code: string;
  start: number;
  end: number;
  params?: Record<string, string | number>;
}

/** Bulk mail (newsletters, campaigns) or transactional mail (receipts, password resets). */
export type MailType = 'bulk' | 'transactional';

/** Everything rules read about a draft, built by one parse. */
export interface DraftModel {
  kind: DraftKind;
  source: string;
  /** `.eml` headers, or the front matter of an HTML/text draft. */
  headers: Header[];
  /** Subject as visible text (from the Subject header or a `subject:` front-matter key). */
  subject?: TextView;
  /** Bodies in source order. For `.eml`, every text/plain and text/html part. */
  parts: BodyPart[];
  attachments: Attachment[];
  problems: ParseProblem[];
  /** Per-file mail type from an inline comment, a header or front matter, if any. */
  declaredMailType?: MailType;
  /**
   * False when the source holds neither `mailproof-` nor `mailproof:`, so it has no inline
   * directive to look for (unset: not known, look).
   */
  mentionsMailproof?: boolean;
  /** Where a file-level directive comment can be inserted. */
  preambleEnd: number;
  /** The draft's line break (`\r\n` when it has any, else `\n`), for inserted lines. */
  eol: string;
  /** The language the draft's text seems to be in. */
  language: Locale;
  /** First header with this (case-insensitive) name. */
  header(name: string): Header | undefined;
}
