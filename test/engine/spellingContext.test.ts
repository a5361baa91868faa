import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { findCorpus } from '../../scripts/corpus-dir';
import { ContextModel } from '../../src/engine/spelling/context';

const root = join(__dirname, '..', '..');
const corpus = findCorpus(root);
// The counts ship in dist/spelling.js, in a VSIX of at most 2 MB (issue #14).
const MAX_CONTEXT_GZIP_BYTES = 64 * 1024;

describe('spelling context counts', () => {
  it('weigh at most 64 KB gzipped', () => {
    const bytes = gzipSync(readFileSync(join(root, 'src', 'engine', 'spelling', 'context-data.ts'))).length;
    assert.ok(bytes <= MAX_CONTEXT_GZIP_BYTES, `${bytes} bytes gzipped`);
  });

  it('are what scripts/spelling-context.ts learns from the shared corpus', { skip: corpus ? false : 'no shared corpus: set MAILPROOF_CORPUS to check the committed counts', timeout: 5 * 60_000 }, () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join('scripts', 'spelling-context.ts'), '--check', corpus!], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  });

  it('weigh a rare word against a frequent one a slip away, by the pairs seen around each', () => {
    const model = new ContextModel({
      total: 1000,
      words: ['# 200', 'votre 100', 'compte 40', 'de 60', 'le 50', 'vote 1', 'fin 30', 'afin 30'].join('\n'),
      pairs: ['votre compte 30', 'de votre 20', 'le vote 2', 'afin de 25', 'la fin 10'].join('\n'),
    });
    assert.equal(model.slip('confirmer', 'vote', 'compte'), 'votre');
    // Seen with `le`, and `le votre` unseen: the noun.
    assert.equal(model.slip('le', 'vote', '#'), undefined);
    // No context for either: the rare word stays.
    assert.equal(model.slip('#', 'vote', '#'), undefined);
    // Not the first letter (`fin` for `afin`), nor two words of like frequency.
    assert.deepEqual(model.intended('fin'), []);
    assert.equal(model.slip('#', 'fin', 'de'), undefined);
  });
});
