// The MIME reader: structure, decoding and, above all, offsets that land on the raw file.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readDraft } from '../../src/cli/files';
import { applyEdits } from '../../src/engine/fix';
import { lint } from '../../src/engine/lint';
import { buildModel } from '../../src/engine/parse/index';
import { parseEml } from '../../src/engine/parse/eml';
import { decodeWords, parseStructured } from '../../src/engine/parse/headers';
import { LineIndex } from '../../src/engine/position';

const crlf = (...lines: string[]) => lines.join('\r\n');
const codes = (source: string) => parseEml(source).problems.map((p) => p.code);
const findingsOf = (source: string, ruleId: string) => lint(source, { kind: 'eml' }).findings.filter((f) => f.ruleId === ruleId);
const where = (source: string, offset: number) => {
  const p = new LineIndex(source).positionAt(offset);
  return `${p.line + 1}:${p.character + 1}`;
};

describe('eml: quoted-printable parts', () => {
  const msg = crlf(
    'From: Boutique <news@boutique.example>',
    'Subject: Nouveautés',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    '<html><body><p>Une Offre exceptionnel=',
    'le pour vous, et une promotion sp=C3=A9ciale =E2=80=94 vite.</p>',
    '</body></html>',
  );

  it('maps a phrase cut by a soft line break to its exact source lines and columns', () => {
    const f = findingsOf(msg, 'spam-phrase').find((x) => /exceptionnel/i.test(x.message))!;
    assert.equal(msg.slice(f.start, f.end), 'Offre exceptionnel=\r\nle');
    assert.equal(where(msg, f.start), '7:20');
    assert.equal(where(msg, f.end), '8:3');
  });

  it('maps a phrase with =C3=A9 escapes (one character for six source characters)', () => {
    const f = findingsOf(msg, 'spam-phrase').find((x) => /promotion/i.test(x.message))!;
    assert.equal(msg.slice(f.start, f.end), 'promotion sp=C3=A9ciale');
    assert.equal(where(msg, f.start), '8:22');
    assert.match(f.message, /promotion spéciale/);
  });

  it('decodes the text in the declared charset', () => {
    const part = buildModel(msg, 'eml').parts[0];
    assert.match(part.text.text, /promotion spéciale — vite/);
    assert.equal(part.transferEncoding, 'quoted-printable');
    assert.ok(part.editable);
  });

  it('quoted-printable-encodes the replacement of a fix', () => {
    const f = findingsOf(msg, 'spam-phrase').find((x) => /promotion/i.test(x.message))!;
    const fixedText = applyEdits(msg, [...(f.fixes ?? []), ...(f.suggestions ?? [])][0].edits);
    assert.match(fixedText, /une offre du moment =E2=80=94 vite/);
    const again = buildModel(fixedText, 'eml').parts[0].text.text;
    assert.match(again, /une offre du moment — vite/);
  });

  it('keeps encoded lines within 76 characters when a fix inserts long text', () => {
    const model = buildModel(msg, 'eml');
    const part = model.parts[0];
    const at = msg.indexOf('</body>');
    const inserted = part.encode('<p style="color:#666">Vous recevez cet e-mail car vous êtes inscrit à notre liste de diffusion. Désinscription</p>\n', at, at);
    const out = msg.slice(0, at) + inserted + msg.slice(at);
    for (const line of out.split('\r\n')) assert.ok(line.length <= 76, `${line.length}: ${line}`);
    assert.match(buildModel(out, 'eml').parts[0].text.text, /êtes inscrit à notre liste de diffusion\. Désinscription/);
  });

  it('decodes and re-encodes a single-byte charset', () => {
    const latin = crlf('Subject: x', 'From: a@b.example', 'Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: quoted-printable', '', 'Promotion sp=E9ciale');
    const f = findingsOf(latin, 'spam-phrase')[0];
    assert.equal(latin.slice(f.start, f.end), 'Promotion sp=E9ciale');
    const part = buildModel(latin, 'eml').parts[0];
    assert.equal(part.encode('é = ok'), '=E9 =3D ok');
  });

  it('keeps malformed escapes as written and reports them', () => {
    const bad = crlf('Subject: x', 'From: a@b.example', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '', '100% =ZZ free =C3');
    const part = buildModel(bad, 'eml').parts[0];
    assert.equal(part.text.text, '100% =ZZ free \uFFFD');
    assert.deepEqual(codes(bad), ['badQuotedPrintable', 'invalidBytes']);
  });
});

describe('eml: base64 parts', () => {
  const html = Buffer.from('<p>Gratuit et sans frais</p>', 'utf8').toString('base64');
  const msg = crlf(
    'From: a@b.example',
    'Subject: Hello',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
    '--alt',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    html,
    '--alt--',
  );

  it('anchors findings on the part header and offers no edit', () => {
    const list = findingsOf(msg, 'spam-phrase');
    assert.equal(list.length, 2);
    const header = 'Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64';
    for (const f of list) {
      assert.equal(msg.slice(f.start, f.end), header);
      assert.deepEqual([...(f.fixes ?? []), ...(f.suggestions ?? [])], []);
    }
  });

  it('decodes the content', () => {
    assert.equal(buildModel(msg, 'eml').parts[0].text.text.replace(/\u2029/g, ''), 'Gratuit et sans frais');
  });
});

describe('eml: structure', () => {
  it('walks nested mixed/alternative/related parts with odd boundary quoting', () => {
    const msg = crlf(
      'From: a@b.example',
      'Subject: x',
      'MIME-Version: 1.0',
      "Content-Type: multipart/mixed; BOUNDARY = 'outer b'",
      '',
      'This is the preamble: Gratuit.',
      "--'outer b'",
      'Content-Type: multipart/alternative;',
      '\tboundary="=_alt:1"',
      '',
      '--=_alt:1  ',
      'Content-Type: text/plain',
      '',
      'Plain body',
      '--=_alt:1',
      'Content-Type: multipart/related; boundary=rel',
      '',
      '--rel',
      'Content-Type: text/html',
      '',
      '<p>Html body</p>',
      '--rel',
      'Content-Type: image/png; name=logo.png',
      'Content-ID: <logo>',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0KGgo=',
      '--rel--',
      '--=_alt:1--',
      "--'outer b'",
      'Content-Type: application/pdf',
      "Content-Disposition: attachment; filename*=utf-8''r%C3%A9sum%C3%A9.pdf",
      'Content-Transfer-Encoding: base64',
      '',
      'JVBERi0xLjQK',
      "--'outer b'--",
      'Epilogue: Gratuit.',
    );
    const eml = parseEml(msg);
    assert.deepEqual(eml.problems, []);
    assert.deepEqual(
      eml.bodies.map((b) => [b.type, b.content]),
      [
        ['text', 'Plain body'],
        ['html', '<p>Html body</p>'],
      ],
    );
    assert.deepEqual(
      eml.attachments.map((a) => [a.filename, a.contentType, a.size, a.inline]),
      [
        ['logo.png', 'image/png', 8, true],
        ['résumé.pdf', 'application/pdf', 9, false],
      ],
    );
    // The attachment's range is its header block.
    const pdf = eml.attachments[1];
    assert.ok(msg.slice(pdf.start, pdf.end).startsWith('Content-Type: application/pdf'));
    assert.ok(msg.slice(pdf.start, pdf.end).endsWith('Content-Transfer-Encoding: base64'));
    // Preamble and epilogue are not linted.
    assert.deepEqual(findingsOf(msg, 'spam-phrase'), []);
  });

  it('reads RFC 2047 and RFC 2231 filenames and parameter continuations', () => {
    assert.equal(parseStructured('attachment; filename="=?utf-8?B?w6l0w6kucGRm?="').params.get('filename'), 'été.pdf');
    assert.equal(parseStructured("attachment; filename*0*=utf-8''caf%C3%A9; filename*1=\" au lait.txt\"").params.get('filename'), 'café au lait.txt');
    assert.equal(parseStructured('text/plain; charset="us-ascii" (Plain text)').params.get('charset'), 'us-ascii');
  });

  it('decodes encoded words split inside a multi-byte character', () => {
    // "é" is C3 A9, split over two words.
    assert.equal(decodeWords('=?utf-8?Q?caf=C3?= =?utf-8?Q?=A9?= noir'), 'café noir');
    assert.equal(decodeWords('=?iso-8859-1?Q?Fran=E7ais?='), 'Français');
  });

  it('points a subject finding at the encoded word that holds it', () => {
    const msg = crlf('From: a@b.example', 'Subject: Bonjour =?utf-8?Q?sans_frais?= ici', '', 'Hello');
    const [f] = findingsOf(msg, 'spam-phrase');
    assert.equal(msg.slice(f.start, f.end), '=?utf-8?Q?sans_frais?=');
  });

  it('maps a folded subject exactly and keeps it editable', () => {
    const msg = crlf('From: a@b.example', 'Subject: Une offre', ' exceptionnelle', '', 'Hello');
    const [f] = findingsOf(msg, 'spam-phrase');
    assert.equal(msg.slice(f.start, f.end), 'offre\r\n exceptionnelle');
    assert.ok(f.fixes?.length || f.suggestions?.length);
  });

  it('turns message/rfc822 parts into attachments without linting their text', () => {
    const msg = crlf(
      'From: a@b.example',
      'Subject: Fwd',
      'Content-Type: multipart/mixed; boundary=b',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'See below.',
      '--b',
      'Content-Type: message/rfc822',
      '',
      'From: c@d.example',
      'Subject: Gratuit',
      '',
      'Sans frais !!!',
      '--b--',
    );
    const eml = parseEml(msg);
    assert.deepEqual(eml.bodies.map((b) => b.content), ['See below.']);
    assert.deepEqual(eml.attachments.map((a) => a.contentType), ['message/rfc822']);
    assert.deepEqual(findingsOf(msg, 'spam-phrase'), []);
  });

  it('reads a body with a missing boundary parameter as plain text', () => {
    const msg = crlf('From: a@b.example', 'Subject: x', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed', '', 'Gratuit');
    assert.deepEqual(codes(msg), ['missingBoundary']);
    assert.equal(findingsOf(msg, 'spam-phrase').length, 1);
  });

  it('reads the body as one part when the boundary never appears', () => {
    const msg = crlf('From: a@b.example', 'Subject: x', 'MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="aaa"', '', '--bbb', 'Content-Type: text/plain', '', 'Gratuit', '--bbb--');
    assert.deepEqual(codes(msg), ['boundaryNotFound']);
    assert.equal(findingsOf(msg, 'spam-phrase').length, 1);
  });

  it('recovers a part whose opening delimiter is missing', () => {
    const msg = crlf('From: a@b.example', 'Subject: x', 'MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="b"', '', 'Content-Type: text/html', '', '<p>Gratuit</p>', '--b--');
    const eml = parseEml(msg);
    assert.deepEqual(eml.problems.map((p) => p.code), ['missingDelimiter']);
    assert.deepEqual(eml.bodies.map((b) => [b.type, b.content]), [['html', '<p>Gratuit</p>']]);
  });

  it('reads a multipart with only a preamble and a closing delimiter as empty', () => {
    const msg = crlf('From: a@b.example', 'Subject: x', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '', 'This is a multi-part message in MIME format.', '--b--');
    const eml = parseEml(msg);
    assert.deepEqual(eml.problems.map((p) => p.code), ['emptyMultipart']);
    assert.deepEqual(eml.bodies, []);
  });

  it('reports an unterminated multipart and still reads its last part', () => {
    const msg = crlf('From: a@b.example', 'Subject: x', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=b', '', '--b', 'Content-Type: text/plain', '', 'Gratuit');
    assert.deepEqual(codes(msg), ['unterminatedMultipart']);
    assert.equal(parseEml(msg).bodies[0].content, 'Gratuit');
  });

  it('reads headers without a blank line before the body', () => {
    const msg = crlf('From: a@b.example', 'Subject: x', 'Bonjour, voici une offre.', 'Gratuit');
    assert.deepEqual(codes(msg), ['noBlankLine']);
    assert.equal(parseEml(msg).bodies[0].content, 'Bonjour, voici une offre.\r\nGratuit');
  });

  it('reads a file without headers as a body, and an HTML one as HTML', () => {
    assert.deepEqual(codes('Gratuit'), ['noHeaders']);
    const eml = parseEml('<!DOCTYPE html><p>Gratuit</p>');
    assert.equal(eml.bodies[0].type, 'html');
  });

  it('skips garbage lines inside the header block and reports them', () => {
    const msg = crlf('From: a@b.example', '\u00ff\u00fe garbage', 'Subject: x', '', 'Body');
    const eml = parseEml(msg);
    assert.deepEqual(eml.headers.map((h) => h.key), ['from', 'subject']);
    assert.deepEqual(eml.problems.map((p) => p.code), ['badHeaderLine']);
  });

  it('reports missing and duplicate headers of the message', () => {
    assert.deepEqual(codes(crlf('To: a@b.example', '', 'x')), ['missingHeader', 'missingHeader']);
    assert.deepEqual(codes(crlf('From: a@b.example', 'Subject: a', 'Subject: b', '', 'x')), ['duplicateHeader']);
  });

  it('reports invalid bytes (8-bit garbage decoded as U+FFFD) without failing', () => {
    const msg = crlf('From: a@b.example', 'Subject: x', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: 8bit', '', 'caf\uFFFD cr\uFFFDme');
    assert.deepEqual(codes(msg), ['invalidBytes']);
  });

  it('reads a UTF-16 file with a byte order mark the way the CLI decodes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailproof-eml-'));
    const path = join(dir, 'utf16.eml');
    const text = crlf('From: a@b.example', 'Subject: Offre exceptionnelle', '', 'Bonjour');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const draft = readDraft(path);
    assert.ok(!('reason' in draft));
    const [f] = lint(draft.text, { fileName: path }).findings.filter((x) => x.ruleId === 'spam-phrase');
    assert.equal(draft.text.slice(f.start, f.end), 'Offre exceptionnelle');
  });

  it('survives 10,000 nested multiparts, opened and never closed', () => {
    const depth = 10_000;
    let msg = 'From: a@b.example\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary="b0"\r\n\r\n';
    for (let i = 1; i <= depth; i++) msg += `--b${i - 1}\r\nContent-Type: multipart/mixed; boundary="b${i}"\r\n\r\n`;
    msg += `--b${depth}\r\nContent-Type: text/plain\r\n\r\nGratuit\r\n`;
    const eml = parseEml(msg);
    assert.deepEqual(eml.bodies.map((b) => b.content), ['Gratuit\r\n']);
    assert.equal(eml.problems.at(-1)?.code, 'moreProblems');
  });

  it('reads a 10 MB quoted-printable message', () => {
    let msg = 'From: a@b.example\r\nSubject: x\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n';
    const line = 'Une offre tr=C3=A8s sp=C3=A9ciale pour vous et votre famille, avec des d=\r\n';
    msg += line.repeat(Math.ceil(10e6 / line.length));
    const eml = parseEml(msg);
    assert.ok(eml.bodies[0].content.startsWith('Une offre très spéciale pour vous et votre famille, avec des dUne'));
  });
});
