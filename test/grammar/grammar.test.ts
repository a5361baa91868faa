import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { applyEdits } from '../../src/engine/fix';
import { grammarParagraphs } from '../../src/engine/grammar/paragraphs';
import { lint } from '../../src/engine/lint';
import { buildModel } from '../../src/engine/parse/index';
import { findGrammalecte, startGrammalecte } from '../../src/grammar/grammalecte';
import { checkGrammar, type GrammarBackend } from '../../src/grammar/index';
import { languageToolBackend, parseLanguageToolUrl } from '../../src/grammar/languagetool';

async function grammarFindings(text: string, backends: GrammarBackend[], kind: 'html' | 'eml' = 'html') {
  const model = buildModel(text, kind);
  const results = await checkGrammar(model, backends);
  return lint(text, { kind, grammar: results, locale: 'fr' }).findings.filter((f) => f.ruleId === 'grammar');
}

describe('grammar', () => {
  it('says nothing without results', () => {
    const text = '<p lang="fr">Les enfants mange des pommes.</p>';
    assert.deepEqual(lint(text, { kind: 'html' }).findings.filter((f) => f.ruleId === 'grammar'), []);
  });

  it('sends paragraphs with merge tags as placeholders of the same length', () => {
    const model = buildModel('<html lang="fr"><p>Bonjour {{ prenom }},</p><p lang="en">Thanks a lot.</p><p lang="de">Danke schön.</p></html>', 'html');
    assert.deepEqual(
      grammarParagraphs(model).map((p) => [p.text, p.lang]),
      [
        ['Bonjour XXXXXXXXXXXX,', 'fr'],
        ['Thanks a lot.', 'en'],
      ],
    );
  });

  it('sends only paragraphs with two letters in a row, separators read as full stops', () => {
    const html =
      '<html lang="fr"><table><tr><td>\n   \t</td><td>1 – 2 €</td><td>a 1 b</td><td>{{x}}</td><td>é</td><td>éa</td><td>Œuvre</td><td>Blog | Boutique · Aide • Plan ¦ Contact ∙ FAQ</td></tr></table></html>';
    assert.deepEqual(
      grammarParagraphs(buildModel(html, 'html')).map((p) => p.text),
      ['XXXXX', 'éa', 'Œuvre', 'Blog . Boutique . Aide . Plan . Contact . FAQ'],
    );
  });

  // Debian's python3-grammalecte, run for real; CI installs it (.ci/apt-packages).
  const python = findGrammalecte();
  describe('Grammalecte', { skip: !python && !process.env.CI ? 'python3-grammalecte is not installed' : false }, () => {
    let backend: GrammarBackend;
    before(async () => {
      const b = await startGrammalecte();
      assert.ok(b, 'Grammalecte did not start');
      backend = b;
    });
    after(() => backend?.close());

    it('reports agreement and conjugation mistakes at their exact source range, with corrections', async () => {
      const text = '<html lang="fr"><body><p>Les enfants <b>mange</b> des pommes.</p><p>Nous avons bien reçu votre commandes, {{ prenom }}.</p></body></html>';
      const found = await grammarFindings(text, [backend]);
      assert.deepEqual(
        found.map((f) => text.slice(f.start, f.end)),
        ['mange', 'commandes'],
      );
      assert.match(found[0].message, /Conjugaison|personne du pluriel/);
      // Suggestions only: fix-all and --fix never apply them.
      assert.ok(found.every((f) => f.fixes === undefined && f.suggestions?.length));
      assert.equal(applyEdits(text, found[0].suggestions![0].edits), text.replace('<b>mange</b>', '<b>mangent</b>'));
    });

    it('leaves typography alone and reads quoted-printable bodies', async () => {
      const typography = '<html lang="fr"><p>Bonjour , voici l\'offre : 10 % de remise...</p></html>';
      assert.deepEqual(await grammarFindings(typography, [backend]), []);
      // Inclusive writing is the writer's style: Grammalecte's rules for it fire with their option off.
      const inclusive = '<html lang="fr"><p>Les inscrit.e.s sont invité(e)s et les salarié·es sont informé·es.</p></html>';
      assert.deepEqual(await grammarFindings(inclusive, [backend]), []);
      const eml = 'Subject: Commande\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Language: fr\r\n\r\nIl faut que tu vienne =C3=A0 la boutique.\r\n';
      const found = await grammarFindings(eml, [backend], 'eml');
      assert.deepEqual(found.map((f) => eml.slice(f.start, f.end)), ['vienne']);
    });
  });

  describe('LanguageTool client', () => {
    let server: Server;
    let url: string;
    const received: Array<Record<string, string>> = [];
    before(async () => {
      // A stand-in for a user's LanguageTool server, on loopback: it flags "a" before "apple".
      server = createServer((req: IncomingMessage, res) => {
        let body = '';
        req.on('data', (d) => (body += d));
        req.on('end', () => {
          const form = Object.fromEntries(new URLSearchParams(body));
          received.push({ path: req.url ?? '', method: req.method ?? '', ...form });
          const at = form.text.indexOf('a apple');
          const matches = at < 0 ? [] : [{ message: 'Use “an” instead of “a” before a vowel.', offset: at, length: 1, replacements: [{ value: 'an' }], rule: { id: 'EN_A_VS_AN' } }];
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ matches }));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('posts each paragraph with its language and maps the matches back to the source', async () => {
      const text = '<html lang="en"><p>Here is a apple for {{ first_name }}.</p><p lang="fr">Voici une pomme.</p></html>';
      const parsed = parseLanguageToolUrl(`${url}/`);
      assert.ok('url' in parsed);
      const found = await grammarFindings(text, [languageToolBackend(parsed.url)]);
      assert.deepEqual(found.map((f) => [text.slice(f.start, f.end), f.message, f.suggestions?.[0].title]), [['a', 'Use “an” instead of “a” before a vowel', 'Remplacer par « an »']]);
      assert.deepEqual(
        received.map((r) => [r.method, r.path, r.language, r.text, r.disabledCategories]),
        [
          ['POST', '/v2/check', 'en-US', 'Here is a apple for XXXXXXXXXXXXXXXX.', 'TYPOGRAPHY,PUNCTUATION,CASING,TYPOS'],
          ['POST', '/v2/check', 'fr', 'Voici une pomme.', 'TYPOGRAPHY,PUNCTUATION,CASING,TYPOS'],
        ],
      );
    });

    it('refuses URLs that are not http(s) or carry credentials', () => {
      assert.ok('error' in parseLanguageToolUrl('file:///etc/passwd'));
      assert.ok('error' in parseLanguageToolUrl('http://user:pw@127.0.0.1:8081'));
      assert.ok('error' in parseLanguageToolUrl('not a url'));
    });
  });
});
