import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, findings, fixed } from '../helpers';

// The phrases flagged in a draft, as written in the source.
function flagged(text: string, options: Parameters<typeof findings>[2] = {}): string[] {
  return findings(text, 'spam-phrase', options).map((f) => at(text, f));
}

describe('spam-phrase', () => {
  describe('whole words', () => {
    it('gives one finding for a symbol phrase that both lexicons list, in the draft’s language', () => {
    const html = '<html lang="fr"><body><p>Gagnez €€€ maintenant</p></body></html>';
    const list = findings(html, 'spam-phrase').filter((f) => html.slice(f.start, f.end) === '€€€');
    assert.equal(list.length, 1);
    assert.equal(list[0].data?.lexicon, 'fr');
  });

  it('flags argent facile but not words that start with argent, nor argent alone', () => {
      const html = '<p>Argenteuil, argenterie, argentine, argentin, Argentina : pas d’argent ici, ni d’argent facile.</p>';
      assert.deepEqual(flagged(html), ['argent facile']);
    });

    it('flags a phrase only when all its words are whole words', () => {
      assert.deepEqual(flagged('<p>Sansfrais, désargenté, gratuiciel, freebies, winners-only.</p>'), ['winners']);
    });
  });

  describe('inflections, case and accents', () => {
    it('flags the inflected forms of an entry', () => {
      const html = '<p>Une visite gratuite, des tests gratuits, les gagnantes, 2 ans de garanties.</p>';
      assert.deepEqual(flagged(html), ['gratuite', 'gratuits', 'gagnantes', 'garanties']);
    });

    it('ignores case and accents', () => {
      const html = '<p>GRATUIT</p><p>Promotion speciale</p><p>PROMOTION SPÉCIALE</p><p>PROMOTION SPECIALE</p>';
      assert.deepEqual(flagged(html), ['GRATUIT', 'Promotion speciale', 'PROMOTION SPÉCIALE', 'PROMOTION SPECIALE']);
    });

    it('takes the longest phrase', () => {
      const html = '<p>Votre essai gratuit commence.</p>';
      const [f] = findings(html, 'spam-phrase');
      assert.equal(at(html, f), 'essai gratuit');
      assert.equal(fixed(html, f), '<p>Votre essai offert commence.</p>');
    });
  });

  describe('markup and entities', () => {
    it('matches across inline markup and keeps the tags balanced when fixing', () => {
      const html = '<p>Livraison <b>sans</b> frais et <span>Offre</span> <i>exceptionnelle</i></p>';
      const list = findings(html, 'spam-phrase');
      assert.deepEqual(list.map((f) => at(html, f)), ['sans</b> frais', 'Offre</span> <i>exceptionnelle']);
      assert.equal(fixed(html, list[0]), '<p>Livraison <b>sans supplément</b> et <span>Offre</span> <i>exceptionnelle</i></p>');
      assert.equal(fixed(html, list[1]), '<p>Livraison <b>sans</b> frais et <span>Offre du moment</span><i></i></p>');
    });

    it('matches through entities', () => {
      const html = '<p>Promotion sp&eacute;ciale</p><p>sans&nbsp;frais</p><p>sans&#160;frais</p>';
      assert.deepEqual(flagged(html), ['Promotion sp&eacute;ciale', 'sans&nbsp;frais', 'sans&#160;frais']);
    });

    it('does not run across paragraphs, cells, line breaks or merge tags', () => {
      const html =
        '<p>sans</p><p>frais</p><table><tr><td>sans</td><td>frais</td></tr></table>' +
        '<p>sans<br>frais</p><p>sans {{ x }} frais, sans *|FNAME|* frais, sans %%x%% frais</p>';
      assert.deepEqual(flagged(html), []);
    });

    it('reads alt and title texts but no other attribute, URL, style or comment', () => {
      const html =
        '<!DOCTYPE html><html><head><title>Offre exceptionnelle</title><style>.gratuit { color: red }</style></head><body>' +
        '<a href="https://example.com/gratuit" class="gratuit" data-tag="sans frais" title="Cadeau gratuit">Voir</a>' +
        '<img src="gratuit.png" alt="Livraison gratuite"><!-- gratuit, sans frais -->' +
        '<p>Inscription sur www.example.fr/gratuit ou https://example.com/offre-gratuite</p></body></html>';
      assert.deepEqual(flagged(html), ['Cadeau gratuit', 'Livraison gratuite']);
    });
  });

  it('checks the subject of the front matter', () => {
    const text = '---\nsubject: Offre exceptionnelle pour vous\n---\n<p>Bonjour</p>';
    const [f] = findings(text, 'spam-phrase', { locale: 'fr' });
    assert.equal(at(text, f), 'Offre exceptionnelle');
    assert.equal(f.message, '« Offre exceptionnelle » est un déclencheur de spam courant (pression commerciale)');
    assert.equal(fixed(text, f), '---\nsubject: Offre du moment pour vous\n---\n<p>Bonjour</p>');
  });

  describe('everyday phrases that contain a trigger', () => {
    it('leaves them alone in English', () => {
      const html = '<p>Feel free to reply. Call our toll-free number. Sugar-free recipes. Free up space. A win-win deal.</p>';
      assert.deepEqual(flagged(html), []);
    });

    it('leaves them alone in French', () => {
      const html =
        '<p>Vous bénéficiez de la garantie légale de conformité. Gagnez du temps avec le suivi. ' +
        'Un partenariat gagnant-gagnant. Ces derniers jours, nous avons livré. Bague en argent massif. ' +
        'Cliquez ici pour vous désinscrire.</p>';
      assert.deepEqual(flagged(html), []);
    });

    it('still flags the trigger on its own', () => {
      const html = '<p>It is free. Garantie 2 ans. Gagnez un voyage.</p>';
      assert.deepEqual(flagged(html), ['free', 'Garantie', 'Gagnez']);
    });
  });

  describe('suggestions', () => {
    it('offers one suggestion per alternative and no fix, so fix-all never rewords', () => {
      const html = '<p>Livraison sans frais</p>';
      const [f] = findings(html, 'spam-phrase', { locale: 'fr' });
      assert.deepEqual(
        f.suggestions?.map((x) => x.title),
        // `inclus dans le prix` is an adjective: it does not fit after a noun where `sans frais` stands.
        ['Remplacer par « sans supplément »'],
      );
      assert.equal(f.fixes, undefined);
    });

    it('keeps the capitalisation of the text', () => {
      const html = '<p>GRATUIT</p><p>Gratuit</p><p>gratuit</p>';
      assert.deepEqual(
        findings(html, 'spam-phrase').map((f) => fixed(html, f)),
        ['<p>OFFERT</p><p>Gratuit</p><p>gratuit</p>', '<p>GRATUIT</p><p>Offert</p><p>gratuit</p>', '<p>GRATUIT</p><p>Gratuit</p><p>offert</p>'],
      );
    });

    it('inflects the alternative like the text', () => {
      const html = '<p>Livraisons gratuites</p>';
      const [f] = findings(html, 'spam-phrase');
      assert.equal(fixed(html, f), '<p>Livraisons offertes</p>');
    });

    it('adjusts French elision around the replacement', () => {
      const html = '<p>Découvrez la promotion spéciale.</p>';
      const [f] = findings(html, 'spam-phrase');
      assert.equal(fixed(html, f), '<p>Découvrez l’offre du moment.</p>');
    });

    it('makes the article after l’ agree with each alternative’s gender', () => {
      const html = '<p>L’argent facile n’existe pas</p>';
      const [f] = findings(html, 'spam-phrase', { locale: 'fr' });
      assert.deepEqual(f.suggestions?.map((x) => x.title), ['Remplacer par « Le revenu d’appoint »', 'Remplacer par « activité rémunérée »']);
      assert.equal(fixed(html, f), '<p>Le revenu d’appoint n’existe pas</p>');
      assert.equal(fixed(html, f, 1), '<p>L’activité rémunérée n’existe pas</p>');
    });

    it('answers in the draft’s language for words both lexicons list', () => {
      const en = '<p>This is urgent, please read.</p>';
      const fr = '<p>C’est urgent, merci de lire ce message.</p>';
      assert.deepEqual(findings(en, 'spam-phrase')[0].suggestions?.map((x) => x.title), ['Replace with “important”', 'Replace with “priority”']);
      assert.deepEqual(findings(fr, 'spam-phrase')[0].suggestions?.map((x) => x.title), ['Replace with “important”', 'Replace with “prioritaire”']);
    });
  });

  describe('configuration', () => {
    it('adds phrases given as strings and as objects', () => {
      const config = { phrases: { add: ['destockage massif', { phrase: 'prix cassé(s)', alternatives: ['prix réduit(s)'] }] } };
      const html = '<p>Déstockage massif : prix cassés !</p>';
      const list = findings(html, 'spam-phrase', { config, locale: 'fr' });
      assert.deepEqual(list.map((f) => at(html, f)), ['Déstockage massif', 'prix cassés']);
      assert.equal(list[0].message, '« Déstockage massif » est un déclencheur de spam courant (votre liste d’expressions)');
      assert.deepEqual(list[0].suggestions ?? [], []);
      assert.equal(fixed(html, list[1]), '<p>Déstockage massif : prix réduits !</p>');
    });

    it('adds phrases with exceptions', () => {
      const config = { phrases: { add: [{ phrase: 'promo', except: ['code promo'] }] } };
      assert.deepEqual(flagged('<p>Votre code promo, notre promo.</p>', { config }), ['promo']);
    });

    it('ignores phrases by their displayed form or by one spelling', () => {
      const html = '<p>Garantie 2 ans. Produits garantis. Offre gratuite.</p>';
      assert.deepEqual(flagged(html, { config: { phrases: { ignore: ['garantie', 'GARANTIS'] } } }), ['gratuite']);
      assert.deepEqual(flagged(html, { config: { phrases: { ignore: ['gratuites'] } } }), ['Garantie', 'garantis', 'gratuite']);
      assert.deepEqual(flagged(html, { config: { phrases: { ignore: ['gratuite'] } } }), ['Garantie', 'garantis']);
    });
  });
});

describe('spam-phrase: scam families and brand impersonation', () => {
  it('flags account, payout, prize, benefit-scheme and parcel-fee lures in both languages', () => {
    const fr = '<p>Votre compte a été suspendu. Vos droits CPF expirent : réclamez une formation 100 % financée. Votre colis est en attente, payez les frais de livraison.</p>';
    assert.deepEqual(flagged(fr), ['Votre compte a été suspendu', 'Vos droits CPF', 'formation 100 % financée', 'Votre colis est en attente', 'payez les frais de livraison']);
    const en = '<p>Your account has been limited. Release your funds today. Lucky winner! You may get a tax refund or a government grant. Your parcel is on hold: pay the shipping fee.</p>';
    assert.deepEqual(flagged(en), ['Your account has been limited', 'Release your funds', 'Lucky winner', 'tax refund', 'government grant', 'Your parcel is on hold', 'pay the shipping fee']);
  });

  it('flags a sender name that claims a brand its domain is not, in the sender’s header', () => {
    const eml = 'From: "PayPal Service" <service@pay-secure.example>\nSubject: Compte\n\nBonjour';
    const [f] = findings(eml, 'spam-phrase', { kind: 'eml', locale: 'fr' });
    assert.equal(f.message, 'Le nom d’expéditeur se réclame de « PayPal » mais l’adresse est chez pay-secure.example');
    assert.equal(at(eml, f), '"PayPal Service" <service@pay-secure.example>');
    assert.equal(f.data?.category, 'impersonation');
    const en = findings('From: =?UTF-8?B?QW1hem9u?= <a@amaz0n-support.example>\n\nHello', 'spam-phrase', { kind: 'eml' });
    assert.equal(en[0].message, 'The sender name claims “Amazon” but the address is at amaz0n-support.example');
  });

  it('leaves the brand’s own domains and names that only mention a brand alone', () => {
    for (const from of ['PayPal <service@paypal.com>', 'PayPal <service@e.paypal.co.uk>', 'Impots <noreply@impots.gouv.fr>', 'Lockergnome Apple Core <subscriptions@lockergnome.example>', 'Jean Dupont <jean@example.fr>']) {
      assert.deepEqual(findings(`From: ${from}\n\nBonjour`, 'spam-phrase', { kind: 'eml' }), [], from);
    }
  });
});
