// "No fix changes meaning": `--fix` (the safe fixes only, in passes) over every draft of
// test/fixtures and of the shared corpus's templates, as a unified diff per file, compared with
// the reviewed golden diffs in test/fix-diffs/ (an empty file: nothing to fix). Suggestions
// (rewordings, sentence case, alt text, https) never show up here.
// UPDATE_GOLDEN=1 rewrites the diffs; review them before committing.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { createTwoFilesPatch } from 'diff';
import { findCorpus } from '../scripts/corpus-dir';
import { fixAllText } from '../src/engine/fix';
import { lint } from '../src/engine/lint';

const root = join(__dirname, '..');
const out = join(__dirname, 'fix-diffs');
const update = process.env.UPDATE_GOLDEN === '1';
const GOLDEN = /\.(findings\.json|fixed)$/;

function diffOf(label: string, path: string): string {
  const text = readFileSync(path, 'utf8');
  const locale = basename(path).startsWith('fr-') ? 'fr' : 'en';
  const relint = (t: string) => lint(t, { fileName: path, locale });
  const fixed = fixAllText(text, relint(text), relint);
  return fixed.text === text ? '' : createTwoFilesPatch(label, label, text, fixed.text, undefined, undefined, { context: 1 }).replace(/^(?:Index:[^\n]*\n)?=+\n/, '');
}

function check(name: string, actual: string) {
  const golden = join(out, `${name}.diff`);
  if (update) {
    mkdirSync(out, { recursive: true });
    writeFileSync(golden, actual);
  }
  assert.ok(existsSync(golden), `missing ${golden}; run UPDATE_GOLDEN=1 and review it`);
  assert.equal(actual, readFileSync(golden, 'utf8'));
}

describe('--fix over the rule fixtures', () => {
  const dir = join(root, 'test', 'fixtures');
  for (const rule of readdirSync(dir).sort()) {
    for (const file of readdirSync(join(dir, rule)).filter((f) => !GOLDEN.test(f)).sort()) {
      it(`${rule}/${file}`, () => check(`fixtures__${rule}__${file}`, diffOf(`${rule}/${file}`, join(dir, rule, file))));
    }
  }
});

const corpus = findCorpus(root);
describe('--fix over the shared templates', { skip: !corpus && 'no shared corpus next to the repository; set MAILPROOF_CORPUS' }, () => {
  const dir = join(corpus ?? '', 'templates');
  for (const file of corpus ? readdirSync(dir).filter((f) => /\.(html?|mjml|txt)$/i.test(f)).sort() : []) {
    it(file, () => check(`templates__${file}`, diffOf(`templates/${file}`, join(dir, file))));
  }
});
