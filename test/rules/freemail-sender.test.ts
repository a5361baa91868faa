import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, findings } from '../helpers';

const msg = (...headers: string[]) => [...headers, 'Subject: x', '', 'Hello'].join('\n');
const lint = (text: string) => findings(text, 'freemail-sender', { kind: 'eml' });

describe('freemail-sender', () => {
  it('flags a From address on a free-mail domain, on the address', () => {
    const text = msg('From: "Atelier Dupont" <atelier.dupont@orange.fr>');
    const [f] = lint(text);
    assert.equal(at(text, f), 'atelier.dupont@orange.fr');
    assert.equal(f.message, 'Sender atelier.dupont@orange.fr is on the free-mail domain orange.fr');
  });

  for (const address of ['x@gmail.com', 'x@yahoo.fr', 'x@hotmail.co.uk', 'x@laposte.net', 'x@gmx.de', 'x@icloud.com', 'X@Free.FR']) {
    it(`knows ${address}`, () => assert.equal(lint(msg(`From: ${address}`)).length, 1));
  }

  it('does not mistake a company domain or a display name for the address', () => {
    assert.deepEqual(lint(msg('From: contact@orange-business.com')), []);
    assert.deepEqual(lint(msg('From: "jean@gmail.com" <jean@atelier.example>')), []);
    assert.deepEqual(lint(msg('From: jean@atelier.example (ex jean@gmail.com)')), []);
  });

  it('reads the front matter of HTML drafts, then the sender setting', () => {
    const html = '---\nfrom: Shop <shop.news@gmail.com>\n---\n<p>Hello</p>';
    assert.equal(at(html, findings(html, 'freemail-sender')[0]), 'shop.news@gmail.com');
    const bare = '<html><body><p>Hello</p></body></html>';
    const [f] = findings(bare, 'freemail-sender', { config: { sender: 'news@yahoo.com' } });
    assert.equal(f.message, 'Sender news@yahoo.com (mailproof.sender setting) is on the free-mail domain yahoo.com');
    assert.equal(at(bare, f), '<body>');
    assert.deepEqual(findings(bare, 'freemail-sender', { config: { sender: 'news@shop.example' } }), []);
  });

  it('flags a free-mail Reply-To that differs from the sender', () => {
    const text = msg('From: Banque <service@banque.example>', 'Reply-To: <banque.service@gmail.com>');
    const [f] = lint(text);
    assert.equal(at(text, f), 'banque.service@gmail.com');
    assert.match(f.message, /Reply-To banque\.service@gmail\.com is a free-mail address/);
    assert.equal(lint(msg('From: jean@gmail.com', 'Reply-To: Jean <jean@gmail.com>')).length, 1);
  });

  it('knows the sender setting written with a display name as the sender', () => {
    const text = ['Reply-To: jean@gmail.com', 'Subject: x', '', 'Hello'].join('\n');
    const list = findings(text, 'freemail-sender', { kind: 'eml', config: { sender: 'Jean <jean@gmail.com>' } });
    assert.deepEqual(list.map((f) => f.message), ['Sender Jean <jean@gmail.com> (mailproof.sender setting) is on the free-mail domain gmail.com']);
  });

  it('reports in French', () => {
    const [f] = findings(msg('From: a@free.fr'), 'freemail-sender', { kind: 'eml', locale: 'fr' });
    assert.equal(f.message, 'L’expéditeur a@free.fr utilise le domaine de messagerie gratuite free.fr');
  });
});
