// The CLI as users run it: the built dist/cli.js in a child process. Outputs are compared with
// golden files (UPDATE_GOLDEN=1 rewrites them); exit codes follow the contract 0/1/2.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const fixtures = 'test/cli/fixtures';
const golden = join(__dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const tmp = mkdtempSync(join(tmpdir(), 'mailproof-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function matchGolden(name: string, actual: string) {
  const path = join(golden, name);
  // The tool version changes with releases; it is not part of the contract under test.
  const normalized = actual.split(`"version": "${version}"`).join('"version": "X.Y.Z"');
  if (update) writeFileSync(path, normalized);
  assert.ok(existsSync(path), `missing golden ${name}; run UPDATE_GOLDEN=1`);
  assert.equal(normalized, readFileSync(path, 'utf8'));
}

describe('mailproof lint', { skip: !existsSync(cli) && 'dist/cli.js is missing: run npm run build' }, () => {
  for (const format of ['text', 'json', 'sarif']) {
    it(`prints ${format} output`, () => {
      const r = run(['lint', '--format', format, '--locale', 'en', `${fixtures}/promo-fr.html`, `${fixtures}/clean.txt`]);
      assert.equal(r.code, 0, r.stderr);
      matchGolden(`lint.${format === 'sarif' ? 'sarif.json' : format === 'json' ? 'json' : 'txt'}`, r.stdout);
    });
  }

  it('prints French messages with --locale fr', () => {
    const r = run(['lint', '--locale', 'fr', `${fixtures}/promo-fr.html`]);
    assert.equal(r.code, 0);
    matchGolden('lint.fr.txt', r.stdout);
  });

  it('follows LANG when no --locale is given', () => {
    const r = run(['lint', `${fixtures}/clean.txt`], { LANG: 'fr_FR.UTF-8' });
    assert.match(r.stdout, /^1 fichier vérifié : 0 erreur, 0 avertissement, 0 info$/m);
  });

  it('exits 1 when a finding has error severity (--config)', () => {
    const r = run(['lint', '--config', `${fixtures}/strict.json`, '--format', 'json', `${fixtures}/promo-fr.html`]);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.stdout);
    const f = json.results[0].findings.find((x: { ruleId: string }) => x.ruleId === 'exclamation');
    assert.equal(f.severity, 'error');
    assert.equal(json.results[0].findings.filter((x: { ruleId: string }) => x.ruleId === 'emoji').length, 1, 'maxInBody 5 keeps only the run finding');
  });

  it('exits 1 with --fail-on-score when a draft reaches the score or is likely spam', () => {
    const json = JSON.parse(run(['lint', '--format', 'json', `${fixtures}/promo-fr.html`, `${fixtures}/clean.txt`]).stdout);
    const [promo, clean] = json.results as Array<{ score: number; likelySpam: boolean; spamProbability: number; mailType: string }>;
    assert.ok(promo.score > clean.score, `${promo.score} > ${clean.score}`);
    assert.equal(run(['lint', '--fail-on-score', String(promo.score), `${fixtures}/promo-fr.html`]).code, 1);
    assert.equal(run(['lint', '--fail-on-score', (Math.min(10, promo.score + 0.1)).toFixed(1), `${fixtures}/promo-fr.html`]).code, 0);
    assert.equal(run(['lint', '--fail-on-score', 'likelySpam', `${fixtures}/promo-fr.html`]).code, promo.likelySpam ? 1 : 0);
    assert.equal(run(['lint', '--fail-on-score', 'likelySpam', `${fixtures}/clean.txt`]).code, clean.likelySpam ? 1 : 0);
    const bad = run(['lint', '--fail-on-score', 'high', `${fixtures}/clean.txt`]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /invalid --fail-on-score “high”/);
  });

  it('exits 2 with one clear line for bad usage and unreadable input', () => {
    const cases: Array<[string[], RegExp]> = [
      [['lint'], /no files given/],
      [['lint', '--format', 'xml', 'x.html'], /unknown format “xml”/],
      [['lint', '--bogus', 'x.html'], /unknown option “--bogus”/],
      [['lint', 'does-not-exist.html'], /does-not-exist.html: no such file or directory/],
      [['frobnicate'], /unknown command “frobnicate”/],
      [['lint', '--locale', 'de', 'x'], /unknown locale “de”/],
      [['lint', '--config', `${fixtures}/broken.json`, `${fixtures}/clean.txt`], /broken.json: not valid JSON/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /\bat .*:\d+:\d+/, 'no stack trace');
    }
  });

  it('reports binary files and keeps linting the others', () => {
    const bin = join(tmp, 'logo.html');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const r = run(['lint', bin, `${fixtures}/clean.txt`]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /logo.html: binary file, not linted/);
    assert.match(r.stdout, /^1 file checked: 0 errors, 0 warnings, 0 info$/m);
  });

  it('lints empty files, invalid UTF-8 and UTF-16 with a BOM', () => {
    const empty = join(tmp, 'empty.html');
    writeFileSync(empty, '');
    const latin1 = join(tmp, 'latin1.txt');
    writeFileSync(latin1, Buffer.from('Offre GRATUITE pour vous, \xe9t\xe9 !!!', 'latin1'));
    const utf16 = join(tmp, 'utf16.txt');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Livraison sans frais !!!', 'utf16le')]));
    const r = run(['lint', '--format', 'json', empty, latin1, utf16]);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(json.results[0].findings, []);
    assert.ok(json.results[1].findings.some((f: { ruleId: string }) => f.ruleId === 'exclamation'));
    const u = json.results[2].findings.find((f: { ruleId: string }) => f.ruleId === 'spam-phrase');
    assert.equal(u.column, 11, 'columns count characters after the BOM');
  });

  it('applies only the safe fixes with --fix and writes the file', () => {
    const file = join(tmp, 'promo.html');
    copyFileSync(join(root, fixtures, 'promo-fr.html'), file);
    const r = run(['lint', '--fix', '--locale', 'en', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /promo.html: 2 fixes applied/);
    matchGolden('promo-fr.fixed.html', readFileSync(file, 'utf8'));
    // Finding lines end with the rule id (the score's breakdown may still count the one emoji left).
    assert.doesNotMatch(r.stdout, /\s(?:exclamation|emoji)$/m, 'what was fixed is no longer reported');
    // Rewordings are suggestions: the writer's words stay as written.
    assert.match(r.stdout, /all-caps/);
    assert.match(readFileSync(file, 'utf8'), /Offre exceptionnelle/);
  });

  it('lints a file named twice once, and fixes a file reached by two names once', () => {
    const dir = join(tmp, 'twice');
    mkdirSync(dir);
    const file = join(dir, 'twice.html');
    copyFileSync(join(root, fixtures, 'promo-fr.html'), file);
    const json = JSON.parse(run(['lint', '--format', 'json', file, dir, file]).stdout);
    assert.deepEqual(json.results.map((r: { file: string }) => r.file), [file]);
    // Through a link, the second name reads the file as the first fix left it.
    const link = join(dir, 'twice-link.html');
    symlinkSync(file, link);
    const r = run(['lint', '--fix', '--locale', 'en', file, link]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr.match(/fixes? applied/g)?.length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /changed/);
    matchGolden('promo-fr.fixed.html', readFileSync(file, 'utf8'));
  });

  it('applies suggestions only with --fix-type suggestion', () => {
    const file = join(tmp, 'promo-suggest.html');
    copyFileSync(join(root, fixtures, 'promo-fr.html'), file);
    const r = run(['lint', '--fix', '--fix-type', 'fix,suggestion', '--locale', 'en', file]);
    assert.equal(r.code, 0, r.stderr);
    matchGolden('promo-fr.suggested.html', readFileSync(file, 'utf8'));
    assert.doesNotMatch(r.stdout, /spam-phrase|all-caps/);
  });

  it('prints a unified diff with --fix-dry-run and writes nothing', () => {
    const file = join(tmp, 'promo-dry.html');
    copyFileSync(join(root, fixtures, 'promo-fr.html'), file);
    const before = readFileSync(file, 'utf8');
    const r = run(['lint', '--fix-dry-run', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.match(r.stdout, /^--- .*promo-dry\.html\n\+\+\+ .*promo-dry\.html\n@@ -1,7 \+1,7 @@$/m);
    assert.match(r.stdout, /^-  <p>Offre exceptionnelle : livraison <b>sans<\/b> frais !!!<\/p>$/m);
    assert.match(r.stdout, /^\+  <p>Offre exceptionnelle : livraison <b>sans<\/b> frais !<\/p>$/m);
    assert.doesNotMatch(r.stdout, /Offre du moment|Commandez vite/, 'suggestions are not in the diff');
  });

  it('rejects --fix-type without --fix and unknown fix types', () => {
    assert.match(run(['lint', '--fix-type', 'suggestion', `${fixtures}/clean.txt`]).stderr, /--fix-type needs --fix or --fix-dry-run/);
    assert.match(run(['lint', '--fix', '--fix-type', 'layout', `${fixtures}/clean.txt`]).stderr, /unknown fix type “layout”/);
  });

  it('exits 1 past --max-warnings, counting warnings that --quiet hides', () => {
    const file = `${fixtures}/promo-fr.html`;
    assert.equal(run(['lint', '--max-warnings', '7', file]).code, 0);
    const r = run(['lint', '--max-warnings', '6', '--quiet', file]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /7 warnings found; --max-warnings allows 6/);
    assert.match(run(['lint', '--max-warnings', '-1', file]).stderr, /--max-warnings needs a whole number/);
  });

  it('keeps the summary consistent with --min-severity and --quiet', () => {
    const r = run(['lint', '--min-severity', 'error', `${fixtures}/promo-fr.html`]);
    assert.match(r.stdout, /^1 file checked: 0 errors, 0 warnings, 0 info$/m);
    assert.match(r.stdout, /^7 findings below error not shown$/m);
    const fr = run(['lint', '--quiet', '--locale', 'fr', `${fixtures}/promo-fr.html`]);
    assert.match(fr.stdout, /^7 problèmes sous le niveau error non affichés$/m);
    assert.match(run(['lint', '--min-severity', 'fatal', `${fixtures}/promo-fr.html`]).stderr, /unknown severity “fatal”/);
  });

  it('refuses to rewrite a file that is not valid UTF-8', () => {
    const file = join(tmp, 'latin1-fix.txt');
    const bytes = Buffer.from('Vite !!! \xe9t\xe9', 'latin1');
    writeFileSync(file, bytes);
    const r = run(['lint', '--fix', file]);
    assert.match(r.stderr, /not fixed, the file is not valid UTF-8/);
    assert.deepEqual(readFileSync(file), bytes);
  });

  it('lints every draft of a folder', () => {
    const r = run(['lint', '--format', 'json', fixtures]);
    const files = JSON.parse(r.stdout).results.map((x: { file: string }) => x.file);
    assert.deepEqual(files, [`${fixtures}/clean.txt`, `${fixtures}/promo-fr.html`]);
  });

  it('leaves web-application templates alone in a folder and says why', () => {
    const r = run(['lint', '--format', 'json', 'test/fixtures-web']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).results, []);
    assert.match(r.stderr, /dashboard\.html: not linted: looks like a web page \(web-framework layout blocks, script src\)/);
    // The walk takes the Handlebars views and the HTML page; .ejs is not a draft extension.
    assert.equal(r.stderr.trim().split('\n').length, 8, r.stderr);
  });

  it('lints every example draft of a folder', () => {
    const r = run(['lint', '--format', 'json', 'examples']);
    assert.deepEqual(
      JSON.parse(r.stdout).results.map((x: { file: string }) => x.file),
      ['examples/bienvenue-fr.txt', 'examples/lettre-fr.eml', 'examples/newsletter-en.html', 'examples/promo-fr.html'],
    );
  });

  it('skips files of .mailproofignore and of the ignore list, and lints alwaysLint files whatever they look like', () => {
    const dir = join(tmp, 'project');
    mkdirSync(join(dir, 'emails', 'old'), { recursive: true });
    mkdirSync(join(dir, 'web'), { recursive: true });
    for (const name of ['emails/a.html', 'emails/old/b.html', 'emails/c.html']) copyFileSync(join(root, fixtures, 'promo-fr.html'), join(dir, name));
    copyFileSync(join(root, 'test/fixtures-web/own/templates/dashboard.html'), join(dir, 'web/page.html'));
    copyFileSync(join(root, 'test/fixtures-web/own/templates/dashboard.html'), join(dir, 'web/mail-like.html'));
    writeFileSync(join(dir, '.mailproofignore'), '# old campaigns\nold/\n');
    writeFileSync(join(dir, '.mailproofrc.json'), JSON.stringify({ ignore: ['emails/c.html'], alwaysLint: ['web/mail-*.html'] }));
    const r = run(['lint', '--format', 'json', dir]);
    const files = JSON.parse(r.stdout).results.map((x: { file: string }) => relative(dir, x.file));
    assert.deepEqual(files, ['emails/a.html', 'web/mail-like.html']);
    assert.match(r.stderr, /page\.html: not linted: looks like a web page/);
    assert.doesNotMatch(r.stderr, /b\.html|c\.html/, 'ignored files are skipped quietly');
  });
});

