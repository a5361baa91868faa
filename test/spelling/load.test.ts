// The Node speller reads a dictionary only when it is first needed: a run on English drafts never
// pays for the French dictionary, nor for the British one while the American one knows every word
// (its own process here, so nothing else has loaded a dictionary before).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { loadSpeller } from '../../src/spelling/index';

it('loads each dictionary when first needed, and offers both languages before', async () => {
  const speller = await loadSpeller();
  assert.deepEqual(speller.languages, ['fr', 'en']);
  assert.ok(speller.has('fr') && speller.has('en'));
  assert.deepEqual(Object.keys(speller.loadMs), ['wasm']);
  // British English is read at the first word American English does not know.
  assert.equal(speller.check('color', 'en'), true);
  assert.deepEqual(Object.keys(speller.loadMs).sort(), ['en', 'wasm']);
  assert.equal(speller.check('colour', 'en'), true);
  assert.equal(speller.check('recieve', 'en'), false);
  assert.deepEqual(Object.keys(speller.loadMs).sort(), ['en', 'en-gb', 'wasm']);
  assert.equal(speller.check('bientôt', 'fr'), true);
  assert.equal(speller.check('bientot', 'fr'), false);
  assert.deepEqual(Object.keys(speller.loadMs).sort(), ['en', 'en-gb', 'fr', 'wasm']);
  assert.equal(await loadSpeller(), speller);
});
