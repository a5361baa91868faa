// npm run test:e2e — the extension in a real VS Code (code-server 4.100.3 + Debian Chromium):
//   layer 1: the extension-host suite (test/extension/suite) through code-server's URL payload;
//   layer 2: UI flows in Chromium on the packaged .vsix (test/e2e/ui.ts), with screenshots.
// npm run bench:e2e — the same setup, running scripts/bench-e2e.ts instead (prints timings).
//
// Options: --only extension|ui   run one layer;   --bench   run the benchmark;
//          --keep                keep the run's temporary folder (it is removed otherwise).
// Environment: MAILPROOF_E2E_CACHE (where scripts/e2e-setup.sh put code-server),
//              MAILPROOF_TEST_GREP (a mocha --grep for layer 1).
//
// Each run lives in a fresh temporary folder: HOME, XDG folders, TMPDIR, user data, extensions
// and the browser profile of every process are inside it. Each layer runs in its own process
// group under a deadline; afterwards any process still naming the run folder is reported and
// killed, and the folder is removed. Logs and screenshots are copied to test-results/e2e/.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTests } from './build-tests.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CODE_SERVER_VERSION = '4.100.3';
const ARTIFACTS = join(ROOT, 'test-results', 'e2e');
// Whole-layer deadlines: a healthy layer 1 takes ~1 min and layer 2 ~1.5 min here.
const LAYER_TIMEOUT_MS = { extension: 6 * 60_000, ui: 8 * 60_000, bench: 10 * 60_000 };
const BUILD_TIMEOUT_MS = 120_000;

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const bench = args.includes('--bench');
const keep = args.includes('--keep');
if (only && only !== 'extension' && only !== 'ui') fail('--only takes "extension" or "ui"');

// Ctrl+C or a CI cancel: stop the running layer's process group and start nothing else.
let interrupted = false;
let current;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!interrupted) console.error(`e2e: ${signal}, stopping`);
    interrupted = true;
    if (current) killGroup(current.pid, 'SIGTERM');
  });
}

function fail(message) {
  console.error(`e2e: ${message}`);
  process.exit(2);
}

function provisioned() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) fail(`code-server ${CODE_SERVER_VERSION} needs Node 20, this is ${process.version}`);
  const cache = process.env.MAILPROOF_E2E_CACHE || join(homedir(), '.cache', 'mailproof-e2e');
  const entry = join(cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(entry)) fail(`code-server ${CODE_SERVER_VERSION} is not installed in ${cache}; run: bash scripts/e2e-setup.sh`);
  const which = spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' });
  const chromium = which.stdout.trim();
  if (which.status !== 0 || !chromium) fail('chromium is not installed; run: bash scripts/e2e-setup.sh');
  return { entry, chromium };
}

/** The environment of every child: HOME, XDG folders and TMPDIR inside the run folder. */
function childEnv(run, extra = {}) {
  const home = join(run, 'driver', 'home');
  const env = {
    PATH: process.env.PATH,
    LANG: 'C.UTF-8',
    HOME: home,
    TMPDIR: join(run, 'driver', 'tmp'),
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    npm_config_cache: join(run, 'driver', 'npm-cache'),
    npm_config_update_notifier: 'false',
    ...extra,
  };
  for (const d of [env.HOME, env.TMPDIR, env.XDG_CONFIG_HOME, env.XDG_CACHE_HOME, env.XDG_DATA_HOME, env.XDG_STATE_HOME]) mkdirSync(d, { recursive: true });
  return env;
}

/** Runs a command in its own process group; kills the group at the deadline. */
function run(label, command, argv, { env, cwd = ROOT, timeoutMs, quiet = false }) {
  return new Promise((resolve) => {
    const started = Date.now();
    if (interrupted) {
      resolve({ label, ok: false, code: 'interrupted', ms: 0 });
      return;
    }
    const child = spawn(command, argv, { cwd, env, detached: true, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'] });
    current = child;
    let output = '';
    if (quiet) {
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`e2e: ${label} exceeded ${timeoutMs / 1000} s; stopping it`);
      killGroup(child.pid, 'SIGTERM');
      setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5_000).unref();
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      // Whatever the child left in its group (it should have stopped its own children).
      killGroup(child.pid, 'SIGKILL');
      const ok = code === 0 && !timedOut;
      if (!ok && quiet) process.stderr.write(output);
      resolve({ label, ok, code: timedOut ? 'timeout' : interrupted ? 'interrupted' : (code ?? signal), ms: Date.now() - started });
    });
  });
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* the group is gone */
  }
}

/** Processes whose command line or environment names the run folder: leaks of this run. */
function leftovers(runFolder) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const env = readFileSync(`/proc/${entry}/environ`, 'utf8');
      const cwd = readlinkSync(`/proc/${entry}/cwd`);
      if (cmd.includes(runFolder) || env.includes(runFolder) || cwd.startsWith(runFolder)) found.push({ pid: Number(entry), cmd: cmd.replace(/\0/g, ' ').slice(0, 160) });
    } catch {
      /* exited meanwhile, or not ours to read */
    }
  }
  return found;
}

function sizeOf(path) {
  return `${Math.round(statSync(path).size / 1024)} KB`;
}

async function main() {
  const { entry, chromium } = provisioned();
  const runFolder = mkdtempSync(join(tmpdir(), 'mailproof-e2e-'));
  const results = [];
  const started = Date.now();
  console.log(`e2e: run folder ${runFolder}`);
  try {
    const env = childEnv(runFolder, { MAILPROOF_E2E_CODE_SERVER: entry, MAILPROOF_E2E_CHROMIUM: chromium });
    const npx = join(ROOT, 'node_modules', '.bin');
    // The .vsix users install (production build), then the development build that layer 1
    // loads from the source folder and the suite bundles.
    const vsix = join(runFolder, 'mailproof.vsix');
    const pack = join(runFolder, 'test-language-pack-fr.vsix');
    const builds = [
      await run('package the extension', join(npx, 'vsce'), ['package', '--no-dependencies', '--out', vsix], { env, timeoutMs: BUILD_TIMEOUT_MS, quiet: true }),
      await run('package the test language pack', join(npx, 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', pack], {
        env,
        cwd: join(ROOT, 'test', 'e2e', 'fixtures', 'language-pack-fr'),
        timeoutMs: BUILD_TIMEOUT_MS,
        quiet: true,
      }),
      await run('development build', process.execPath, ['scripts/build.mjs'], { env, timeoutMs: BUILD_TIMEOUT_MS, quiet: true }),
    ];
    for (const b of builds) if (!b.ok) throw new Error(`${b.label} failed (${b.code})`);
    if (interrupted) throw new Error('interrupted');
    await buildTests();
    console.log(`e2e: built ${vsix.replace(runFolder, '<run>')} (${sizeOf(vsix)}), the language pack and the suite in ${Math.round((Date.now() - started) / 1000)} s`);

    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    const driver = (file, layer, extra = {}) =>
      run(layer, process.execPath, ['--import', 'tsx', file], {
        env: { ...env, MAILPROOF_E2E_RUN_DIR: join(runFolder, layer), MAILPROOF_E2E_ARTIFACTS: ARTIFACTS, MAILPROOF_E2E_VSIX: vsix, MAILPROOF_E2E_LANGUAGE_PACK: pack, ...extra },
        timeoutMs: LAYER_TIMEOUT_MS[layer],
      });
    if (bench) {
      results.push(await driver('scripts/bench-e2e.ts', 'bench'));
    } else {
      if (!only || only === 'extension') {
        if (!interrupted) console.log('\ne2e: layer 1 — extension-host suite in code-server');
        results.push(await driver('test/e2e/extensionHost.ts', 'extension', { MAILPROOF_TEST_GREP: process.env.MAILPROOF_TEST_GREP ?? '' }));
      }
      if (!only || only === 'ui') {
        if (!interrupted) console.log('\ne2e: layer 2 — UI in Chromium on the installed .vsix');
        results.push(await driver('test/e2e/ui.ts', 'ui'));
      }
    }
  } catch (e) {
    results.push({ label: 'setup', ok: false, code: e.message, ms: 0 });
  } finally {
    const leaked = leftovers(runFolder);
    for (const p of leaked) killGroup(p.pid, 'SIGKILL');
    for (const p of leaked) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    if (leaked.length) results.push({ label: `leftover processes (${leaked.map((p) => `${p.pid} ${p.cmd}`).join('; ')})`, ok: false, code: 'leak', ms: 0 });
    // Logs of every layer go with the screenshots.
    for (const layer of ['extension', 'ui', 'bench']) {
      const layerDir = join(runFolder, layer);
      if (!existsSync(layerDir)) continue;
      const copyLogs = (dir, prefix) => {
        for (const ent of readdirSync(dir, { withFileTypes: true })) {
          if (ent.isDirectory() && ent.name === 'logs') cpSync(join(dir, ent.name), join(ARTIFACTS, 'logs', prefix), { recursive: true });
          // VS Code's own logs: the extension host, and Mailproof's output channel.
          else if (ent.isDirectory() && ent.name === 'user-data' && existsSync(join(dir, ent.name, 'logs'))) cpSync(join(dir, ent.name, 'logs'), join(ARTIFACTS, 'logs', prefix, 'vscode'), { recursive: true });
          else if (ent.isDirectory() && ['en', 'fr', 'restricted'].includes(ent.name)) copyLogs(join(dir, ent.name), `${prefix}-${ent.name}`);
        }
      };
      copyLogs(layerDir, layer);
    }
    if (keep) console.log(`e2e: kept ${runFolder}`);
    else rmSync(runFolder, { recursive: true, force: true });
  }
  console.log('\ne2e summary');
  for (const r of results) console.log(`  ${r.ok ? '✔' : '✖'} ${r.label}${r.ok ? '' : ` (${r.code})`}${r.ms ? ` — ${(r.ms / 1000).toFixed(1)} s` : ''}`);
  console.log(`  total ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots and logs in ${ARTIFACTS.replace(ROOT + '/', '')}/`);
  process.exit(interrupted ? 130 : results.length && results.every((r) => r.ok) ? 0 : 1);
}

await main();
