import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, fixed } from '../helpers';

describe('all-caps sentence case fix', () => {
  it('keeps merge tags of every kind as written', () => {
    const html = '<p>OFFRE SPECIALE POUR *|FNAME|* ET {{ Prenom }} AUJOURD HUI</p>';
    const [f] = findings(html, 'all-caps');
    assert.equal(fixed(html, f), '<p>Offre speciale pour *|FNAME|* et {{ Prenom }} aujourd hui</p>');
  });
});

describe('all-caps', () => {
  const texts = (html: string, opts = {}) => findings(html, 'all-caps', opts).map((f) => html.slice(f.start, f.end));

  it('flags three words in capitals in a row, not two', () => {
    assert.deepEqual(texts('<p>Nos prix : ACHETEZ VITE MAINTENANT et profitez</p>'), ['ACHETEZ VITE MAINTENANT']);
    assert.deepEqual(texts('<p>Nos prix : ACHETEZ VITE et profitez</p>'), []);
  });

  it('leaves acronyms alone, built in or configured', () => {
    assert.deepEqual(texts('<p>Votre facture PDF, TVA et SIRET inclus.</p>'), []);
    assert.deepEqual(texts('<p>Les offres ACME BETA GAMMA arrivent</p>'), ['ACME BETA GAMMA']);
    assert.deepEqual(texts('<p>Les offres ACME BETA GAMMA arrivent</p>', { config: { acronyms: ['ACME', 'BETA'] } }), []);
  });

  it('ignores merge tags, numbers and single letters', () => {
    assert.deepEqual(texts('<p>Bonjour *|FNAME|* {{ LAST_NAME }} [[CITY]] 2026 A B C</p>'), []);
  });

  it('flags a whole sentence or a subject in capitals', () => {
    assert.deepEqual(texts('<p>DERNIÈRE CHANCE. Ensuite, calme.</p>'), ['DERNIÈRE CHANCE']);
    assert.deepEqual(texts('---\nsubject: SOLDES\n---\n<p>Bonjour</p>'), ['SOLDES']);
    assert.deepEqual(texts('---\nsubject: TVA\n---\n<p>Bonjour</p>'), []);
  });

  it('measures the share of capitals in long bodies', () => {
    const body = 'Ceci Est Un Texte Très Long Avec Beaucoup De Mots Qui Commencent Tous Par Une Majuscule '.repeat(4);
    const [f] = findings(`<p>${body}</p>`, 'all-caps', { config: { rules: { 'all-caps': { maxUppercaseRatio: 0.15 } } } });
    assert.match(f.message, /Too many capitals in the body \(\d+% of the letters; limit 15%\)/);
    assert.deepEqual(findings(`<p>${body}</p>`, 'all-caps'), []);
  });
});
