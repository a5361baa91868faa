// Builds the message a draft becomes when it is sent: the bytes that filters score and that the
// test send hands to the SMTP server, so both see exactly the same thing.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import DKIM from 'nodemailer/lib/dkim';
import MailComposer from 'nodemailer/lib/mail-composer';
import { linksOf } from '../engine/html/links';
import { detectKind } from '../engine/lint';
import type { Header } from '../engine/model';
import { parseEml } from '../engine/parse/eml';
import { buildModel } from '../engine/parse/index';
import type { DraftKind } from '../engine/types';
import { htmlToText } from './text';

/** Headers used when the draft does not set them (from settings or the command line). */
export interface HeaderDefaults {
  from?: string;
  to?: string;
  subject?: string;
  replyTo?: string;
  listUnsubscribe?: string;
}

/** DKIM signing with a key the user points to. */
export interface DkimOptions {
  domainName: string;
  keySelector: string;
  /** PEM private key. */
  privateKey: string;
}

export interface BuildOptions {
  fileName?: string;
  kind?: DraftKind;
  defaults?: HeaderDefaults;
  /** Bulk mail gets List-Unsubscribe (and -Post); the draft's own declaration wins. */
  mailType?: 'bulk' | 'transactional';
  dkim?: DkimOptions;
  /** Fixed Date and Message-ID, for reproducible output. */
  date?: Date;
  messageId?: string;
}

/** Why a draft cannot become a message; `code` is a key of the callers' message catalogues. */
export class BuildError extends Error {
  constructor(
    readonly code: 'noSender' | 'tooLarge' | 'noBody' | 'badDkimKey',
    message: string,
  ) {
    super(message);
  }
}

/** What a notice in the build is about; `code` keys a message in the callers' catalogues. */
export interface BuildNote {
  code: 'textGenerated' | 'listUnsubscribeFromLink' | 'oneClickAdded' | 'attachmentsDropped' | 'subjectFromTitle';
  detail?: string;
}

export interface BuiltMessage {
  raw: Buffer;
  /** Header values as written into the message. */
  from: string;
  to: string;
  subject: string;
  messageId: string;
  html?: string;
  text: string;
  /** Envelope recipients the draft names (To, Cc): a test send asks before using them. */
  draftRecipients: string[];
  notes: BuildNote[];
}

// A draft over this is not a message anyone sends (Gmail refuses messages over 25 MB; drafts are
// text, so 10 MB of it is already far past any newsletter).
export const MAX_DRAFT_CHARS = 10 * 1024 * 1024;
// Headers the builder writes itself (structure, transfer) or that are Mailproof's own.
const STRUCTURAL = new Set(['content-type', 'content-transfer-encoding', 'mime-version', 'content-disposition', 'content-id', 'content-length', 'bcc']);
const ADDRESS_KEYS: Record<string, keyof HeaderDefaults> = { from: 'from', to: 'to', subject: 'subject', 'reply-to': 'replyTo', 'list-unsubscribe': 'listUnsubscribe' };
// Front-matter keys that are not headers (template settings of common tools).
const FRONT_MATTER_HEADERS = new Set(['from', 'to', 'cc', 'reply-to', 'subject', 'list-unsubscribe', 'list-unsubscribe-post', 'sender', 'x-mailproof-type']);
// Link text or URLs that lead to unsubscribing, in English and French.
const UNSUBSCRIBE_RE = /unsubscri|opt[- ]?out|d[ée]sinscri|d[ée]sabonn|d[ée]sinscription/i;

/** Builds the MIME message of a draft (HTML + text alternative, headers, optional DKIM). */
export async function buildMessage(source: string, options: BuildOptions = {}): Promise<BuiltMessage> {
  if (source.length > MAX_DRAFT_CHARS) throw new BuildError('tooLarge', `${Math.round(source.length / 1024)} KB; the limit is ${MAX_DRAFT_CHARS / 1024} KB`);
  const kind = options.kind ?? detectKind(options.fileName, source);
  const model = buildModel(source, kind);
  const notes: BuildNote[] = [];
  const extra: Array<{ key: string; value: string }> = [];
  const fields: HeaderDefaults & { cc?: string; date?: string; messageId?: string; listUnsubscribePost?: string } = {};
  let html: string | undefined;
  let text: string | undefined;

  const take = (h: Header) => {
    const key = h.key;
    if (key in ADDRESS_KEYS) fields[ADDRESS_KEYS[key]] ??= h.value;
    else if (key === 'cc') fields.cc ??= h.value;
    else if (key === 'date') fields.date ??= h.value;
    else if (key === 'message-id') fields.messageId ??= h.value;
    else if (key === 'list-unsubscribe-post') fields.listUnsubscribePost ??= h.value;
    else if (!STRUCTURAL.has(key) && !key.startsWith('x-mailproof-')) extra.push({ key: h.name, value: h.value });
  };

  if (kind === 'eml') {
    const eml = parseEml(source);
    for (const h of eml.headers) take(h);
    html = eml.bodies.find((b) => b.type === 'html')?.content;
    text = eml.bodies.find((b) => b.type === 'text')?.content;
    if (eml.attachments.some((a) => !a.inline)) notes.push({ code: 'attachmentsDropped', detail: eml.attachments.map((a) => a.filename).join(', ') });
  } else {
    for (const h of model.headers) if (FRONT_MATTER_HEADERS.has(h.key)) take(h);
    const part = model.parts[0];
    const body = source.slice(part?.start ?? 0);
    if (kind === 'html') html = body;
    else text = body;
  }
  if (html === undefined && text === undefined) throw new BuildError('noBody', 'the draft has no text or HTML body');

  const d = options.defaults ?? {};
  const from = (fields.from ?? d.from ?? '').trim();
  if (!from) throw new BuildError('noSender', 'no sender');
  const to = (fields.to ?? d.to ?? '').trim();
  let subject = fields.subject ?? d.subject;
  if (subject === undefined && html !== undefined) {
    // regex-audit: safe, bounded repetitions (200 and 400 characters) on the first 20,000 characters
    const title = /<title\b[^>]{0,200}>([^<]{1,400})<\/title>/i.exec(html.slice(0, 20_000));
    if (title) {
      subject = decodeBasicEntities(title[1]).replace(/\s+/g, ' ').trim();
      notes.push({ code: 'subjectFromTitle' });
    }
  }
  subject ??= '';
  if (html !== undefined && text === undefined) {
    text = htmlToText(html);
    notes.push({ code: 'textGenerated' });
  }

  const mailType = model.declaredMailType ?? options.mailType ?? 'bulk';
  const headers: Array<{ key: string; value: string }> = [...extra];
  if (mailType === 'bulk') {
    let list = fields.listUnsubscribe ?? d.listUnsubscribe;
    if (!list) {
      const url = unsubscribeUrl(model);
      if (url) {
        list = `<${url}>`;
        notes.push({ code: 'listUnsubscribeFromLink', detail: url });
      }
    }
    if (list) {
      headers.push({ key: 'List-Unsubscribe', value: list });
      let post = fields.listUnsubscribePost;
      // RFC 8058 §3.1: one-click needs an HTTPS URI in List-Unsubscribe.
      if (!post && /<https:\/\//i.test(list)) {
        post = 'List-Unsubscribe=One-Click';
        notes.push({ code: 'oneClickAdded' });
      }
      if (post) headers.push({ key: 'List-Unsubscribe-Post', value: post });
    }
  }

  // RFC 5322 §2.3: lines end in CRLF; a bare LF would be rewritten by SMTP clients after signing.
  const crlf = (s: string | undefined) => (s === undefined ? undefined : s.replace(/\r?\n/g, '\r\n'));
  html = crlf(html);
  text = crlf(text);
  const messageId = options.messageId ?? fields.messageId ?? `<${randomId()}@${domainOfAddress(from) ?? 'mailproof.invalid'}>`;
  const composer = new MailComposer({
    from,
    to: to || undefined,
    cc: fields.cc,
    replyTo: fields.replyTo ?? d.replyTo,
    subject,
    // The draft's own Date is kept as written; an unreadable one is replaced.
    date: options.date ?? (fields.date && !Number.isNaN(Date.parse(fields.date)) ? fields.date.trim() : new Date()),
    messageId,
    html,
    text,
    textEncoding: 'quoted-printable',
    headers,
    // A draft is untrusted: nothing it names is read from disk or fetched.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  let raw = await composer.compile().build();
  if (options.dkim) raw = await signDkim(raw, options.dkim);
  const draftRecipients = [to, fields.cc ?? ''].flatMap(addressesOf);
  return { raw, from, to, subject, messageId, html, text: text ?? '', draftRecipients, notes };
}

/** Signs a built message (relaxed/relaxed, rsa-sha256 or ed25519 from the key). */
export async function signDkim(raw: Buffer, dkim: DkimOptions): Promise<Buffer> {
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(dkim.privateKey)) throw new BuildError('badDkimKey', 'the DKIM key file holds no PEM private key');
  const signer = new DKIM({ domainName: dkim.domainName, keySelector: dkim.keySelector, privateKey: dkim.privateKey });
  const out = signer.sign(Readable.from([raw]));
  const chunks: Buffer[] = [];
  try {
    for await (const c of out) chunks.push(c as Buffer);
  } catch (e) {
    throw new BuildError('badDkimKey', (e as Error).message);
  }
  return Buffer.concat(chunks);
}

// The first link that reads as an unsubscribe link (its text or URL), HTTP(S) or mailto.
function unsubscribeUrl(model: ReturnType<typeof buildModel>): string | undefined {
  for (const part of model.parts) {
    for (const link of linksOf(part, model.source)) {
      const scheme = link.parts.scheme;
      if (link.parts.templated || (scheme !== 'https' && scheme !== 'http' && scheme !== 'mailto')) continue;
      const shown = link.text ? link.text.view.text.slice(link.text.from, link.text.to) : '';
      if (UNSUBSCRIBE_RE.test(link.url) || UNSUBSCRIBE_RE.test(shown)) return link.url;
    }
  }
  return undefined;
}

/** Bare addresses of an address-list header value (`"A" <a@x>, b@y`). */
export function addressesOf(value: string): string[] {
  const out: string[] = [];
  for (const piece of value.split(',')) {
    const lt = piece.lastIndexOf('<');
    const gt = piece.lastIndexOf('>');
    const addr = (lt >= 0 && gt > lt ? piece.slice(lt + 1, gt) : piece).trim();
    if (addr.includes('@')) out.push(addr);
  }
  return out;
}

function domainOfAddress(value: string): string | undefined {
  const addr = addressesOf(value)[0];
  const at = addr?.lastIndexOf('@') ?? -1;
  const domain = at >= 0 ? addr!.slice(at + 1).toLowerCase() : '';
  return /^[a-z0-9.-]{1,253}$/.test(domain) ? domain : undefined;
}

function randomId(): string {
  return `${Date.now().toString(36)}.${randomUUID()}`;
}

function decodeBasicEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" })[e] ?? _m);
}
