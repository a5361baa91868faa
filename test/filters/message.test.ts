// The message builder, the text alternative and "Generate Text Version" on inline drafts.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { parseEml } from '../../src/engine/parse/eml';
import { BuildError, buildMessage } from '../../src/message/build';
import { htmlToText } from '../../src/message/text';
import { textPartEdit } from '../../src/message/textPart';

const fixtures = join(__dirname, 'fixtures');
const examples = join(__dirname, '..', '..', 'examples');
const DATE = new Date('2026-12-01T09:00:00Z');

/** Headers of a built message, unfolded, by lowercase name. */
function headersOf(raw: Buffer): Map<string, string> {
  const text = raw.toString('utf8');
  const head = text.slice(0, text.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  return new Map(head.split('\r\n').map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
}

describe('htmlToText', () => {
  it('keeps every visible word, blank lines between paragraphs, list items, links and alt text', () => {
    const text = htmlToText(
      '<html><head><title>T</title><style>p{color:red}</style></head><body><h1>Soldes&nbsp;d’hiver</h1><p>Bonjour <b>Anne</b>,<br>voici nos <a href="https://shop.example/offres">offres</a>.</p><ul><li>Lampes</li><li>Tables</li></ul><img src="x.png" alt="Logo Atelier"><p><a href="https://shop.example/">https://shop.example/</a></p><script>alert(1)</script></body></html>',
    );
    assert.equal(text, 'Soldes d’hiver\n\nBonjour Anne,\nvoici nos offres <https://shop.example/offres>.\n\n- Lampes\n- Tables\n\nLogo Atelier\n\nhttps://shop.example/\n');
  });

  it('wraps long lines at 76 columns on spaces', () => {
    const text = htmlToText(`<p>${'mot '.repeat(60)}</p>`);
    for (const line of text.trimEnd().split('\n')) assert.ok(line.length <= 76, line);
    assert.equal(text.replace(/\s+/g, ' ').trim(), 'mot '.repeat(60).trim());
  });

  it('stays linear on hostile input (20,000 nested elements, 20,000 open links)', () => {
    const started = performance.now();
    htmlToText('<a href="https://x.example">'.repeat(20_000) + 'x');
    htmlToText('<div>'.repeat(20_000));
    assert.ok(performance.now() - started < 5000);
  });
});

describe('buildMessage', () => {
  it('builds HTML + text alternative with the front matter headers, Date, Message-ID and one-click unsubscribe', async () => {
    const source = readFileSync(join(fixtures, 'clean.html'), 'utf8');
    const m = await buildMessage(source, { fileName: 'clean.html', date: DATE, messageId: '<fixed@greenthumb.example>' });
    const h = headersOf(m.raw);
    assert.equal(h.get('from'), 'Green Thumb Nursery <journal@greenthumb.example>');
    assert.equal(h.get('to'), 'reader@example.org');
    assert.equal(h.get('subject'), 'The Garden Journal: spring planting notes');
    assert.equal(h.get('date'), 'Tue, 01 Dec 2026 09:00:00 +0000');
    assert.equal(h.get('message-id'), '<fixed@greenthumb.example>');
    assert.equal(h.get('mime-version'), '1.0');
    assert.equal(h.get('list-unsubscribe'), '<https://greenthumb.example/unsubscribe?u=42>');
    assert.equal(h.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    assert.match(h.get('content-type')!, /^multipart\/alternative;/);
    // The front matter is not part of the HTML that is sent.
    assert.ok(!m.html!.includes('subject:'));
    const eml = parseEml(m.raw.toString('utf8'));
    assert.deepEqual(eml.bodies.map((b) => b.type), ['text', 'html']);
    assert.equal(eml.bodies[0].content.replace(/\r\n/g, '\n'), htmlToText(m.html!));
    assert.deepEqual(m.notes.map((n) => n.code), ['textGenerated', 'listUnsubscribeFromLink', 'oneClickAdded']);
  });

  it('takes headers from an .eml draft, keeps its text part and Message-ID, and drops Mailproof’s own headers', async () => {
    const source = readFileSync(join(examples, 'lettre-fr.eml'), 'utf8');
    const m = await buildMessage(`X-Mailproof-Type: bulk\r\n${source}`, { fileName: 'lettre-fr.eml' });
    const h = headersOf(m.raw);
    assert.equal(h.get('from'), 'Atelier Lumiere <lettre@atelier-lumiere.example>');
    assert.equal(h.get('message-id'), '<lettre-2026-11@atelier-lumiere.example>');
    assert.equal(h.get('date'), 'Thu, 26 Nov 2026 09:00:00 +0100');
    assert.equal(h.get('list-unsubscribe'), '<https://atelier-lumiere.example/desinscription?id=42>');
    assert.ok(!h.has('x-mailproof-type'));
    assert.equal(m.subject, 'Nouveautés de l’atelier !!!');
    assert.ok(!m.notes.some((n) => n.code === 'textGenerated'));
    assert.match(m.text, /Découvrez nos nouvelles lampes en laiton/);
  });

  it('uses settings for what the draft lacks, the HTML title as subject, and no List-Unsubscribe for transactional mail', async () => {
    const source = readFileSync(join(examples, 'promo-fr.html'), 'utf8');
    const m = await buildMessage(source, { fileName: 'promo-fr.html', defaults: { from: 'news@boutique.example' }, mailType: 'transactional' });
    const h = headersOf(m.raw);
    assert.equal(h.get('from'), 'news@boutique.example');
    assert.equal(m.subject, 'Soldes d\'hiver');
    assert.ok(!h.has('list-unsubscribe'));
    assert.ok(!h.has('to'));
    assert.match(h.get('message-id')!, /@boutique\.example>$/);
  });

  it('refuses a draft without a sender, and one past the size cap, with a code for the message', async () => {
    await assert.rejects(buildMessage('<p>Hello</p>', { kind: 'html' }), (e: BuildError) => e.code === 'noSender');
    await assert.rejects(buildMessage('x'.repeat(11 * 1024 * 1024), { kind: 'text', defaults: { from: 'a@b.example' } }), (e: BuildError) => e.code === 'tooLarge');
  });

  it('never reads files or URLs the draft names', async () => {
    const m = await buildMessage('<p><img src="file:///etc/passwd"><img src="/etc/hostname"></p>', { kind: 'html', defaults: { from: 'a@b.example' } });
    assert.ok(!m.raw.toString().includes('root:'));
    assert.ok(!/Content-Disposition: attachment/i.test(m.raw.toString()));
  });

  it('signs with DKIM: mailauth verifies the signature with the public key', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const p = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const source = readFileSync(join(fixtures, 'clean.html'), 'utf8');
    const m = await buildMessage(source, { fileName: 'clean.html', dkim: { domainName: 'greenthumb.example', keySelector: 'mp2026', privateKey: pem } });
    assert.match(m.raw.toString(), /^DKIM-Signature: /);
    const resolver = async (name: string, type: string) => {
      if (name === 'mp2026._domainkey.greenthumb.example' && type === 'TXT') return [[`v=DKIM1; k=rsa; p=${p}`]];
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    };
    const verified = await dkimVerify(m.raw, { resolver } as never);
    assert.equal(verified.results[0].status.result, 'pass', JSON.stringify(verified.results[0].status));
    assert.equal(verified.results[0].signingDomain, 'greenthumb.example');
    // One changed byte in the body breaks it.
    const tampered = Buffer.from(m.raw.toString().replace('greenhouse', 'greenhousE'));
    const broken = await dkimVerify(tampered, { resolver } as never);
    assert.notEqual(broken.results[0].status.result, 'pass');
  });

  it('refuses a DKIM key file that holds no private key', async () => {
    await assert.rejects(buildMessage('<p>x</p>', { kind: 'html', defaults: { from: 'a@b.example' }, dkim: { domainName: 'b.example', keySelector: 's', privateKey: 'not a key' } }), (e: BuildError) => e.code === 'badDkimKey');
  });
});

describe('Generate Text Version (.eml)', () => {
  const apply = (source: string) => {
    const edit = textPartEdit(source);
    assert.ok('newText' in edit, JSON.stringify(edit));
    return { kind: edit.kind, text: source.slice(0, edit.start) + edit.newText + source.slice(edit.end) };
  };
  const textOf = (source: string) => parseEml(source).bodies.find((b) => b.type === 'text')?.content.replace(/\r\n/g, '\n');
  const htmlOf = (source: string) => parseEml(source).bodies.find((b) => b.type === 'html')!.content;

  it('replaces an existing quoted-printable text part with the text of the HTML', () => {
    const source = readFileSync(join(examples, 'lettre-fr.eml'), 'utf8');
    const { kind, text } = apply(source);
    assert.equal(kind, 'replaced');
    assert.equal(textOf(text), htmlToText(htmlOf(source)));
    assert.equal(htmlOf(text), htmlOf(source));
    // Running it again changes nothing.
    assert.equal(apply(text).text, text);
  });

  it('adds a text part beside the HTML part of a multipart/alternative', () => {
    const source = 'From: a@b.example\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="sep"\r\n\r\n--sep\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Réduction de l’été</p>\r\n--sep--\r\n';
    const { kind, text } = apply(source);
    assert.equal(kind, 'inserted');
    assert.deepEqual(parseEml(text).bodies.map((b) => b.type), ['text', 'html']);
    assert.equal(textOf(text), 'Réduction de l’été\n');
  });

  it('turns a single-part HTML message into multipart/alternative, headers kept', () => {
    const source = 'From: a@b.example\nSubject: Hi\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n<p>Hello <b>there</b></p>\n';
    const { kind, text } = apply(source);
    assert.equal(kind, 'restructured');
    const eml = parseEml(text);
    assert.deepEqual(eml.bodies.map((b) => b.type), ['text', 'html']);
    assert.equal(textOf(text), 'Hello there\n');
    assert.equal(eml.headers.find((h) => h.key === 'subject')?.value, 'Hi');
    assert.equal(htmlOf(text).trim(), '<p>Hello <b>there</b></p>');
  });

  it('says so when there is no HTML part', () => {
    assert.deepEqual(textPartEdit('From: a@b.example\n\nplain\n'), { problem: 'noHtml' });
  });
});
