import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../src/engine/lint';
import { at, findings, fixed } from '../helpers';

const page = (body: string, lang = 'fr') => `<!DOCTYPE html>\n<html lang="${lang}">\n<body>\n${body}\n</body>\n</html>\n`;
const FR_TEXT = '<p>Bonjour, découvrez les nouvelles collections de la boutique et nos ateliers.</p>';
const EN_TEXT = '<p>Hello, here are the new collections of the shop and our workshops.</p>';

describe('unsubscribe', () => {
  it('finds the unsubscribe link of MJML buttons and image-map areas', () => {
    const mjml = '<mjml><mj-body><mj-text>Hello there, our news of the week for you.</mj-text><mj-button href="https://example.com/unsubscribe">Unsubscribe</mj-button></mj-body></mjml>';
    assert.deepEqual(findings(mjml, 'unsubscribe'), []);
    const area = '<p>Hello there, our news of the week for you.</p><map><area href="https://example.com/unsubscribe" alt="Unsubscribe"></map>';
    assert.deepEqual(findings(area, 'unsubscribe'), []);
  });

  it('flags bulk HTML without a way out, on the <body> tag', () => {
    const html = page(FR_TEXT);
    const [f] = findings(html, 'unsubscribe', { locale: 'fr' });
    assert.equal(at(html, f), '<body>');
    assert.equal(f.message, 'Aucun lien ni instruction de désinscription dans cet envoi de masse');
  });

  it('inserts a footer in the draft’s language before </body>', () => {
    const fr = page(FR_TEXT);
    const [f] = findings(fr, 'unsubscribe');
    // The footer is the first fix; it is not preferred because it holds placeholders.
    assert.equal(f.suggestions?.[0].title, 'Insert an unsubscribe footer');
    assert.equal(f.fixes, undefined);
    const out = fixed(fr, f, 0);
    assert.match(out, /<p style="[^"]*">Vous recevez cet e-mail[^<]*<a href="mailto:unsubscribe@example\.com\?subject=d%C3%A9sinscription">Se désinscrire<\/a><br>\[Raison sociale, adresse postale\]<\/p>\n<\/body>/);
    assert.deepEqual(findings(out, 'unsubscribe'), []);
    const en = page(EN_TEXT, 'en');
    const out2 = fixed(en, findings(en, 'unsubscribe')[0], 0);
    assert.match(out2, />Unsubscribe<\/a><br>\[Company name, postal address\]/);
  });

  it('puts the sender’s address in the footer link', () => {
    const text = '---\nfrom: Atelier <lettre@atelier.example>\n---\nBonjour, voici nos ateliers de mai pour vous et votre famille.\n';
    const [f] = findings(text, 'unsubscribe', { kind: 'text' });
    assert.equal(fixed(text, f, 0), text + '\nVous recevez cet e-mail car vous êtes inscrit à notre liste de diffusion.\nSe désinscrire : mailto:lettre@atelier.example?subject=d%C3%A9sinscription\n[Raison sociale, adresse postale]\n');
    const html = page(EN_TEXT, 'en');
    const [g] = findings(html, 'unsubscribe', { config: { sender: 'News <news@shop.example>' } });
    assert.match(fixed(html, g, 0), /mailto:news@shop\.example\?subject=unsubscribe/);
  });

  for (const [name, link] of [
    ['English link text', '<a href="https://shop.example/x">Unsubscribe</a>'],
    ['French link text', '<a href="https://shop.example/x">Se désabonner</a>'],
    ['preferences', '<a href="https://shop.example/x">Gérer mes préférences</a>'],
    ['opt-out', '<a href="https://shop.example/x">Opt out</a>'],
    ['the URL', '<a href="https://example.us1.list-manage.com/unsubscribe?u=1">here</a>'],
    ['a Mailchimp merge tag', '<a href="*|UNSUB|*">Click here</a>'],
    ['a Handlebars merge tag', '<a href="{{unsubscribe_url}}">Click here</a>'],
    ['a SendGrid merge tag', '<a href="<%asm_group_unsubscribe_raw_url%>">Click here</a>'],
    ['a mailto link', '<a href="mailto:list@shop.example?subject=unsubscribe">write to us</a>'],
    ['the sentence around the link', '<p>Pour vous désinscrire, <a href="https://t.example/c/1">cliquez ici</a>.</p>'],
    ['a plain-text line with a URL', '<p>Unsubscribe: https://shop.example/u/1</p>'],
    ['words joined by &nbsp;', '<p>Change your <a href="https://t.example/1">subscription&nbsp;settings</a>.</p>'],
    ['Campaign Monitor’s <unsubscribe> tag', '<p><unsubscribe>Unsubscribe</unsubscribe></p>'],
    ['SendGrid’s [Unsubscribe] tag', '<p>Unsubscribe: [Unsubscribe]</p>'],
  ] as const) {
    it(`accepts ${name}`, () => {
      assert.deepEqual(findings(page(FR_TEXT + link), 'unsubscribe'), []);
    });
  }

  it('leaves empty drafts alone, not image-only ones', () => {
    assert.deepEqual(findings('', 'unsubscribe'), []);
    assert.deepEqual(findings('<html><body><div></div></body></html>', 'unsubscribe'), []);
    assert.equal(findings('<html><body><img src="offer.png" alt=""></body></html>', 'unsubscribe').length, 1);
    assert.deepEqual(findings('From: a@b.example\nSubject: x\n\n', 'unsubscribe', { kind: 'eml' }), []);
  });

  it('does not take the word alone, or an unrelated link, as a way out', () => {
    assert.equal(findings(page('<p>To unsubscribe, reply to this message.</p>'), 'unsubscribe').length, 1);
    assert.equal(findings(page('<p><a href="https://shop.example/spring">See the spring collection</a></p>'), 'unsubscribe').length, 1);
  });

  it('reads plain-text drafts: a keyword line with a link or merge tag on it or the next line', () => {
    assert.deepEqual(findings('Hello\n\nUnsubscribe: *|UNSUB|*\n', 'unsubscribe', { kind: 'text' }), []);
    assert.deepEqual(findings('Bonjour\n\nPour vous désinscrire :\nhttps://atelier.example/d/1\n', 'unsubscribe', { kind: 'text' }), []);
    assert.equal(findings('Bonjour\n\nÀ bientôt\n', 'unsubscribe', { kind: 'text' }).length, 1);
  });

  it('reports a link buried in the middle of a long message as info', () => {
    const para = `<p>${'Our spring workshops cover pottery, bread making and watercolour. '.repeat(10)}</p>`;
    const html = page(para + '<p><a href="https://shop.example/unsubscribe">Unsubscribe</a></p>' + para, 'en');
    const [f] = findings(html, 'unsubscribe');
    assert.equal(f.severity, 'info');
    assert.equal(at(html, f), 'Unsubscribe');
    assert.match(f.message, /\(\d+% down\)/);
    // At the bottom it is where readers look.
    assert.deepEqual(findings(page(para + para + '<p><a href="https://shop.example/unsubscribe">Unsubscribe</a></p>', 'en'), 'unsubscribe'), []);
  });

  it('skips transactional drafts: setting, comment, front matter or header', () => {
    const html = page(EN_TEXT, 'en');
    assert.deepEqual(findings(html, 'unsubscribe', { config: { mailType: 'transactional' } }), []);
    assert.deepEqual(findings('<!-- mailproof: transactional -->\n' + html, 'unsubscribe'), []);
    assert.deepEqual(findings('<!-- MAILPROOF: Transactional -->\n' + html, 'unsubscribe'), []);
    assert.deepEqual(findings('---\nmailType: transactional\n---\nYour order has shipped.\n', 'unsubscribe', { kind: 'text' }), []);
    assert.deepEqual(findings('X-Mailproof-Type: transactional\nFrom: a@shop.example\nSubject: Order\n\nShipped.\n', 'unsubscribe', { kind: 'eml' }), []);
  });

  it('offers to mark the draft as transactional', () => {
    const html = page(EN_TEXT, 'en');
    const [f] = findings(html, 'unsubscribe');
    const out = fixed(html, f, 1);
    assert.ok(out.startsWith('<!DOCTYPE html>\n<!-- mailproof: transactional -->\n<html'));
    assert.deepEqual(findings(out, 'unsubscribe'), []);
    // A comment that says bulk, in any case, is changed in place.
    const bulk = '<!-- MAILPROOF: Bulk -->\n' + html;
    const [b] = findings(bulk, 'unsubscribe');
    assert.equal(fixed(bulk, b, 1), '<!-- mailproof: transactional -->\n' + html);
    // A shipping notice is now detected as transactional on its own; a bulk-looking message still gets the fix.
    assert.deepEqual(findings('From: a@shop.example\nSubject: Order\n\nShipped.\n', 'unsubscribe', { kind: 'eml' }), []);
    const eml = 'From: a@shop.example\nSubject: News\n\nOur spring collection.\n';
    const [g] = findings(eml, 'unsubscribe', { kind: 'eml' });
    assert.equal(fixed(eml, g, 1), 'X-Mailproof-Type: transactional\n' + eml);
  });

  it('inserts a quoted-printable footer into a quoted-printable part, not into a base64 one', () => {
    const html = Buffer.from('<html><body><p>Bonjour, nos ateliers de mai sont en ligne.</p></body></html>').toString('base64');
    const eml = [
      'From: Atelier <lettre@atelier.example>',
      'Subject: Ateliers',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Bonjour, nos ateliers de mai sont en ligne pour vous et votre famille.',
      '--b',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      html,
      '--b--',
      '',
    ].join('\r\n');
    const [f] = findings(eml, 'unsubscribe', { kind: 'eml' });
    const out = fixed(eml, f, 0);
    const inserted = out.slice(out.indexOf('famille.') + 'famille.'.length, out.indexOf('--b\r\nContent-Type: text/html'));
    assert.match(inserted, /^\r\n\r\nVous recevez cet e-mail car vous =C3=AAtes inscrit =C3=A0 notre liste de di=\r\nffusion\.\r\n/);
    for (const line of inserted.split('\r\n')) assert.ok(line.length <= 76, line);
    // The base64 HTML part is left as it was.
    assert.ok(out.endsWith(`${html}\r\n--b--\r\n`));
    const run = lint(out, { kind: 'eml' });
    assert.deepEqual(run.findings.filter((x) => x.ruleId === 'unsubscribe'), []);
    assert.equal(run.model.parts[0].text.text.includes('Se désinscrire : mailto:lettre@atelier.example?subject=d%C3%A9sinscription'), true);
  });
});
