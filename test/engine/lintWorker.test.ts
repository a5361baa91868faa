// The lint worker (dist/lintWorker.js, what the extension uses for large drafts and the CLI for
// many files) against the same request served in this thread, in the same run: findings, score,
// the facts code actions read, and fix-all's text must be identical. Also the snapshot against
// the full lint run it replaces in the editor.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { disableFixes } from '../../src/engine/directives';
import { translate } from '../../src/engine/i18n';
import { lint } from '../../src/engine/lint';
import { LineIndex } from '../../src/engine/position';
import { factHeader, snapshotOf } from '../../src/engine/snapshot';
import { LintPool } from '../../src/node/lintPool';
import type { LintRequest } from '../../src/node/lintProtocol';
import { serveLint } from '../../src/node/lintService';
import { newsletter } from '../../scripts/newsletter';
import { buildModel } from '../../src/engine/parse/index';
import { findGrammalecte, startGrammalecte } from '../../src/grammar/grammalecte';
import { checkGrammar } from '../../src/grammar/index';
import { loadSpeller } from '../../src/spelling/index';

const root = join(__dirname, '..', '..');
const script = join(root, 'dist', 'lintWorker.js');
const fixtures = join(root, 'test', 'fixtures');

function drafts(): string[] {
  const out: string[] = [];
  for (const rule of readdirSync(fixtures)) {
    for (const f of readdirSync(join(fixtures, rule))) if (/\.(html|txt|eml|mjml)$/.test(f)) out.push(join(fixtures, rule, f));
  }
  return out.sort();
}

describe('lint worker', { skip: !existsSync(script) && 'dist/lintWorker.js is missing: run npm run build' }, () => {
  const pool = new LintPool(script, 2);
  after(() => pool.close());

  it('answers every fixture as this thread does, fixes included', async () => {
    const files = drafts();
    assert.ok(files.length > 40);
    const requests: LintRequest[] = files.map((path, i) => ({
      text: readFileSync(path, 'utf8'),
      options: { fileName: path, locale: i % 2 ? 'fr' : 'en', localFiles: true },
      // Fixes only, fixes and suggestions, or no fixing.
      fix: i % 3 === 0 ? { write: true } : i % 3 === 1 ? { write: true, types: ['fix', 'suggestion'] } : undefined,
    }));
    const answers = await Promise.all(requests.map((r) => pool.lint(r)));
    let fixed = 0;
    requests.forEach((r, i) => {
      const here = serveLint(r);
      assert.deepEqual(answers[i], here, files[i]);
      if (here.fixed?.count) fixed++;
    });
    assert.ok(fixed > 3, `${fixed} fixtures were fixed`);
  });

  it('answers lints sent several at a time to each worker (the CLI pool), each with its own answer', async () => {
    const deep = new LintPool(script, 2, false, 3);
    try {
      const files = drafts();
      // French drafts wait for Grammalecte in the worker while the next lints run: answers may come out of order.
      const requests: LintRequest[] = files.map((path, i) => ({ text: readFileSync(path, 'utf8'), options: { fileName: path, localFiles: true, spelling: i % 4 === 0, grammar: i % 3 === 0 ? {} : undefined } }));
      const answers = await Promise.all(requests.map((r) => deep.lint(r)));
      const speller = await loadSpeller();
      answers.forEach((a, i) => {
        const here = serveLint({ ...requests[i], options: { ...requests[i].options, grammar: undefined } }, speller);
        const rules = (r: typeof a) => r!.snapshot.findings.filter((f) => f.ruleId !== 'grammar').map((f) => `${f.ruleId} ${f.start}`);
        assert.deepEqual(rules(a), rules(here), files[i]);
      });
    } finally {
      await deep.close();
    }
  });

  it('lints a 2 MB newsletter off this thread with the same findings', async () => {
    const text = newsletter(2_000_000);
    const request: LintRequest = { text, options: { kind: 'html' } };
    const answer = await pool.lint(request);
    assert.ok(answer!.snapshot.findings.length > 0);
    assert.deepEqual(answer, serveLint(request));
  });

  it('checks spelling with its own speller and grammar with its own Grammalecte when asked, as this thread does', async () => {
    const text = 'Bonjour,\n\nIl faut que tu vienne à la boutiqe. Les offre sont valables.\n';
    const options: LintRequest['options'] = { kind: 'text', config: { language: 'fr' }, locale: 'en' };
    const plain = await pool.lint({ text, options });
    const checked = await pool.lint({ text, options: { ...options, spelling: true, grammar: {} } });
    const rules = (r: typeof plain) => r!.snapshot.findings.map((f) => `${f.ruleId} ${text.slice(f.start, f.end)}`);
    assert.ok(!rules(plain).some((f) => f.startsWith('spelling') || f.startsWith('grammar')), 'without the flags, no language checks');
    assert.ok(rules(checked).includes('spelling boutiqe'), rules(checked).join(', '));
    const speller = await loadSpeller();
    const python = findGrammalecte();
    const g = python ? await startGrammalecte(python) : undefined;
    try {
      const grammar = g ? await checkGrammar(buildModel(text, 'text'), [g], 'fr') : undefined;
      if (g) assert.ok(rules(checked).includes('grammar vienne'), rules(checked).join(', '));
      assert.deepEqual(checked, serveLint({ text, options: { ...options, spelling: true, grammar: {} } }, speller, grammar));
    } finally {
      g?.close();
    }
  });

  it('drops a queued lint that a newer one of the same document replaces', async () => {
    const one = new LintPool(script, 1);
    try {
      const busy = one.lint({ text: newsletter(300_000), options: { kind: 'html' } }, 'a');
      const stale = one.lint({ text: 'FREE!!!', options: { kind: 'text' } }, 'b');
      const fresh = one.lint({ text: 'FREE!!! Act now', options: { kind: 'text' } }, 'b');
      assert.ok(await busy, 'a started lint finishes');
      assert.equal(await stale, undefined);
      assert.ok((await fresh)!.snapshot.findings.length > 0);
    } finally {
      await one.close();
    }
  });

  it('fails a lint whose worker cannot start', async () => {
    const broken = new LintPool(join(root, 'test', 'no-such-worker.js'), 1);
    await assert.rejects(broken.lint({ text: 'x', options: {} }));
    await broken.close();
  });

  it('fails every lint sent to a worker that cannot start', async () => {
    const broken = new LintPool(join(root, 'test', 'no-such-worker.js'), 1, false, 3);
    const lints = [1, 2, 3, 4].map(() => broken.lint({ text: 'x', options: {} }));
    for (const l of lints) await assert.rejects(l);
    await broken.close();
  });
});

describe('lint snapshot', () => {
  it('offers the same disable fixes as the full run, with the document text', () => {
    for (const path of drafts()) {
      const text = readFileSync(path, 'utf8');
      const run = lint(text, { fileName: path });
      const snap = snapshotOf(run);
      const t = (k: string, p?: Record<string, string | number>) => translate('en', k, p);
      for (const f of run.findings.slice(0, 3)) {
        assert.deepEqual(disableFixes({ ...snap.facts, source: text }, new LineIndex(text), f.ruleId, f.start, t), disableFixes(run.model, run.lines, f.ruleId, f.start, t), path);
      }
      assert.equal(factHeader(snap.facts, 'From')?.value, run.model.header('from')?.value);
      assert.deepEqual(snap.findings, run.findings);
    }
  });

  it('keeps a small fraction of a 3 MB draft', () => {
    const text = newsletter(3 * 1024 * 1024);
    const snap = snapshotOf(lint(text, { kind: 'html' }));
    // A structured clone measures what the editor keeps (no model, no source).
    const kept = JSON.stringify(snap).length;
    assert.ok(kept < text.length, `${kept} characters kept for ${text.length}`);
    assert.ok(snap.facts.linkedHosts.length > 0);
  });
});
