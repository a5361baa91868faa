// The findings of every draft of the shared corpus (spam, ham, templates and the training set)
// are compared with digests recorded in findings.golden.json, so that a change meant to keep
// findings as they are (a faster model or rule, issue #11) is shown to keep them. Messages,
// ranges, severities, fixes and data all count; the score does not (the model is retrained on
// its own, and test/engine/model.test.ts checks it). The corpus is not in the repository: the
// suite skips when it is not next to it.
// After a change that is meant to change findings: UPDATE_GOLDEN=1, then review which drafts changed.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { findCorpus } from '../../scripts/corpus-dir';
import { readDraft } from '../../src/cli/files';
import { lint } from '../../src/engine/lint';

const root = join(__dirname, '..', '..');
const corpus = findCorpus(root);
const goldenFile = join(__dirname, 'findings.golden.json');
const update = process.env.UPDATE_GOLDEN === '1';
// Drafts of the training set are digested in groups (in name order), which keeps the golden file small.
const TRAIN_GROUP = 200;

function drafts(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) drafts(path, out);
    else if (name !== 'README.md' && !name.endsWith('.tsv')) out.push(path);
  }
  return out;
}

function findingsOf(path: string): string {
  const draft = readDraft(path);
  if ('reason' in draft) return `unreadable: ${draft.reason}`;
  return JSON.stringify(lint(draft.text, { fileName: path }).findings);
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const folder of ['spam', 'ham', 'templates']) {
    for (const path of drafts(join(dir, folder))) out[relative(dir, path)] = digest(findingsOf(path));
  }
  for (const folder of ['train/spam', 'train/ham']) {
    const paths = drafts(join(dir, folder));
    for (let k = 0; k < paths.length; k += TRAIN_GROUP) {
      const group = paths.slice(k, k + TRAIN_GROUP);
      const key = `${folder}: ${relative(join(dir, folder), group[0])} … ${relative(join(dir, folder), group[group.length - 1])} (${group.length})`;
      out[key] = digest(group.map((p) => `${relative(dir, p)}\n${findingsOf(p)}`).join('\n'));
    }
  }
  return out;
}

describe('corpus: findings', { skip: corpus ? false : 'no shared corpus next to the repository (../shared/corpus); set MAILPROOF_CORPUS to run' }, () => {
  it('are the recorded ones on every draft', { timeout: 20 * 60_000 }, () => {
    const actual = digests(corpus!);
    assert.ok(Object.keys(actual).length > 300, 'the corpus holds too few drafts');
    if (update) writeFileSync(goldenFile, `${JSON.stringify(actual, null, 1)}\n`);
    const golden = JSON.parse(readFileSync(goldenFile, 'utf8')) as Record<string, string>;
    const changed = Object.keys({ ...golden, ...actual }).filter((k) => golden[k] !== actual[k]);
    assert.deepEqual(changed, [], 'drafts whose findings changed (UPDATE_GOLDEN=1 records them after review)');
  });
});
