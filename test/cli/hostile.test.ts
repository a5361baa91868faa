// Hostile input to the CLI (issue #10): FIFOs, devices and huge files, configuration mistakes,
// files changed while linted, and terminal escapes in names and messages. Runs the built
// dist/cli.js in a child process with a timeout, so that a blocking read fails the test
// instead of hanging it.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readDraft, writeDraftAtomically } from '../../src/cli/files';
import { fold } from '../../src/engine/text/normalize';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'mailproof-hostile-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', timeout: 20000, env: { PATH: process.env.PATH ?? '', LANG: 'C' } });
  assert.equal(r.error, undefined, `the CLI did not finish: ${r.error?.message}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const oneLine = (stderr: string) => stderr.trim().split('\n');

describe('mailproof lint on hostile input', { skip: !existsSync(cli) && 'dist/cli.js is missing: run npm run build' }, () => {
  it('skips a FIFO met in a folder and reports one named directly, without blocking', () => {
    const dir = join(tmp, 'fifo');
    mkdirSync(dir);
    writeFileSync(join(dir, 'ok.txt'), 'Hello, here is our news.');
    execFileSync('mkfifo', [join(dir, 'pipe.html')]);
    const folder = run(['lint', '--format', 'json', dir]);
    assert.equal(folder.code, 0, folder.stderr);
    assert.deepEqual(JSON.parse(folder.stdout).results.map((r: { file: string }) => r.file), [join(dir, 'ok.txt')]);
    const direct = run(['lint', join(dir, 'pipe.html'), join(dir, 'ok.txt')]);
    assert.equal(direct.code, 2);
    assert.deepEqual(oneLine(direct.stderr), [`mailproof: ${join(dir, 'pipe.html')}: not a regular file (FIFO, device or socket), not read`]);
    assert.match(direct.stdout, /1 files? checked/);
  });

  it('refuses /dev/zero and files over --max-file-size, saying why', () => {
    const zero = run(['lint', '/dev/zero']);
    assert.equal(zero.code, 2);
    assert.deepEqual(oneLine(zero.stderr), ['mailproof: /dev/zero: not a regular file (FIFO, device or socket), not read']);
    const big = join(tmp, 'big.txt');
    writeFileSync(big, 'Hello. '.repeat(300 * 1024));
    const r = run(['lint', '--max-file-size', '1024', big]);
    assert.equal(r.code, 2);
    assert.deepEqual(oneLine(r.stderr), [`mailproof: ${big}: 2100 KB is over the 1024 KB read limit, not linted (--max-file-size)`]);
    assert.equal(run(['lint', '--max-file-size', 'lots', big]).code, 2);
  });

  it('fails on configuration mistakes, one line each, and lints with the valid part', () => {
    const rc = join(tmp, 'rc.json');
    writeFileSync(rc, '\uFEFF' + JSON.stringify({ rules: { exclamation: 'eror', nope: 'off', 'all-caps': 'error' }, mailType: 'bulky' }));
    const draft = join(tmp, 'shout.txt');
    writeFileSync(draft, 'BUY THIS AMAZING THING NOW please');
    const r = run(['lint', '--config', rc, '--format', 'json', draft]);
    assert.equal(r.code, 2);
    assert.deepEqual(oneLine(r.stderr), [
      `mailproof: ${rc}: “rules.exclamation” must be one of error, warning, info, off`,
      `mailproof: ${rc}: Unknown rule “nope”`,
      `mailproof: ${rc}: “mailType” must be one of bulk, transactional`,
    ]);
    const findings = JSON.parse(r.stdout).results[0].findings as Array<{ ruleId: string; severity: string }>;
    assert.ok(findings.some((f) => f.ruleId === 'all-caps' && f.severity === 'error'), 'the valid part applies');
  });

  it('reads a configuration saved with a byte order mark', () => {
    const rc = join(tmp, 'bom.json');
    writeFileSync(rc, '\uFEFF{"rules": {"exclamation": "off"}}');
    const draft = join(tmp, 'bang.txt');
    writeFileSync(draft, 'Hello!!! Hello!!!');
    const r = run(['lint', '--config', rc, '--format', 'json', draft]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).results[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'exclamation'), []);
  });

  it('escapes control characters and line breaks from file names and link hosts in text output', () => {
    const name = join(tmp, 'evil\x1b[2J\nname.html');
    writeFileSync(name, '<p><a href="http://\x1b]0;pwn\x07.example/">click</a> Vite !!!</p>');
    const r = run(['lint', name]);
    assert.doesNotMatch(r.stdout, /\x1b|\x07/);
    assert.match(r.stdout, /evil\\x1b\[2J\\nname\.html:1:/);
    assert.match(r.stdout, /link to \\x1b\]0;pwn\\x07\.example/);
    for (const line of r.stdout.split('\n').filter((l) => l.includes('name.html'))) assert.match(line, /evil\\x1b\[2J\\nname\.html/, 'the name stays on one line');
  });
});

describe('--fix writes', () => {
  it('atomically, through a temporary file renamed over the draft', () => {
    const file = join(tmp, 'fix.txt');
    writeFileSync(file, 'Vite !!!');
    const draft = readDraft(file);
    assert.ok(!('reason' in draft));
    assert.equal(writeDraftAtomically(draft, 'Vite !'), true);
    assert.equal(readFileSync(file, 'utf8'), 'Vite !');
    assert.deepEqual(readdirSync(tmp).filter((f) => f.includes('mailproof-tmp')), [], 'no temporary file left');
  });

  it('only when the file is unchanged since it was read', () => {
    const file = join(tmp, 'changed.txt');
    writeFileSync(file, 'Vite !!!');
    const draft = readDraft(file);
    assert.ok(!('reason' in draft));
    writeFileSync(file, 'Vite !!! — edited meanwhile');
    assert.equal(writeDraftAtomically(draft, 'Vite !'), false);
    assert.equal(readFileSync(file, 'utf8'), 'Vite !!! — edited meanwhile');
  });
});

describe('fold on long text', () => {
  it('folds past one decoder slice without splitting a surrogate pair', () => {
    const text = 'A'.repeat((1 << 24) - 1) + '😀É' + 'Ç'.repeat(10);
    const folded = fold(text);
    assert.equal(folded.length, text.length);
    assert.equal(folded.slice((1 << 24) - 2), 'a😀e' + 'c'.repeat(10));
  });
});
