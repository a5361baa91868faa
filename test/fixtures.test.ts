// Fixture drafts: test/fixtures/<rule-id>/<case>.<ext>. For each, the findings of that rule and
// the text after applying its preferred fixes are compared with golden files next to it:
//   <case>.<ext>.findings.json   rule findings (line, column, severity, message, fix titles)
//   <case>.<ext>.fixed           the draft after applying that rule's fix of each finding, else
//                                its first suggestion (as `--fix-type fix,suggestion` does), so
//                                the edits of suggestions are checked too
// Cases named fr-* are linted with French messages, the others in English.
// Run with UPDATE_GOLDEN=1 to write the golden files, then review the diff.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, type FixType, preferredEdits } from '../src/engine/fix';
import { lint } from '../src/engine/lint';
import { LineIndex } from '../src/engine/position';
import { rules } from '../src/engine/rules/index';
import type { Finding } from '../src/engine/types';

const FIXTURES = join(__dirname, 'fixtures');
const update = process.env.UPDATE_GOLDEN === '1';
const GOLDEN = /\.(findings\.json|fixed)$/;

function summarize(text: string, list: Finding[]) {
  const lines = new LineIndex(text);
  return list.map((f) => {
    const s = lines.positionAt(f.start);
    const e = lines.positionAt(f.end);
    return {
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
      severity: f.severity,
      text: text.slice(f.start, Math.min(f.end, f.start + 80)),
      message: f.message,
      fixes: (f.fixes ?? []).map((x) => x.title),
      suggestions: (f.suggestions ?? []).map((x) => x.title),
    };
  });
}

const BOTH = new Set<FixType>(['fix', 'suggestion']);
const localeOf = (name: string) => (name.startsWith('fr-') ? 'fr' : 'en');

function fixWithRule(text: string, ruleId: string, fileName: string): string {
  const only = rules.filter((r) => r.id === ruleId);
  for (let pass = 0; pass < 10; pass++) {
    const found = lint(text, { fileName, rules: only, locale: localeOf(fileName) }).findings;
    const { edits, fixed } = preferredEdits(found, BOTH);
    if (!fixed) break;
    text = applyEdits(text, edits);
  }
  return text;
}

function check(golden: string, actual: string) {
  if (update) writeFileSync(golden, actual);
  assert.ok(existsSync(golden), `missing golden file ${golden}; run UPDATE_GOLDEN=1`);
  assert.equal(actual, readFileSync(golden, 'utf8'), `golden mismatch: ${golden}`);
}

for (const ruleId of existsSync(FIXTURES) ? readdirSync(FIXTURES).sort() : []) {
  const dir = join(FIXTURES, ruleId);
  describe(`fixtures: ${ruleId}`, () => {
    for (const name of readdirSync(dir).filter((f) => !GOLDEN.test(f)).sort()) {
      it(name, () => {
        const path = join(dir, name);
        const text = readFileSync(path, 'utf8');
        const run = lint(text, { fileName: name, locale: localeOf(name) });
        const mine = run.findings.filter((f) => f.ruleId === ruleId);
        check(`${path}.findings.json`, JSON.stringify(summarize(text, mine), null, 2) + '\n');
        if (mine.some((f) => f.fixes?.length || f.suggestions?.length)) {
          const after = fixWithRule(text, ruleId, name);
          check(`${path}.fixed`, after);
          // The fixed draft has nothing fixable left for this rule.
          const again = lint(after, { fileName: name }).findings.filter((f) => f.ruleId === ruleId && f.fixes?.some((x) => x.preferred));
          assert.deepEqual(summarize(after, again), [], 'fixable findings remain after fixing');
        } else {
          assert.ok(!existsSync(`${path}.fixed`), `stale golden ${path}.fixed`);
        }
      });
    }
  });
}
