import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { findCorpus } from '../../scripts/corpus-dir';

const root = join(__dirname, '..', '..');
const corpus = findCorpus(root);
// Issue #17: the model ships in the extension, at most 400 KB gzipped.
const MAX_MODEL_GZIP_BYTES = 400 * 1024;

describe('spam model data', () => {
  it('weighs at most 400 KB gzipped', () => {
    const bytes = gzipSync(readFileSync(join(root, 'src', 'engine', 'score', 'model-data.ts'))).length;
    assert.ok(bytes <= MAX_MODEL_GZIP_BYTES, `${bytes} bytes gzipped`);
  });

  it('is what `npm run train` produces from the shared corpus', { skip: corpus ? false : 'no shared corpus: set MAILPROOF_CORPUS to check the committed model', timeout: 20 * 60_000 }, () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join('scripts', 'train.ts'), '--check', corpus!], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  });
});
