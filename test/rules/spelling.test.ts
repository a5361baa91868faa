import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyEdits, preferredEdits } from '../../src/engine/fix';
import { lint, type LintOptions, MAX_FINDINGS_PER_RULE } from '../../src/engine/lint';
import { MAX_MISSPELLINGS } from '../../src/engine/spelling/check';
import type { Speller } from '../../src/engine/spelling/speller';
import { spellingSuggestions } from '../../src/engine/spelling/suggest';
import type { Finding } from '../../src/engine/types';
import { loadSpeller } from '../../src/spelling/index';

// The real Hunspell dictionaries: what a user's editor shows.
let speller: Speller;
before(async () => {
  speller = await loadSpeller();
});

function spell(text: string, options: LintOptions = {}) {
  const run = lint(text, { kind: 'html', speller, ...options });
  return { run, found: run.findings.filter((f) => f.ruleId === 'spelling') };
}
const words = (text: string, found: Finding[]) => found.map((f) => text.slice(f.start, f.end));
const suggestions = (run: ReturnType<typeof lint>, f: Finding) => spellingSuggestions(run.model, f, speller, 'en');

describe('spelling', () => {
  it('says nothing without a spell checker', () => {
    const text = '<p lang="fr">Nous arrivons bientot avec des nouveax produits.</p>';
    assert.deepEqual(lint(text, { kind: 'html' }).findings.filter((f) => f.ruleId === 'spelling'), []);
  });

  it('names the word and suggests corrections only when asked, never as a preferred fix', () => {
    const text = '<html lang="fr"><p>Votre colis arrive bientot.</p></html>';
    const { run, found } = spell(text);
    assert.deepEqual(words(text, found), ['bientot']);
    assert.equal(found[0].message, '“bientot” is not in the French dictionary');
    assert.equal(found[0].fixes, undefined);
    assert.equal(found[0].suggestions, undefined);
    const fixes = suggestions(run, found[0]);
    assert.equal(fixes[0].title, 'Replace with “bientôt”');
    assert.equal(applyEdits(text, fixes[0].edits), '<html lang="fr"><p>Votre colis arrive bientôt.</p></html>');
    // Fix-all applies preferred fixes only: misspellings stay for the writer to choose.
    assert.equal(preferredEdits(found).fixed, 0);
  });

  it('covers a word through an entity and through inline markup, and keeps the markup when correcting', () => {
    const text = '<html lang="fr"><p>Il est d&eacute;ja parti avec une <b>rédu</b>ctoin.</p></html>';
    const { run, found } = spell(text);
    assert.deepEqual(words(text, found), ['d&eacute;ja', 'rédu</b>ctoin']);
    assert.equal(applyEdits(text, suggestions(run, found[0])[0].edits), '<html lang="fr"><p>Il est déjà parti avec une <b>rédu</b>ctoin.</p></html>');
    assert.equal(applyEdits(text, suggestions(run, found[1])[0].edits), '<html lang="fr"><p>Il est d&eacute;ja parti avec une <b>réduction</b>.</p></html>');
  });

  it('maps words of a quoted-printable body and of the subject to the file', () => {
    const eml = 'Subject: Nouveax produits\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Language: fr\r\n\r\nLes r=C3=A9ductoins commencent d=C3=A9ja demain.\r\n';
    const { found } = spell(eml, { kind: 'eml' });
    assert.deepEqual(words(eml, found), ['Nouveax', 'r=C3=A9ductoins', 'd=C3=A9ja']);
  });

  it('flags "a" for "à" with its correction', () => {
    const text = '<html lang="fr"><p>A bientôt ! Livraison offerte a partir de 50 €, grâce a vous. Il a reçu son colis.</p></html>';
    const { found } = spell(text);
    assert.deepEqual(found.map((f) => [text.slice(f.start, f.end), f.suggestions?.[0].edits[0].newText, f.fixes]), [['A', 'À', undefined], ['a', 'à', undefined], ['a', 'à', undefined]]);
  });

  it('flags "a" before a determiner, an infinitive or a time, and after "pas", and leaves the verb alone', () => {
    const text = `<html lang="fr"><p>Nous vous invitons a la réunion de lundi a 14h. Merci de répondre a ce message.
      Votre conseiller vous invite a rejoindre la structure. N'hésitez pas a nous écrire, nous restons a votre écoute.</p></html>`;
    const { found } = spell(text);
    assert.deepEqual(
      found.map((f) => [text.slice(0, f.start).trim().split(' ').pop(), text.slice(f.start, f.end), f.suggestions?.[0].edits[0].newText]),
      [['invitons', 'a', 'à'], ['lundi', 'a', 'à'], ['répondre', 'a', 'à'], ['invite', 'a', 'à'], ['pas', 'a', 'à'], ['restons', 'a', 'à']],
    );
    // The verb: after its subject, in the set phrases of avoir, before a past participle.
    const verb = `<html lang="fr"><p>Le candidat a déjà bénéficié d'un parcours il y a moins de 2 ans. Votre structure a la possibilité
      de publier une offre, et Mobilic a l'honneur de vous accueillir. L'équipe a tout fait pour vous, et le premier pas a été franchi.
      Un contrôle a posteriori a été mené. A ce jour, qui a la main ? Elle a votre dossier.</p></html>`;
    assert.deepEqual(words(verb, spell(verb).found), []);
  });

  it('flags "vos", "vus" and "nus" where the pronoun is meant, not the determiner or the adjective', () => {
    const text = `<html lang="fr"><p>Si vos avez des questions, vus pouvez nous écrire. Merci de vos connecter à votre espace.
      Suite à une vérification, nus avons constaté une erreur. Vos aviez raison.</p></html>`;
    const { found } = spell(text);
    assert.deepEqual(found.map((f) => [text.slice(f.start, f.end), f.suggestions?.[0].edits[0].newText]), [['vos', 'vous'], ['vus', 'vous'], ['vos', 'vous'], ['nus', 'nous'], ['Vos', 'Vous']]);
    const right = `<html lang="fr"><p>Retrouvez vos questions et vos dossiers chez vous. Les articles vus récemment et les prix
      nus sont affichés. Vos loisirs et vos savoir-faire comptent.</p></html>`;
    assert.deepEqual(words(right, spell(right).found), []);
  });

  it('flags a French real word out of place, with the word its context calls for when the menu opens', () => {
    const text = '<html lang="fr"><p>Merci de confirmer v&#111;te compte avant demain. Copiez ce lin dans votre navigateur.</p></html>';
    const { run, found } = spell(text);
    assert.deepEqual(words(text, found), ['v&#111;te', 'lin']);
    assert.equal(found[0].message, '“vote” is a word, but here “votre” seems meant');
    assert.equal(lint(text, { kind: 'html', speller, locale: 'fr' }).findings[0].message, '« vote » existe, mais ici « votre » semble voulu');
    // Nothing computed or applied during the lint: the suggestion comes with the quick-fix menu.
    assert.equal(found[0].suggestions, undefined);
    assert.equal(found[0].fixes, undefined);
    assert.equal(preferredEdits(found).fixed, 0);
    const offered = suggestions(run, found[0]);
    assert.deepEqual(offered.map((s) => s.title), ['Replace with “votre”']);
    assert.equal(applyEdits(text, offered[0].edits), '<html lang="fr"><p>Merci de confirmer votre compte avant demain. Copiez ce lin dans votre navigateur.</p></html>');
    assert.equal(applyEdits(text, suggestions(run, found[1])[0].edits), '<html lang="fr"><p>Merci de confirmer v&#111;te compte avant demain. Copiez ce lien dans votre navigateur.</p></html>');
  });

  it('leaves a French real word alone where its context fits it, and the user words', () => {
    const right = `<html lang="fr"><p>Votre vote compte. Le vote est ouvert jusqu’à demain. Un lien vers la page.
      Vous avez une demande en cours. Il a envie de partir. La page a été mise à jour, elle a été écrite hier.
      A titre d’exemple, a mesure que vous avancez.</p></html>`;
    assert.deepEqual(words(right, spell(right).found), []);
    const text = '<html lang="fr"><p>Merci de confirmer vote compte avant demain.</p></html>';
    assert.deepEqual(words(text, spell(text, { config: { words: ['Vote'] } }).found), []);
  });

  it('flags a French past participle written without its accent after "avoir"', () => {
    const text = `<html lang="fr"><p>Vous avez demande un lien. Votre dossier a bien été modifie hier.
      Vous n’avez toujours pas accepte l’invitation. Merci d’avoir confirme votre adresse.</p></html>`;
    const { run, found } = spell(text);
    assert.deepEqual(words(text, found), ['demande', 'modifie', 'accepte', 'confirme']);
    assert.deepEqual(found.map((f) => suggestions(run, f)[0].edits[0].newText), ['demandé', 'modifié', 'accepté', 'confirmé']);
    // Without the learned counts (another host's speller), the participles are still found.
    const bare: Speller = { has: (l) => speller.has(l), check: (w, l) => speller.check(w, l), suggest: (w, l) => speller.suggest(w, l) };
    assert.deepEqual(words(text, spell(text, { speller: bare }).found), ['demande', 'modifie', 'accepte', 'confirme']);
    const plain = '<html lang="fr"><p>Merci de confirmer vote compte avant demain.</p></html>';
    assert.deepEqual(words(plain, spell(plain, { speller: bare }).found), []);
  });

  it('accepts English solid compounds of two words, not a typo that happens to split in two', () => {
    const text = '<p lang="en">Join the afterparty with councilmembers, bring a bikeshare bike, and learn about daylighting and upscaling.</p>';
    assert.deepEqual(words(text, spell(text).found), []);
    // `add` + `dress` and `enter` + `pries`, but one letter away from `address` and `enterprises`.
    const typos = '<p lang="en">Send it to your email adddress, we serve enterpries and small shops alike.</p>';
    assert.deepEqual(words(typos, spell(typos).found), ['adddress', 'enterpries']);
  });

  it('skips a lowercase sign-off name, spelt-out syllables and foreign words in English', () => {
    const text = `<p lang="en">See you in a couple of weeks!</p><p>—eric</p><p lang="en">Ride length: 40 minutes, then a short
      break. Ev-er-y-bo-dy gets a picture, per-se. Para más información en español, lea aquí.</p>`;
    assert.deepEqual(words(text, spell(text).found), []);
    // A misspelt sign-off is still a misspelling, and so is a short word after a number.
    const typo = '<p lang="en">See you in 2 wkes or in a coulpe of weeks!</p><p>—erci</p>';
    assert.deepEqual(words(typo, spell(typo).found), ['wkes', 'coulpe', 'erci']);
  });

  it('skips merge tags of every syntax, URLs, addresses, codes, file names, capitals and brands', () => {
    const text = `<html lang="fr"><p>Bonjour *|FNAME|*, {{ prenom }}, {% if vip %}cher client{% endif %}, %%Nom%%, [[societe]], <%= civilite %>, {{prenom}}s.
      Rendez-vous sur https://www.exemple.fr/offre-speciale ou www.exemple.fr, écrivez à contact@exemple.fr,
      code PROMOTION2024, référence AB-12X, fichier brochure_hiver.pdf, #soldeshiver, @boutiquedemode, SOLDISSIMES,
      Brevo, Mailchimp, LinkedIn, TikTok, le webinar, l'e-shop, le click &amp; collect, MaBoutiqueEnLigne.</p></html>`;
    assert.deepEqual(words(text, spell(text).found), []);
  });

  it('skips CSS, scripts, data- attributes, code and spellcheck="false"', () => {
    const text = '<html lang="fr"><head><style>.x{font-family:Helvetiqua}</style><script>var trackinng=1</script></head><body data-campagne="lancment"><p>Texte correct.</p><code>fonctionn()</code><p spellcheck="false">motclé inventé</p></body></html>';
    assert.deepEqual(words(text, spell(text).found), []);
  });

  it('checks lang-marked passages in their language and skips other languages', () => {
    const text = '<html lang="fr"><p>Bonjour à tous.</p><p lang="en">Please recieve our thanks.</p><p lang="de">Wir freuen uns sehr auf Ihren Besuch.</p><p>Merci <span lang="es">muchas gracias amigos</span>.</p></html>';
    assert.deepEqual(words(text, spell(text).found), ['recieve']);
  });

  it('detects the language per paragraph in a mixed draft', () => {
    const text = '<p>Thank you for your order: it will ship untill Friday.</p><p>Vous pouvez nous répondre en français : nous lirons votre mesage avec plaisir.</p>';
    const { found } = spell(text);
    assert.deepEqual(found.map((f) => [text.slice(f.start, f.end), f.data?.lang]), [['untill', 'en'], ['mesage', 'fr']]);
  });

  it('reads Content-Language and a forced language', () => {
    const eml = 'Subject: Hello\r\nContent-Type: text/plain\r\nContent-Language: en\r\n\r\nOur biggest sale stars tommorow.\r\n';
    assert.deepEqual(words(eml, spell(eml, { kind: 'eml' }).found), ['tommorow']);
    const text = '<p>Merci infiniment</p>';
    assert.deepEqual(words(text, spell(text, { config: { language: 'en' } }).found), ['Merci', 'infiniment']);
  });

  it('accepts the user words of the configuration, in any case', () => {
    const text = '<html lang="fr"><p>Découvrez Mailproofix et les produits de Zorgleb.</p></html>';
    assert.deepEqual(words(text, spell(text).found), []);
    const sentenceStart = '<html lang="fr"><p>Zorgleb arrive. Mailproofix aussi.</p></html>';
    assert.deepEqual(words(sentenceStart, spell(sentenceStart).found), ['Zorgleb', 'Mailproofix']);
    assert.deepEqual(words(sentenceStart, spell(sentenceStart, { config: { words: ['zorgleb', 'MAILPROOFIX'] } }).found), []);
  });

  it('accepts the 1990 rectified French spellings, not other missing accents', () => {
    const text = '<html lang="fr"><p>La fraicheur des produits décroit en aout, selon la règlementation.</p><p>Il est deja parti.</p></html>';
    assert.deepEqual(words(text, spell(text).found), ['deja']);
  });

  it('reports only the wrong part of a compound or an elision', () => {
    const text = "<html lang=\"fr\"><p>Inscrivez-vous sur l'adresse du sitte, c'est un anti-spamm garanti.</p></html>";
    assert.deepEqual(words(text, spell(text).found), ['sitte', 'spamm']);
  });

  it('stops after a cap with one summary finding', () => {
    const text = `<html lang="fr"><p>${Array.from({ length: 250 }, (_, i) => `mott${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`).join(' ')}</p></html>`;
    const { found } = spell(text);
    assert.equal(found.length, MAX_MISSPELLINGS + 1);
    assert.ok(MAX_MISSPELLINGS < MAX_FINDINGS_PER_RULE, 'the engine cap would hide the summary');
    assert.match(found[found.length - 1].message, /stopped after 99 unknown words/);
    assert.ok(!found.some((f) => f.data?.moreFindings), 'no engine summary on top of spelling’s own');
  });
});
