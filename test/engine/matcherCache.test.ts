// The phrase matcher's cache of compiled configurations: two folders with different phrases
// alternate without compiling again, and a cached matcher finds exactly what a freshly compiled
// one finds (compared in the same run, on the rule fixtures and the shared corpus templates).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { en } from '../../src/engine/lexicon/en';
import { fr } from '../../src/engine/lexicon/fr';
import { compileMatcher, compileMatcherUncached } from '../../src/engine/lexicon/matcher';
import type { LexiconEntry, PhraseInput } from '../../src/engine/lexicon/types';
import { detectKind } from '../../src/engine/lint';
import { buildModel } from '../../src/engine/parse/index';
import type { Locale } from '../../src/engine/types';
import { findCorpus } from '../../scripts/corpus-dir';

const root = join(__dirname, '..', '..');
const LEXICONS: Array<{ lang: Locale; entries: readonly LexiconEntry[] }> = [
  { lang: 'fr', entries: fr },
  { lang: 'en', entries: en },
];

function drafts(): string[] {
  const out: string[] = [];
  const fixtures = join(root, 'test', 'fixtures');
  for (const rule of readdirSync(fixtures)) for (const f of readdirSync(join(fixtures, rule))) if (/\.(html|txt|eml|mjml)$/.test(f)) out.push(join(fixtures, rule, f));
  const corpus = findCorpus(root);
  if (corpus) for (const f of readdirSync(join(corpus, 'templates'))) if (f.endsWith('.html')) out.push(join(corpus, 'templates', f));
  return out;
}

describe('phrase matcher cache', () => {
  const folderA: PhraseInput[] = ['free trial', { phrase: 'last chance', alternatives: ['final days'] }];
  const folderB: PhraseInput[] = ['unbeatable price', 'order today'];

  it('keeps two folders’ configurations compiled while they alternate', () => {
    const a = compileMatcher(LEXICONS, folderA, []);
    const b = compileMatcher(LEXICONS, folderB, ['act now']);
    for (let i = 0; i < 3; i++) {
      assert.equal(compileMatcher(LEXICONS, folderA, []), a);
      // Equal values, not the same arrays: settings are read anew for every lint.
      assert.equal(compileMatcher(LEXICONS, [...folderB], ['act now']), b);
    }
    assert.notEqual(a, b);
  });

  it('forgets the least recently used of more than four configurations', () => {
    const first = compileMatcher(LEXICONS, ['one'], []);
    const [, three] = ['two', 'three', 'four'].map((p) => compileMatcher(LEXICONS, [p], []));
    assert.equal(compileMatcher(LEXICONS, ['one'], []), first, 'four fit');
    compileMatcher(LEXICONS, ['five'], []);
    compileMatcher(LEXICONS, ['two'], []);
    assert.equal(compileMatcher(LEXICONS, ['one'], []), first, 'used recently, so kept');
    assert.notEqual(compileMatcher(LEXICONS, ['three'], []), three, 'the least recently used was compiled again');
  });

  it('finds what a freshly compiled matcher finds', () => {
    const configs: Array<[PhraseInput[], string[]]> = [
      [[], []],
      [folderA, ['free']],
      [folderB, []],
    ];
    const fresh = configs.map(([add, ignore]) => compileMatcherUncached(LEXICONS, add, ignore));
    let matches = 0;
    for (const path of drafts()) {
      const text = readFileSync(path, 'utf8');
      const model = buildModel(text, detectKind(path, text));
      const views = [...model.parts.map((p) => p.text), ...(model.subject ? [model.subject] : [])];
      for (const [k, [add, ignore]] of configs.entries()) {
        const cached = compileMatcher(LEXICONS, add, ignore);
        assert.notEqual(cached, fresh[k]);
        for (const v of views) {
          for (const prefer of [undefined, model.language]) {
            const got = cached.find(v, prefer);
            assert.deepEqual(got, fresh[k].find(v, prefer), path);
            matches += got.length;
          }
        }
      }
    }
    assert.ok(matches > 50, `${matches} matches`);
  });
});
