// Every real message of the shared corpus (spam and ham, several deliberately broken) lints
// without throwing, and its findings stay inside the file. The corpus lives next to the
// repository, not in it: CI clones the repository alone, so these tests skip there.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readDraft } from '../../src/cli/files';
import { lint } from '../../src/engine/lint';

const root = join(__dirname, '..', '..');
const corpus = [process.env.MAILPROOF_CORPUS, join(root, '..', 'shared', 'corpus'), join(root, '..', '..', 'shared', 'corpus')].find(
  (dir): dir is string => !!dir && existsSync(join(dir, 'spam')) && existsSync(join(dir, 'ham')),
);
const skip = corpus ? false : 'the shared corpus (../shared/corpus or MAILPROOF_CORPUS) is not available';

for (const label of ['spam', 'ham']) {
  describe(`corpus: ${label}`, () => {
    const dir = corpus ? join(corpus, label) : '';
    const files = corpus ? readdirSync(dir).filter((f) => f.endsWith('.eml')) : [];
    it(`lints every message (${files.length})`, { skip }, () => {
      assert.ok(files.length > 0, `no .eml file in ${dir}`);
      for (const f of files) {
        const draft = readDraft(join(dir, f));
        if ('reason' in draft) assert.fail(`${f}: unreadable (${draft.reason})`);
        const run = lint(draft.text, { fileName: f });
        for (const x of run.findings) {
          assert.ok(x.start >= 0 && x.end >= x.start && x.end <= draft.text.length, `${f}: ${x.ruleId} range ${x.start}-${x.end}`);
          assert.ok(!x.message.includes('parse.'), `${f}: untranslated message ${x.message}`);
        }
      }
    });
  });
}
