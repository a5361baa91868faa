// The CLI as someone outside the repository gets it: `npm pack`, then `npm install -g` of the
// tarball into a temporary folder, offline (the package has no run-time dependency), then the
// GitHub Actions steps and the pre-commit hook that the README shows, run with that install.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..');
const built = existsSync(join(root, 'dist', 'cli.js'));
const tmp = mkdtempSync(join(tmpdir(), 'mailproof-pack-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

// npm and git with a private cache and config, so nothing of the machine's setup leaks in.
const env = {
  PATH: process.env.PATH ?? '',
  HOME: tmp,
  LANG: 'C',
  npm_config_cache: join(tmp, 'npm-cache'),
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  GIT_CONFIG_NOSYSTEM: '1',
};

function sh(cmd: string, args: string[], cwd: string, extra: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...env, ...extra }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

// A fenced block of the README that follows a marker comment.
function readmeBlock(marker: string): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const at = readme.indexOf(`<!-- ${marker} -->`);
  assert.ok(at >= 0, `README has no ${marker} block`);
  const m = /```\w*\n([\s\S]*?)```/.exec(readme.slice(at));
  assert.ok(m);
  return m[1];
}

describe('packed CLI', { skip: !built && 'dist/ is missing: run npm run build' }, () => {
  let tarball = '';
  const globalDir = join(tmp, 'global');
  const bin = join(globalDir, 'bin');

  before(() => {
    // The build is already there (npm test builds first): skip prepack's production rebuild.
    const r = sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], root);
    assert.equal(r.code, 0, r.stderr);
    const [info] = JSON.parse(r.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = join(tmp, info.filename);
    packed = info.files.map((f) => f.path).sort();
  });
  let packed: string[] = [];

  it('packs the CLI bundles and nothing of the sources, tests or dev tooling', () => {
    // npm always adds package.json, README and LICENSE.
    assert.deepEqual(packed, ['LICENSE', 'README.md', 'dist/cli-filters.js', 'dist/cli.js', 'dist/deliverability.js', 'dist/lintWorker.js', 'dist/lists.js', 'package.json']);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.dependencies ?? {}, {}, 'bundled: nothing to install at run time');
  });

  it('installs globally from the tarball, offline, outside the repository, and lints a draft', () => {
    const r = sh('npm', ['install', '-g', '--offline', '--prefix', globalDir, tarball], tmp);
    assert.equal(r.code, 0, r.stderr);
    const project = join(tmp, 'project');
    mkdirSync(project, { recursive: true });
    copyFileSync(join(root, 'examples', 'promo-fr.html'), join(project, 'promo.html'));
    const lint = sh(join(bin, 'mailproof'), ['lint', '--locale', 'fr', 'promo.html'], project);
    assert.equal(lint.code, 0, lint.stderr);
    assert.match(lint.stdout, /promo\.html:6:27 {2}warning {2}« Offre exceptionnelle »/);
    assert.match(lint.stdout, /^1 fichier vérifié : 0 erreur, 9 avertissements, 0 info$/m);
    // build/score/send live in their own bundle (nodemailer inside), shipped beside cli.js.
    const built = sh(join(bin, 'mailproof'), ['build', '--from', 'news@boutique.example', 'promo.html'], project);
    assert.equal(built.code, 0, built.stderr);
    assert.match(built.stdout, /^Content-Type: multipart\/alternative;/m);
    writeFileSync(join(project, 'contacts.csv'), 'email\njean@orange.fe\n');
    const list = sh(join(bin, 'mailproof'), ['list', '--no-dns', 'contacts.csv'], project);
    assert.equal(list.code, 1, list.stderr);
    assert.match(list.stdout, /^contacts\.csv:2 {2}invalid {4}jean@orange\.fe {2}“\.fe” is not a registered top-level domain; “orange\.fe” looks like a typo of orange\.fr$/m);
    const version = sh(join(bin, 'mailproof'), ['--version'], project);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });

  it('runs the README’s GitHub Actions steps and writes a SARIF log', () => {
    const workflow = parse(readmeBlock('github-workflow')) as { jobs: Record<string, { steps: Array<{ run?: string; uses?: string; with?: Record<string, string> }> }> };
    const steps = Object.values(workflow.jobs)[0].steps;
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    assert.ok(upload, 'the workflow uploads SARIF');
    const ci = join(tmp, 'ci');
    mkdirSync(join(ci, 'emails'), { recursive: true });
    mkdirSync(join(ci, 'tools'), { recursive: true });
    copyFileSync(tarball, join(ci, 'tools', 'mailproof-0.1.0.tgz'));
    for (const name of ['newsletter-en.html', 'promo-fr.html']) copyFileSync(join(root, 'examples', name), join(ci, 'emails', name));
    const prefix = join(tmp, 'ci-global');
    for (const step of steps.filter((s) => s.run)) {
      // Offline here: the runner would reach the registry, this machine does not need to.
      const r = sh('sh', ['-c', step.run!], ci, { npm_config_prefix: prefix, npm_config_offline: 'true', PATH: `${join(prefix, 'bin')}:${env.PATH}` });
      assert.equal(r.code, 0, `${step.run}\n${r.stderr}`);
    }
    const sarif = JSON.parse(readFileSync(join(ci, upload!.with!.sarif_file), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'spam-phrase'));
  });

  it('runs the README’s pre-commit hook: a draft with warnings is refused, a clean one committed', () => {
    assert.ok(existsSync(join(bin, 'mailproof')), 'installed by the test above');
    const repo = join(tmp, 'repo');
    mkdirSync(repo, { recursive: true });
    const git = (...args: string[]) => sh('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], repo, { PATH: `${bin}:${env.PATH}` });
    assert.equal(git('init', '-q').code, 0);
    const hook = join(repo, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, readmeBlock('pre-commit-hook'));
    chmodSync(hook, 0o755);
    copyFileSync(join(root, 'examples', 'promo-fr.html'), join(repo, 'promo.html'));
    git('add', 'promo.html');
    const refused = git('commit', '-q', '-m', 'promo');
    assert.notEqual(refused.code, 0);
    assert.match(refused.stdout + refused.stderr, /9 warnings found; --max-warnings allows 0/);
    git('rm', '-q', '--cached', 'promo.html');
    copyFileSync(join(root, 'examples', 'newsletter-en.html'), join(repo, 'newsletter.html'));
    git('add', 'newsletter.html');
    const ok = git('commit', '-q', '-m', 'newsletter');
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  });
});
