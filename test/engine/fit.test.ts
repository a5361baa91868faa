// Alternatives that fit where they go: for each family of lexicon entries, real sentences and
// the text after each suggestion the spam-phrase rule offers, in order. A suggestion that
// would break the sentence (an adverb before a noun, a sentence inside a sentence, a French
// noun of another number before its verb) is not offered at all.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../src/engine/fix';
import { englishArticle, standsAlone } from '../../src/engine/lexicon/fit';
import { lint } from '../../src/engine/lint';
import { rules } from '../../src/engine/rules/index';

const only = rules.filter((r) => r.id === 'spam-phrase');

// The sentence after each suggestion of the one phrase found in it.
function afterEach(sentence: string): string[] {
  const html = `<p>${sentence}</p>`;
  const found = lint(html, { kind: 'html', rules: only }).findings;
  assert.equal(found.length, 1, `one phrase in “${sentence}”: ${found.map((f) => html.slice(f.start, f.end)).join(', ')}`);
  return (found[0].suggestions ?? []).map((s) => applyEdits(html, s.edits).slice(3, -4));
}

const FAMILIES: Record<string, Array<[string, string[]]>> = {
  'French noun phrases: the article agrees in gender, elides before a vowel': [
    ['Profitez de la promotion spéciale de printemps.', ['Profitez de l’offre du moment de printemps.', 'Profitez de l’offre de saison de printemps.']],
    ['Un bon plan pour vos vacances.', ['Une sélection du moment pour vos vacances.', 'Une offre du moment pour vos vacances.']],
    ['Voici le bon plan du mois.', ['Voici la sélection du moment du mois.', 'Voici l’offre du moment du mois.']],
    ['Vous gagnerez de l’argent facile chaque semaine.', ['Vous gagnerez du revenu d’appoint chaque semaine.', 'Vous gagnerez de l’activité rémunérée chaque semaine.']],
    ['Le bonus de bienvenue vous attend.', ['L’avantage de bienvenue vous attend.', 'L’offre de bienvenue vous attend.']],
    ['L’argent facile n’existe pas.', ['Le revenu d’appoint n’existe pas.', 'L’activité rémunérée n’existe pas.']],
    ['Profitez de cette dernière chance pour vous inscrire.', ['Profitez de ce dernier rappel pour vous inscrire.', 'Profitez de ce rappel pour vous inscrire.']],
    ['Une garantie de deux ans.', ['Un engagement de deux ans.']],
  ],
  'French noun phrases: the number follows the text, and a change of number only where the phrase stands alone': [
    ['Découvrez nos offres spéciales de la semaine.', ['Découvrez nos offres du moment de la semaine.', 'Découvrez nos offres de saison de la semaine.']],
    ['Profitez de nos prix cassés.', ['Profitez de nos prix réduits.', 'Profitez de nos prix en baisse.']],
    ['Découvrez nos bons plans.', ['Découvrez nos offres du moment.']],
    ['Il reste des places limitées.', []],
    ['Places limitées', ['Réservation conseillée', 'Inscription conseillée']],
  ],
  'French adjectives: endings follow the text; a prepositional phrase fits after the noun': [
    ['La livraison est gratuite dès 50 €.', ['La livraison est offerte dès 50 €.', 'La livraison est sans supplément dès 50 €.']],
    ['Des montres gratuites pour nos clients.', ['Des montres offertes pour nos clients.', 'Des montres sans supplément pour nos clients.']],
  ],
  'French adverbial phrases: an adjective alternative does not replace them after a noun': [
    ['Livraison sans frais en France.', ['Livraison sans supplément en France.']],
  ],
  'French verb phrases and calls to action: any wording where they stand alone, verbs inside a sentence': [
    ['Cliquez ici', ['En savoir plus', 'Voir le détail']],
    ['Pour en savoir plus, cliquez ici pour lire l’article.', ['Pour en savoir plus, voir le détail pour lire l’article.']],
    ['Gagnez un voyage à Rome.', ['Obtenez un voyage à Rome.', 'Recevez un voyage à Rome.']],
  ],
  'French sentences: only where they stand as a sentence': [
    ['Ceci n’est pas un spam.', ['Vous recevez ce message car vous êtes abonné.']],
    ['Nous pensons que ceci n’est pas un spam, mais vérifiez.', []],
    ['Derniers jours !', ['Fin de l’offre bientôt !', 'L’offre se termine bientôt !']],
  ],
  'English adjectives: adverbial alternatives only after a verb, a/an follows the new word': [
    ['Start your risk-free trial today.', ['Start your hassle-free trial today.']],
    ['Your first month is risk-free.', ['Your first month is hassle-free.', 'Your first month is backed by easy returns.']],
    ['Try it, it’s free.', ['Try it, it’s included.', 'Try it, it’s complimentary.', 'Try it, it’s at no extra cost.']],
    ['Open a free account today.', ['Open an included account today.', 'Open a complimentary account today.']],
    ['Open an urgent account review.', ['Open an important account review.', 'Open a priority account review.']],
  ],
  'English noun and verb phrases': [
    ['See this special offer for members.', ['See this current offer for members.', 'See this seasonal offer for members.']],
    ['Claim your prize now.', ['See your reward now.', 'View your reward now.']],
    ['You have won a cruise.', ['You are eligible for a cruise.', 'You can receive a cruise.']],
    ['Hurry! Get started today.', ['Take a look! Get started today.', 'Have a look! Get started today.']],
    ['Please don’t hurry, take your time.', 'no finding' as unknown as string[]],
  ],
  'English sentences: only where they stand as a sentence': [
    ['Dear friend, I am writing to you.', ['Hello, I am writing to you.', 'Hi, I am writing to you.']],
    ['This is not spam.', ['You are receiving this because you subscribed.']],
    ['We promise this is not spam at all.', []],
  ],
};

describe('alternatives that fit', () => {
  for (const [family, cases] of Object.entries(FAMILIES)) {
    it(family, () => {
      for (const [sentence, expected] of cases) {
        if ((expected as unknown) === 'no finding') {
          assert.deepEqual(lint(`<p>${sentence}</p>`, { kind: 'html', rules: only }).findings, [], sentence);
          continue;
        }
        assert.deepEqual(afterEach(sentence), expected, sentence);
      }
    });
  }

  it('tells a from an by the first sound', () => {
    for (const w of ['apple', 'hour', 'honest offer', 'included', 'urgent']) assert.equal(englishArticle(w), 'an', w);
    for (const w of ['priority', 'useful', 'one-time', 'European', 'university', 'hassle-free']) assert.equal(englishArticle(w), 'a', w);
  });

  it('knows a phrase that stands alone from one inside a sentence', () => {
    const t = 'Hello. Act now! Then act now, or later';
    assert.equal(standsAlone(t, 7, 14), true);
    assert.equal(standsAlone(t, 21, 28), false);
  });
});
