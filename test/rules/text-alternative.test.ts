import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MailproofConfig } from '../../src/engine/config';
import { at, findings } from '../helpers';

const HTML = '<html><body><h1>Ateliers d’avril</h1><p>Bonjour, nos ateliers de poterie, de pain et d’aquarelle reprennent en avril, pour débutants comme pour confirmés. Les places sont limitées.</p></body></html>';
const TEXT = 'Ateliers d’avril\n\nBonjour, nos ateliers de poterie, de pain et d’aquarelle reprennent en avril, pour débutants comme pour confirmés. Les places sont limitées.';
const alt = (text: string, html = HTML) =>
  `From: a@b.example\nSubject: x\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n${text}\n--b\nContent-Type: text/html; charset=utf-8\n\n${html}\n--b--\n`;
const lint = (text: string, config?: MailproofConfig, locale: 'en' | 'fr' = 'en') => findings(text, 'text-alternative', { kind: 'eml', config, locale });

describe('text-alternative', () => {
  it('flags an HTML-only message on its Content-Type', () => {
    const text = `From: a@b.example\nReceived: from x\nSubject: x\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n${HTML}\n`;
    const [f] = lint(text);
    assert.equal(at(text, f), 'Content-Type: text/html; charset=utf-8');
    assert.equal(f.message, 'HTML message without a plain-text version');
  });

  it('accepts a text version with the same content', () => {
    assert.deepEqual(lint(alt(TEXT)), []);
  });

  // Long bodies are compared on the folded text; one that opens with U+FEFF word by word.
  for (const [label, lead] of [['long bodies', ''], ['a long text version that opens with U+FEFF', '\uFEFF']]) {
    it(`accepts ${label} with the same content`, () => {
      const html = HTML.replace('<body>', `<body>${'<p>Nos ateliers de poterie reprennent.</p>'.repeat(8)}`);
      const text = `${lead}${'Nos ateliers de poterie reprennent.\n'.repeat(8)}${TEXT}`;
      assert.ok(text.length > 256);
      assert.deepEqual(lint(alt(text, html)), []);
      assert.match(lint(alt(`${lead}${'Votre compte sera suspendu, répondez vite.\n'.repeat(8)}`, html))[0].message, /differs from the HTML/);
    });
  }

  // `can` and `cc0` share a folded hash (99·31² + 97·31 + 110 = 99·31² + 99·31 + 48): they are
  // still two words, and only one of them is in the text version (1 of 10 missing, of 12 with
  // the long padding).
  for (const [label, pad] of [['short', ''], ['long', 'Nos ateliers de poterie reprennent. '.repeat(8)]]) {
    it(`tells apart words that share a hash in ${label} bodies`, () => {
      const words = 'Bonjour poterie pain aquarelle avril ateliers places limitées';
      const html = `<p>${pad}${words} Can CC0 cc0 CAN</p>`;
      const config = { rules: { 'text-alternative': { maxDifferencePercent: 5 } } };
      const expected = pad ? 12 : 10;
      assert.match(lint(alt(`${pad}${words} can`, html), config)[0].message, new RegExp(`\\(${Math.round(100 / expected)}% of`));
      assert.match(lint(alt(`${pad}${words} CC0`, html), config)[0].message, new RegExp(`\\(${Math.round(100 / expected)}% of`));
      assert.deepEqual(lint(alt(`${pad}${words} cc0 can`, html), config), []);
    });
  }

  it('flags a nearly empty text version', () => {
    const text = alt('En ligne');
    const [f] = lint(text, undefined, 'fr');
    assert.equal(f.message, 'Version texte presque vide (1 des 19 mots du HTML)');
    assert.equal(at(text, f), 'Content-Type: text/plain; charset=utf-8');
  });

  it('flags a text version that says something else, past maxDifferencePercent', () => {
    const other = alt('Votre compte sera suspendu demain. Répondez avec votre mot de passe pour le garder actif, merci de faire vite.');
    assert.match(lint(other)[0].message, /differs from the HTML \(\d+% of the HTML’s words are missing from it\)/);
    assert.deepEqual(lint(other, { rules: { 'text-alternative': { maxDifferencePercent: 100 } } }), []);
  });

  it('does not compare a very short HTML body', () => {
    assert.deepEqual(lint(alt('Hi', '<p>Bonjour à tous</p>')), []);
  });

  it('applies to .eml drafts only', () => {
    assert.deepEqual(findings(HTML, 'text-alternative'), []);
  });
});
