// Meta-tests: every rule is complete (docs page, messages in both languages, fixtures) and the
// registry is consistent. A new rule cannot land half-finished.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { hasMessage, messageKeys } from '../../src/engine/i18n';
import { rules } from '../../src/engine/rules/index';

const root = join(__dirname, '..', '..');

describe('rule registry', () => {
  it('has unique kebab-case ids matching file names', () => {
    const ids = rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule id');
    for (const id of ids) {
      assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      assert.ok(existsSync(join(root, 'src/engine/rules', `${id}.ts`)), `src/engine/rules/${id}.ts`);
    }
  });

  it('lists every rule file', () => {
    const files = readdirSync(join(root, 'src/engine/rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    assert.deepEqual(files.map((f) => f.slice(0, -3)).sort(), rules.map((r) => r.id).sort());
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      it('has a docs page', () => {
        const page = join(root, 'docs/rules', `${rule.id}.md`);
        assert.ok(existsSync(page), `docs/rules/${rule.id}.md`);
        assert.match(readFileSync(page, 'utf8'), new RegExp(`^# ${rule.id}\\b`));
      });

      it('has a description, an explanation and option texts in English and French', () => {
        for (const locale of ['en', 'fr'] as const) {
          for (const key of [`rule.${rule.id}.description`, `rule.${rule.id}.why`, ...Object.keys(rule.options ?? {}).map((o) => `option.${rule.id}.${o}`)]) {
            assert.ok(hasMessage(locale, key), `${locale}: ${key}`);
          }
        }
      });

      it('has fixtures, with a fix among them when fixable', () => {
        const dir = join(root, 'test/fixtures', rule.id);
        assert.ok(existsSync(dir), `test/fixtures/${rule.id}/`);
        const goldens = readdirSync(dir).filter((f) => f.endsWith('.findings.json'));
        assert.ok(goldens.length > 0, 'no fixture');
        const hits = goldens.map((g) => JSON.parse(readFileSync(join(dir, g), 'utf8')) as Array<{ fixes: string[]; suggestions: string[] }>);
        assert.ok(hits.some((h) => h.length > 0), 'no fixture shows a hit');
        assert.ok(hits.some((h) => h.length === 0), 'no fixture shows a near miss');
        if (rule.fixable) assert.ok(hits.some((h) => h.some((f) => f.fixes.length > 0)), 'fixable rule without a fix in its fixtures');
        if (rule.hasSuggestions) assert.ok(hits.some((h) => h.some((f) => f.suggestions.length > 0)), 'rule with suggestions without one in its fixtures');
        if (!rule.fixable) assert.ok(!hits.some((h) => h.some((f) => f.fixes.length > 0)), 'a rule not marked fixable has a fix in its fixtures');
      });

      it('has a positive weight and a valid default severity', () => {
        assert.ok(rule.weight >= 0);
        assert.ok(['error', 'warning', 'info'].includes(rule.defaultSeverity));
      });
    });
  }
});

describe('message catalogues', () => {
  it('have the same keys in English and French', () => {
    const en = new Set(messageKeys('en'));
    const fr = new Set(messageKeys('fr'));
    assert.deepEqual([...en].filter((k) => !fr.has(k)), [], 'missing in French');
    assert.deepEqual([...fr].filter((k) => !en.has(k)), [], 'missing in English');
  });

  it('use the same placeholders in both languages', () => {
    for (const key of messageKeys('en')) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const { en } = require('../../src/engine/messages/en');
      const { fr } = require('../../src/engine/messages/fr');
      assert.deepEqual(names(fr[key]), names(en[key]), key);
    }
  });

  it('follow the house style: no trailing period, no "Error:" prefix in finding messages', () => {
    const { en } = require('../../src/engine/messages/en');
    for (const [key, text] of Object.entries(en as Record<string, string>)) {
      if (key.startsWith('rule.') || key.startsWith('option.')) continue;
      assert.doesNotMatch(text, /\.$/, key);
      assert.doesNotMatch(text, /^(Error|Warning):/i, key);
    }
  });
});

describe('engine purity', () => {
  it('imports neither vscode nor Node modules', () => {
    const files: string[] = [];
    (function walk(dir: string) {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith('.ts')) files.push(join(dir, e.name));
      }
    })(join(root, 'src/engine'));
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      assert.doesNotMatch(src, /from ['"](vscode|node:[\w/]+|fs|path|os|dns|net|tls|child_process|crypto|buffer)['"]/, f);
      assert.doesNotMatch(src, /\brequire\(/, f);
    }
  });
});
