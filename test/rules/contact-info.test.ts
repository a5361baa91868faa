import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, findings, fixed } from '../helpers';

const page = (footer: string) => `<html><body><p>Bonjour, voici nos ateliers.</p><p>${footer}</p><p><a href="https://a.example/desinscription">Se désinscrire</a></p></body></html>`;

describe('contact-info', () => {
  it('flags bulk mail with no address, phone or address merge tag', () => {
    const html = page('Atelier Dupont');
    const [f] = findings(html, 'contact-info');
    assert.equal(at(html, f), '<body>');
    assert.equal(f.message, 'No postal address, phone number or address merge tag identifies the sender');
  });

  for (const footer of [
    '12 bis, rue des Tanneurs',
    '3 av. Foch',
    '8 allée des Tilleuls',
    '75008 Paris',
    '69002 LYON CEDEX 02',
    'BP 123',
    '+33 (0)1 23 45 67 89',
    '04.72.10.20.30',
    '221B Baker Street',
    '1600 Amphitheatre Parkway',
    'Mountain View, CA 94043',
    'London EC1V 9HX',
    'P.O. Box 42',
    '+1 (555) 123-4567',
    '*|LIST:ADDRESSLINE|*',
    '{{ company_address }}',
    '[[SENDER_ADDRESS]]',
    '[Sender_Address], [Sender_City]',
    // Streets and postal boxes are tried only where a match can start (issue #11): after other
    // digits and words, in capitals, with the long s that case-folds to s.
    'Tél. 2024-2025, 12 RUE DES TANNEURS',
    'ref A1 et 98765 Elm Street',
    'Postfach 1234',
    'PO Box 7',
    'p. o. box 12',
    'Boîte postale 12',
    'Poſtfach 12',
    // The digit-led patterns are tried on runs of digits of the lengths they read (issue #11):
    // the longest street numbers, a postcode after F-, a run ended by a letter.
    '1234 rue des Tanneurs',
    '123456 Elm Street',
    'F-75008 Paris',
    'Bât. 2, 12b rue Pasteur',
  ]) {
    it(`accepts “${footer}”`, () => {
      assert.deepEqual(findings(page(`Atelier Dupont – ${footer}`), 'contact-info'), []);
    });
  }

  for (const text of ['Offre valable jusqu’au 12 mai 2024', 'Lot A12 rue', 'SHOPBOX 12', 'Plan 2bis', 'boxes', 'Compo Box', 'Commande n° 123456 expédiée', 'Version 2.0.1 du 3 avril', '12345 rue des Tanneurs', '1234567 Elm Street', '750080 Paris', 'A75008 Paris', '{{ first_name }}', '[Raison sociale, adresse postale]']) {
    it(`does not take “${text}” for contact details`, () => {
      assert.equal(findings(page(text), 'contact-info').length, 1);
    });
  }

  it('reads plain-text bodies and .eml parts', () => {
    assert.deepEqual(findings('Bonjour\n\nAtelier Dupont, 04 72 10 20 30\n', 'contact-info', { kind: 'text' }), []);
    const eml = 'From: a@b.example\nSubject: x\nMIME-Version: 1.0\nContent-Type: text/plain\n\nHello\n';
    assert.equal(findings(eml, 'contact-info', { kind: 'eml' }).length, 1);
  });

  it('skips transactional drafts and offers to mark one as such', () => {
    const html = page('Atelier Dupont');
    assert.deepEqual(findings(html, 'contact-info', { config: { mailType: 'transactional' } }), []);
    const [f] = findings(html, 'contact-info');
    assert.equal(fixed(html, f, 0), '<!-- mailproof: transactional -->\n' + html);
  });
});
