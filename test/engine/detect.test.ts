// "Is this an email?": the example drafts, the rule fixtures and the shared corpus's templates
// look like email; real and typical web-application templates look like web pages.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { findCorpus } from '../../scripts/corpus-dir';
import { detectDraft, signalList } from '../../src/engine/detect';
import { translate } from '../../src/engine/i18n';

const root = join(__dirname, '..', '..');
const DRAFT = /\.(html?|txt|eml|mjml|hbs|handlebars|liquid|ejs)$/i;

function drafts(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? drafts(p) : DRAFT.test(n) ? [p] : [];
  });
}

const verdict = (path: string) => detectDraft(readFileSync(path, 'utf8'), path).verdict;

describe('detectDraft', () => {
  it('takes all four example drafts for email (what F5 opens)', () => {
    const files = drafts(join(root, 'examples'));
    assert.equal(files.length, 4);
    for (const f of files) assert.equal(verdict(f), 'email', relative(root, f));
  });

  it('takes every web-application template of test/fixtures-web for a web page', () => {
    const files = drafts(join(root, 'test/fixtures-web'));
    assert.ok(files.length >= 8);
    for (const f of files) assert.equal(verdict(f), 'web', relative(root, f));
  });

  it('takes no rule fixture for a web page, except the draft that loads scripts on purpose', () => {
    const web = drafts(join(root, 'test/fixtures')).filter((f) => verdict(f) === 'web').map((f) => relative(root, f));
    assert.deepEqual(web, ['test/fixtures/html-script/en-scripts.html']);
  });

  it('decides alone for .eml, .mjml, MJML markup and the <!-- mailproof --> marker', () => {
    const page = '<script src="app.js"></script>{% extends "base.html" %}';
    assert.equal(detectDraft(page, 'x.eml').verdict, 'email');
    assert.equal(detectDraft(page, 'x.mjml').verdict, 'email');
    assert.equal(detectDraft(`<!-- mailproof -->${page}`, 'x.html').verdict, 'email');
    assert.equal(detectDraft(`<mjml><mj-body></mj-body></mjml>${page}`, 'x.html').verdict, 'email');
    assert.equal(detectDraft(page, 'x.html').verdict, 'web');
  });

  it('weighs email layout against web signals', () => {
    const email = '<table role="presentation" width="600" cellpadding="0"><tr><td><!--[if mso]><![endif]-->Hi *|FNAME|*,</td></tr></table>';
    assert.equal(detectDraft(email, 'a.html').verdict, 'email');
    assert.equal(detectDraft('<p>Hello</p>', 'a.html').verdict, 'unknown');
    assert.equal(detectDraft('<h1>{{title}}</h1>', 'a.hbs').verdict, 'web');
    assert.equal(detectDraft('<p>Hello {{first_name}},</p>', 'a.hbs').verdict, 'email');
  });

  it('explains a verdict with its signals, in both languages', () => {
    const v = detectDraft(readFileSync(join(root, 'test/fixtures-web/own/templates/dashboard.html'), 'utf8'), 'dashboard.html');
    assert.equal(translate('en', 'detect.web', { signals: signalList(v, (k) => translate('en', k)) }).split(';')[0], 'not linted: looks like a web page (web-framework layout blocks, script src)');
    assert.match(translate('fr', 'detect.web', { signals: signalList(v, (k) => translate('fr', k)) }), /^non analysé : ressemble à une page web \(des blocs de gabarit d’un framework web, script src\)/);
  });

  const corpus = findCorpus(root);
  it('takes no legitimate template of the shared corpus for a web page', { skip: !corpus && 'no shared corpus' }, () => {
    const web = drafts(join(corpus!, 'templates')).filter((f) => verdict(f) === 'web');
    assert.deepEqual(web, []);
  });
});
