// Real templates from the shared corpus (../shared/corpus/templates): legitimate mail must not get
// an error-severity finding, and the known real problems must be found. CI clones the repository
// alone, so the suite skips when the corpus is not there.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lint } from '../../src/engine/lint';
import type { Finding } from '../../src/engine/types';
import { findCorpus } from '../../scripts/corpus-dir';

const corpus = findCorpus(join(__dirname, '..', '..'));
const skip = corpus ? false : 'no shared corpus next to the repository (../shared/corpus); set MAILPROOF_CORPUS to run';

// caniemail.com feature-test pages: edge cases on purpose, not campaigns.
const FEATURE_PAGE = /^caniemail-test__/;

function lintTemplates(): Map<string, Finding[]> {
  const dir = join(corpus!, 'templates');
  const out = new Map<string, Finding[]>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
    out.set(name, lint(readFileSync(join(dir, name), 'utf8'), { fileName: join(dir, name) }).findings);
  }
  return out;
}

describe('corpus: real templates', { skip }, () => {
  const results = corpus ? lintTemplates() : new Map<string, Finding[]>();
  const ruleHits = (file: string, ruleId: string) => (results.get(file) ?? []).filter((f) => f.ruleId === ruleId);

  it('lints every template', () => {
    assert.ok(results.size >= 40, `only ${results.size} templates found`);
  });

  it('gives no error-severity finding on real templates', () => {
    const errors = [...results].filter(([name]) => !FEATURE_PAGE.test(name)).flatMap(([name, list]) => list.filter((f) => f.severity === 'error').map((f) => `${name}: ${f.ruleId} ${f.message}`));
    assert.deepEqual(errors, []);
  });

  it('flags the feature pages only for plugin content', () => {
    // The AMP page's only script is the AMP runtime, which an AMP email must load.
    const errors = [...results].filter(([name]) => FEATURE_PAGE.test(name)).flatMap(([, list]) => list.filter((f) => f.severity === 'error').map((f) => f.ruleId));
    assert.deepEqual([...new Set(errors)].sort(), ['html-embed']);
  });

  it("finds konsav's 1×1 tracking pixels", () => {
    for (const name of ['konsav__general.html', 'konsav__promotional.html', 'konsav__explorational.html']) {
      const hits = ruleHits(name, 'tracking-pixel');
      assert.equal(hits.length, 1, name);
      assert.match(hits[0].message, /\(1×1 px\)/);
    }
  });

  it('finds the form, object and script of the caniemail pages', () => {
    assert.ok(ruleHits('caniemail-test__html-forms.html', 'html-form').length >= 2);
    assert.ok(ruleHits('caniemail-test__html-forms-attributes.html', 'html-form').length >= 1);
    assert.equal(ruleHits('caniemail-test__html-object.html', 'html-embed').length, 3);
    assert.equal(ruleHits('caniemail-test__amp.html', 'html-script').length, 0, 'the AMP runtime of an AMP email is allowed');
  });

  it('finds the image-heavy SendGrid special sale', () => {
    const [f] = ruleHits('sendgrid__dynamic-templates_special-sale_special_sale.html', 'image-ratio');
    assert.ok(f, 'no image-ratio finding');
    assert.ok(Number(f.data?.needed) > 2 * Number(f.data?.chars), `${f.data?.chars} characters for ${f.data?.needed} needed`);
  });
});
