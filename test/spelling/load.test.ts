// The Node speller reads a language's dictionaries only when a word of that language is first
// checked: a run on English drafts never pays for the French dictionary (its own process here,
// so nothing else has loaded a dictionary before).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { loadSpeller } from '../../src/spelling/index';

it('loads each language on its first word, and offers both before', async () => {
  const speller = await loadSpeller();
  assert.deepEqual(speller.languages, ['fr', 'en']);
  assert.ok(speller.has('fr') && speller.has('en'));
  assert.deepEqual(Object.keys(speller.loadMs), ['wasm']);
  assert.equal(speller.check('colour', 'en'), true);
  assert.equal(speller.check('recieve', 'en'), false);
  assert.deepEqual(Object.keys(speller.loadMs).sort(), ['en', 'en-gb', 'wasm']);
  assert.equal(speller.check('bientôt', 'fr'), true);
  assert.equal(speller.check('bientot', 'fr'), false);
  assert.deepEqual(Object.keys(speller.loadMs).sort(), ['en', 'en-gb', 'fr', 'wasm']);
  assert.equal(await loadSpeller(), speller);
});
