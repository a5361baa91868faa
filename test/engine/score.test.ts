import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../src/engine/lint';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../src/engine/rules/index';
import { extractFeatures, isFeatureRule } from '../../src/engine/score/features';
import { type ModelScore, scoreDraft, scoreDraftShown, scoreFeatures, type ShownContributions, spamModel } from '../../src/engine/score/model';
import { hashFolded } from '../../src/engine/text/words';
import { isNoiseToken } from '../../src/engine/score/verdict';

const spamHtml = `<html><body>
<p>CONGRATULATIONS!!! You have been selected to receive a FREE cash prize of $5,000!</p>
<p>Act now: click here to claim your reward, limited time offer, 100% guaranteed, no credit check.</p>
<p><a href="http://192.168.10.4/claim">CLAIM YOUR PRIZE NOW</a></p>
</body></html>`;

const letterText = `Hi Anna,

Thanks for sending the minutes of Tuesday's meeting. I read them on the train and I think we
agree on the schedule for the garden project. Could you check with Paul whether the tools can
stay in the shed until March? I will bring the seeds on Saturday.

Best,
Tom
`;

const spamFr = `<html lang="fr"><body>
<p>FÉLICITATIONS !!! Vous avez gagné un iPhone GRATUIT, cliquez ici pour recevoir votre cadeau !</p>
<p>Offre exceptionnelle, 100 % garanti, sans engagement, argent facile : profitez-en vite !!!</p>
<p><a href="http://bit.ly/xyz">RÉCLAMEZ VOTRE GAIN</a></p>
</body></html>`;

const letterFr = `Bonjour Claire,

Merci pour le compte rendu de la réunion de mardi. Je l’ai lu dans le train et je crois que nous
sommes d’accord sur le calendrier du projet de jardin. Peux-tu demander à Paul si les outils
peuvent rester dans l’abri jusqu’en mars ? J’apporterai les graines samedi.

Bonne journée,
Thomas
`;

describe('spam score', () => {
  it('scores spam above a personal letter, in English and in French', () => {
    const spam = lint(spamHtml, { kind: 'html' });
    const letter = lint(letterText, { kind: 'text' });
    assert.ok(spam.spamProbability > letter.spamProbability, `${spam.spamProbability} vs ${letter.spamProbability}`);
    assert.ok(spam.score > letter.score);
    assert.equal(letter.likelySpam, false);
    const fr = lint(spamFr, { kind: 'html' });
    const lettre = lint(letterFr, { kind: 'text' });
    assert.ok(fr.spamProbability > lettre.spamProbability, `${fr.spamProbability} vs ${lettre.spamProbability}`);
    assert.equal(lettre.likelySpam, false);
  });

  it('keeps the score in 0–10, at 5 or more exactly when likely spam, monotone in the probability', () => {
    const runs = [spamHtml, letterText, spamFr, letterFr, '<p>Hello</p>'].map((t) => lint(t));
    for (const r of runs) {
      assert.ok(r.score >= 0 && r.score <= 10);
      assert.ok(r.spamProbability >= 0 && r.spamProbability <= 1);
      assert.equal(r.likelySpam, r.score >= 5);
    }
    const sorted = [...runs].sort((a, b) => a.spamProbability - b.spamProbability);
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].score >= sorted[i - 1].score);
  });

  it('explains the score with rules and words at their place in the source', () => {
    const run = lint(spamHtml, { kind: 'html' });
    const words = run.scoreBreakdown.filter((c) => c.kind === 'word' && c.ranges);
    assert.ok(words.length > 0);
    for (const c of words) {
      const token = c.id.replace(/^s:/, '');
      for (const r of c.ranges!) {
        const first = spamHtml.slice(r.start, r.end).toLowerCase();
        assert.ok(first.startsWith(token.split(' ')[0].replace(/^(sym|tld|host):/, '').slice(0, 2)) || /^(sym|tld|host):/.test(c.id), `${c.id} at ${first}`);
      }
    }
    assert.ok(run.scoreBreakdown.some((c) => c.kind === 'rule' && c.ruleId === 'exclamation' && c.count! >= 1));
    const sum = run.scoreBreakdown.reduce((s, c) => s + c.points, 0);
    assert.ok(sum > 0);
  });

  it('leaves function words and pieces of URLs out of the breakdown, though the model weighs them', () => {
    const draft = `---\nsubject: "Offre de la semaine pour vous"\n---\nYour account is waiting for you. Visit https://www.example.com/offer.html to see your offer, and write to us if you have questions.\n`;
    const m = spamModel();
    const weighed = ['https', 'www', 'your', 'you', 's:de'].filter((t) => Object.hasOwn(m.tokens, t));
    assert.ok(weighed.length >= 3, `the model weighs ${weighed.join(', ')}`);
    const run = lint(draft, { kind: 'text' });
    const shown = run.scoreBreakdown.map((c) => c.id);
    for (const t of ['https', 'www', 'com', 'html', 'your', 'you', 'to', 's:de', 's:la', 's:pour', 'if you']) assert.ok(!shown.includes(t), `${t} shown in ${shown.join(', ')}`);
    assert.ok(run.scoreBreakdown.some((c) => c.kind === 'word'), 'content words are still shown');
    assert.equal(isNoiseToken('s:de'), true);
    assert.equal(isNoiseToken('your account'), false);
    assert.equal(isNoiseToken('https www'), true);
    assert.equal(isNoiseToken('host:example.com'), false);
    assert.equal(isNoiseToken('s:offre'), false);
  });

  it('changes after a fix changes the text', () => {
    const before = lint(spamHtml, { kind: 'html' });
    const after = lint(spamHtml.replace(/!!!/g, '.').replace(/FREE/g, 'free'), { kind: 'html' });
    assert.notEqual(after.spamProbability, before.spamProbability);
  });

  // What the editor shows of a score: the logit to the bit, every contribution, every place.
  const reading = (s: ModelScore) => ({
    logit: s.logit,
    score: s.score,
    contributions: s.contributions.map((c) => ({ ...c, places: c.places?.map((p) => [p.view.text, p.from, p.to]) })),
  });
  const featureRules = new Set(rules.filter(isFeatureRule).map((r) => r.id));

  it('scores from word hashes exactly as from the token strings training reads', () => {
    const examples = join(__dirname, '..', '..', 'examples');
    const drafts = [spamHtml, letterText, spamFr, letterFr, `---\nsubject: "FREE offer: l’offre d’exception !!!"\n---\n<p>\ufeffCaso não seja possível, l’offre d’exception, 50 % off $10</p>`];
    for (const f of readdirSync(examples)) if (/\.(html|txt|eml|mjml|md)$/.test(f)) drafts.push(readFileSync(join(examples, f), 'utf8'));
    for (const text of drafts) {
      const run = lint(text, { score: false });
      const fromStrings = scoreFeatures(extractFeatures(run.model, run.findings, featureRules));
      assert.ok(fromStrings.contributions.some((c) => c.kind === 'word'));
      assert.deepEqual(reading(scoreDraft(run.model, run.findings, featureRules)), reading(fromStrings), text.slice(0, 60));
    }
  });

  it('gives the breakdown the contributions scoreDraft lists first, in its order, with their places', () => {
    const examples = join(__dirname, '..', '..', 'examples');
    const drafts = [spamHtml, letterText, spamFr, letterFr];
    for (const f of readdirSync(examples)) if (/\.(html|txt|eml|mjml|md)$/.test(f)) drafts.push(readFileSync(join(examples, f), 'utf8'));
    const breakdown: ShownContributions = { weighs: (w) => Math.abs(Math.round(w * 100) / 100) >= 0.05, showsWord: (id) => !isNoiseToken(id), max: 20 };
    // Every contribution may be shown, few of them: many of the same size compete for the last places.
    const few: ShownContributions = { weighs: () => true, showsWord: () => true, max: 3 };
    for (const text of drafts) {
      const run = lint(text, { score: false });
      const all = scoreDraft(run.model, run.findings, featureRules);
      for (const shown of [breakdown, few]) {
        const expected = all.contributions.filter((c) => shown.weighs(c.weight) && (c.kind !== 'word' || shown.showsWord(c.id))).slice(0, shown.max);
        assert.deepEqual(reading(scoreDraftShown(run.model, run.findings, featureRules, shown)), reading({ ...all, contributions: expected }), text.slice(0, 60));
      }
    }
  });

  it('keeps two words that share a hash apart', () => {
    // `prize` and `pqiлe` share a hash: 'r' − 1 two places before 'z' + 961 (31² = 961).
    const m = spamModel();
    const token = Object.keys(m.tokens).find((t) => /^[a-z]+$/.test(t) && t.length >= 3 && /[b-z].[o-z]/.test(t))!;
    const k = /[b-z].[o-z]/.exec(token)!.index;
    const twin = token.slice(0, k) + String.fromCharCode(token.charCodeAt(k) - 1) + token[k + 1] + String.fromCharCode(token.charCodeAt(k + 2) + 961) + token.slice(k + 3);
    assert.equal(hashFolded(twin), hashFolded(token), `${token} and ${twin}`);
    assert.ok(!Object.hasOwn(m.tokens, twin));
    for (const text of [`<p>${twin} ${twin}</p>`, `<p>${twin} ${token} ${twin}</p>`, `<p>${token} ${twin}</p>`]) {
      const run = lint(text, { kind: 'html', score: false });
      const fromStrings = scoreFeatures(extractFeatures(run.model, run.findings, featureRules));
      const fromHashes = scoreDraft(run.model, run.findings, featureRules);
      assert.deepEqual(reading(fromHashes), reading(fromStrings), text);
      const weighed = fromHashes.contributions.find((c) => c.id === token);
      assert.equal(weighed?.places?.length ?? 0, text.split(' ').filter((w) => w.replace(/<\/?p>/g, '') === token).length, text);
      for (const p of weighed?.places ?? []) assert.equal(p.view.text.slice(p.from, p.to), token);
    }
  });

  it('is a committed model of the documented size', () => {
    const m = spamModel();
    assert.ok(Object.keys(m.tokens).length > 1000);
    assert.ok(m.calibration.a > 0, 'calibration keeps the order');
    assert.equal(spamModel(), m, 'parsed once');
  });
});

describe('mail type', () => {
  const receipt = 'From: shop@shop.example\nSubject: Your order #1234 receipt\n\nThank you for your order. Your receipt is attached. Total: 42 EUR.\n';
  const newsletter = '<html><body><p>Our spring newsletter is here.</p><img src="a.png" alt=""><p><a href="https://shop.example/u">Unsubscribe</a></p></body></html>';
  const personal = 'From: tom@example.org\nSubject: Re: Saturday\n\nHi Anna, see you on Saturday at the garden.\nTom\n';

  it('detects bulk, transactional and personal mail', () => {
    assert.equal(lint(receipt, { kind: 'eml' }).mailType, 'transactional');
    assert.equal(lint(newsletter, { kind: 'html' }).mailType, 'bulk');
    assert.equal(lint(personal, { kind: 'eml' }).mailType, 'personal');
    assert.equal(lint(personal, { kind: 'eml' }).mailTypeSource, 'detected');
    assert.equal(lint('<p>Réinitialisez votre mot de passe en suivant ce lien.</p>', { kind: 'html' }).mailType, 'transactional');
  });

  it('lets the configuration and inline markers override the detection', () => {
    const configured = lint(receipt, { kind: 'eml', config: { mailType: 'bulk' } });
    assert.equal(configured.mailType, 'bulk');
    assert.equal(configured.mailTypeSource, 'config');
    const declared = lint('X-Mailproof-Type: bulk\n' + receipt, { kind: 'eml' });
    assert.equal(declared.mailType, 'bulk');
    assert.equal(declared.mailTypeSource, 'declared');
  });

  it('applies bulk rules and the bulk checklist to bulk mail only, and never scores them', () => {
    const tx = lint(receipt, { kind: 'eml' });
    assert.equal(tx.findings.filter((f) => ['unsubscribe', 'contact-info', 'list-unsubscribe'].includes(f.ruleId)).length, 0);
    assert.equal(tx.bulkRequirements, undefined);
    const bulk = lint(receipt, { kind: 'eml', config: { mailType: 'bulk' } });
    assert.ok(bulk.findings.some((f) => f.ruleId === 'unsubscribe'));
    assert.deepEqual(
      bulk.bulkRequirements?.map((r) => [r.id, r.state]),
      [
        ['unsubscribe-link', 'unmet'],
        ['one-click-unsubscribe', 'unmet'],
        ['postal-address', 'unmet'],
      ],
    );
    assert.ok(!bulk.scoreBreakdown.some((c) => ['unsubscribe', 'contact-info', 'list-unsubscribe'].includes(c.id)));
  });
});
