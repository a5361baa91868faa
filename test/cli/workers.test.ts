// The CLI's worker pool against its in-thread loop, in the same run: the built dist/cli.js with
// MAILPROOF_WORKERS=1 and 2 must print exactly what MAILPROOF_WORKERS=0 prints (stdout, stderr, exit
// code, and with --fix the rewritten files), on the rule fixtures and the shared corpus's
// templates. No golden output: other changes alter findings on purpose, both sides alike.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { workerCount } from '../../src/cli/lint';
import { findCorpus } from '../../scripts/corpus-dir';
import { findGrammalecte } from '../../src/grammar/grammalecte';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const corpus = findCorpus(root);
const tmp = mkdtempSync(join(tmpdir(), 'mailproof-workers-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], workers: number, cwd = root, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C', MAILPROOF_WORKERS: String(workers), ...env }, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// With one worker this thread reads the files, with two the workers do: both against none.
function sameBothWays(args: string[], cwd = root) {
  const plain = run(args, 0, cwd);
  for (const workers of [1, 2]) {
    const pooled = run(args, workers, cwd);
    assert.equal(pooled.code, plain.code, `exit code, ${workers} workers`);
    assert.equal(pooled.stderr, plain.stderr, `stderr, ${workers} workers`);
    assert.equal(pooled.stdout, plain.stdout, `stdout, ${workers} workers`);
  }
  return plain;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out.sort();
}

describe('mailproof lint in worker threads', { skip: !existsSync(cli) && 'dist/cli.js is missing: run npm run build' }, () => {
  for (const format of ['text', 'json', 'sarif']) {
    it(`prints the same ${format} output as in one thread on the rule fixtures`, () => {
      const r = sameBothWays(['lint', '--format', format, 'test/fixtures', 'test/cli/fixtures']);
      assert.ok(r.stdout.length > 1000, 'the fixtures produce findings');
    });
  }

  it('keeps the order and the text of messages: unreadable files, bad configurations, --quiet', () => {
    const dir = join(tmp, 'messages');
    mkdirSync(join(dir, 'a'), { recursive: true });
    mkdirSync(join(dir, 'b'), { recursive: true });
    writeFileSync(join(dir, 'a', '.mailproofrc.json'), '{ "rules": { "no-such-rule": "off", "exclamation": "error" } }');
    writeFileSync(join(dir, 'b', '.mailproofrc.json'), '{ broken');
    for (let i = 0; i < 12; i++) {
      writeFileSync(join(dir, 'a', `d${i}.txt`), `Hello!!! Draft ${i}, FREE offer, act now.\n`);
      writeFileSync(join(dir, 'b', `d${i}.txt`), `Bonjour, brouillon ${i} 🎉🎉🎉🎉\n`);
    }
    writeFileSync(join(dir, 'a', 'binary.txt'), Buffer.from([0, 1, 2, 3, 0]));
    const r = sameBothWays(['lint', '--quiet', join(dir, 'a'), 'missing.html', join(dir, 'b')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing\.html/);
    assert.match(r.stderr, /no-such-rule/);
  });

  it('reads and sorts the files in the workers: ignored, always linted and web-page files, a configuration said with the first draft read', () => {
    const dir = join(tmp, 'decisions');
    mkdirSync(join(dir, 'web'), { recursive: true });
    mkdirSync(join(dir, 'old'), { recursive: true });
    const page = readFileSync(join(root, 'test/fixtures-web/own/templates/dashboard.html'));
    writeFileSync(join(dir, 'web', 'page.html'), page);
    writeFileSync(join(dir, 'web', 'mail-like.html'), page);
    writeFileSync(join(dir, '.mailproofignore'), 'old/\n');
    writeFileSync(join(dir, 'old', 'a.txt'), 'FREE!!! act now\n');
    // Ignored, but cannot be read: said all the same, as in one thread.
    writeFileSync(join(dir, 'old', 'b.txt'), Buffer.from([0, 1, 2, 0]));
    // The first draft under this configuration cannot be read: its problem is said with the next one.
    writeFileSync(join(dir, '.mailproofrc.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' }, ignore: ['skip-*.txt'], alwaysLint: ['web/mail-*.html'] }));
    writeFileSync(join(dir, 'a-binary.txt'), Buffer.from([0, 1, 2, 0]));
    for (let i = 0; i < 12; i++) writeFileSync(join(dir, `d${i}.txt`), `Hello!!! Draft ${i}, FREE offer.\n`);
    writeFileSync(join(dir, 'skip-me.txt'), 'FREE!!!\n');
    const r = sameBothWays(['lint', '--format', 'json', dir]);
    assert.equal(r.code, 2);
    const lines = r.stderr.split('\n').filter(Boolean);
    assert.match(lines[0], /a-binary\.txt/);
    assert.match(lines[1], /no-such-rule/);
    assert.equal(lines.filter((l) => /old\/b\.txt/.test(l)).length, 1, r.stderr);
    assert.match(r.stderr, /page\.html: not linted: looks like a web page/);
    const files = JSON.parse(r.stdout).results.map((x: { file: string }) => x.file.slice(dir.length + 1));
    assert.ok(files.includes('web/mail-like.html') && !files.includes('web/page.html') && !files.includes('skip-me.txt') && !files.includes('old/a.txt'), files.join(' '));
    assert.equal(files.length, 13);
  });

  it('prints the same diffs with --fix-dry-run, suggestions included, and the same --min-severity and --max-warnings results', () => {
    const diff = sameBothWays(['lint', '--fix-dry-run', '--fix-type', 'fix,suggestion', 'test/fixtures']);
    assert.match(diff.stdout, /^--- /m);
    const capped = sameBothWays(['lint', '--min-severity', 'warning', '--max-warnings', '3', 'test/fixtures']);
    assert.equal(capped.code, 1);
  });

  it('fixes the same files the same way with --fix', () => {
    const one = join(tmp, 'fix-0');
    cpSync(join(root, 'test', 'fixtures'), one, { recursive: true });
    const plain = run(['lint', '--fix', '--format', 'json', '.'], 0, one);
    assert.match(plain.stderr, /fixes applied/, 'some fixture was fixed');
    const files = filesUnder(one).map((f) => f.slice(one.length));
    for (const workers of [1, 2]) {
      const two = join(tmp, `fix-${workers}`);
      cpSync(join(root, 'test', 'fixtures'), two, { recursive: true });
      const pooled = run(['lint', '--fix', '--format', 'json', '.'], workers, two);
      assert.equal(pooled.code, plain.code);
      assert.equal(pooled.stdout, plain.stdout);
      assert.equal(pooled.stderr, plain.stderr);
      assert.deepEqual(filesUnder(two).map((f) => f.slice(two.length)), files);
      for (const f of files) assert.equal(readFileSync(join(two, f), 'utf8'), readFileSync(join(one, f), 'utf8'), `${f}, ${workers} workers`);
    }
  });

  it('checks spelling and grammar in the workers: the same output with 0, 1 and 2 workers, messages in place', () => {
    const dir = join(tmp, 'language');
    mkdirSync(join(dir, 'fr'), { recursive: true });
    mkdirSync(join(dir, 'en'), { recursive: true });
    writeFileSync(join(dir, 'fr', '.mailproofrc.json'), '{ "language": "fr" }');
    for (let i = 0; i < 10; i++) {
      writeFileSync(join(dir, 'en', `d${i}.txt`), `Hello,\n\nOur shopp opens on Munday ${i}. Thank you for you're order.\n`);
      writeFileSync(join(dir, 'fr', `d${i}.txt`), `Bonjour,\n\nIl faut que tu vienne à la boutiqe ${i}. Les offre sont valables.\n`);
    }
    // A LanguageTool address that cannot be used: said once, at the first draft checked.
    const env = { MAILPROOF_LANGUAGETOOL_URL: 'file:///etc/passwd' };
    const args = ['lint', '--format', 'json', join(dir, 'en'), 'missing.txt', join(dir, 'fr')];
    const [plain, one, two] = [0, 1, 2].map((w) => run(args, w, root, env));
    for (const pooled of [one, two]) {
      assert.equal(pooled.code, plain.code, 'exit code');
      assert.equal(pooled.stderr, plain.stderr, 'stderr');
      assert.equal(pooled.stdout, plain.stdout, 'stdout');
    }
    const findings: Array<{ ruleId: string; message: string }> = JSON.parse(plain.stdout).results.flatMap((r: { findings: unknown[] }) => r.findings);
    const spellingMessages = findings.filter((f) => f.ruleId === 'spelling').map((f) => f.message);
    for (const word of ['shopp', 'boutiqe']) assert.equal(spellingMessages.filter((m) => m.includes(`“${word}”`)).length, 10, `spelling finds ${word} in every draft`);
    if (findGrammalecte()) assert.equal(findings.filter((f) => f.ruleId === 'grammar').length, 20, 'Grammalecte finds two mistakes in each French draft');
    const lines = plain.stderr.split('\n').filter(Boolean);
    assert.equal(lines.filter((l) => l.includes('LanguageTool') || l.includes('file:///')).length, 1, plain.stderr);
    assert.match(lines[0], /missing\.txt/);
  });

  it('prints the same output on the shared corpus templates', { skip: !corpus && 'no shared corpus' }, () => {
    const r = sameBothWays(['lint', '--format', 'json', join(corpus!, 'templates')]);
    assert.ok(JSON.parse(r.stdout).results.length > 10);
  });
});

describe('worker count', () => {
  it('lints a few files in this thread and follows MAILPROOF_WORKERS', () => {
    assert.equal(workerCount(3, undefined), 0);
    assert.equal(workerCount(5000, '0'), 0);
    assert.equal(workerCount(2, '3'), 3);
    // A value that is not a count is ignored.
    assert.equal(workerCount(3, 'many'), 0);
  });

  it('leaves one core to this thread and V8: none on 2 cores, one per core but one beyond, 32 files each at least', () => {
    assert.equal(workerCount(2000, undefined, 1), 0);
    assert.equal(workerCount(2000, undefined, 2), 0);
    assert.equal(workerCount(2000, undefined, 3), 2);
    assert.equal(workerCount(2000, undefined, 8), 7);
    assert.equal(workerCount(100, undefined, 8), 3);
    assert.equal(workerCount(40, undefined, 8), 0);
    assert.equal(workerCount(2000, '2', 2), 2);
  });
});
