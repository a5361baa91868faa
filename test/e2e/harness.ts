// Shared plumbing of the end-to-end drivers: a private folder per run (HOME, XDG dirs, TMPDIR,
// user data, extensions, browser profile), code-server started in its own process group and
// stopped with the whole group, Debian's Chromium through playwright-core, and deadlines on
// every wait so that a broken VS Code fails the run quickly instead of hanging it.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** The repository root (the extension's folder). */
export const ROOT = join(import.meta.dirname, '..', '..');

/** How long code-server may take to listen and answer /healthz (it needs ~0.5 s here). */
const CODE_SERVER_START_TIMEOUT_MS = 30_000;
/** How long code-server may take to exit after SIGTERM before the group gets SIGKILL. */
const CODE_SERVER_STOP_TIMEOUT_MS = 5_000;

/** Chromium flags that work in a headless container (see ../shared/e2e/README.md). */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** What must be stopped if the driver is interrupted: running code-servers and browsers. */
const running = new Set<() => Promise<void>>();
let interruptHandlers = false;

/**
 * Registers a cleanup to run if the driver gets SIGINT/SIGTERM/SIGHUP (a cancelled CI job,
 * Ctrl+C, the orchestrator's deadline): code-server and Chromium live in their own process
 * groups and would outlive the driver. Returns the function that unregisters it.
 */
function track(cleanup: () => Promise<void>): () => void {
  if (!interruptHandlers) {
    interruptHandlers = true;
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => {
        process.stderr.write(`${signal}: stopping code-server and Chromium\n`);
        void Promise.allSettled([...running].map((c) => c())).then(() => process.exit(130));
      });
    }
  }
  running.add(cleanup);
  return () => running.delete(cleanup);
}

/** Folders of one run; everything a run writes goes below `root`. */
export interface RunDirs {
  root: string;
  home: string;
  tmp: string;
  xdgConfig: string;
  xdgCache: string;
  xdgData: string;
  xdgState: string;
  xdgRuntime: string;
  userData: string;
  extensions: string;
  workspace: string;
  browserProfile: string;
  logs: string;
}

/** Creates the folders of a run below `root`. */
export function runDirs(root: string): RunDirs {
  const d: RunDirs = {
    root,
    home: join(root, 'home'),
    tmp: join(root, 'tmp'),
    xdgConfig: join(root, 'xdg', 'config'),
    xdgCache: join(root, 'xdg', 'cache'),
    xdgData: join(root, 'xdg', 'data'),
    xdgState: join(root, 'xdg', 'state'),
    xdgRuntime: join(root, 'xdg', 'runtime'),
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    workspace: join(root, 'workspace'),
    browserProfile: join(root, 'browser-profile'),
    logs: join(root, 'logs'),
  };
  for (const [k, v] of Object.entries(d)) if (k !== 'root') mkdirSync(v, { recursive: true, mode: k === 'xdgRuntime' ? 0o700 : 0o755 });
  return d;
}

/** The environment of every process of a run: HOME, TMPDIR and XDG folders inside the run. */
export function isolatedEnv(d: RunDirs, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    LANG: 'C.UTF-8',
    HOME: d.home,
    TMPDIR: d.tmp,
    XDG_CONFIG_HOME: d.xdgConfig,
    XDG_CACHE_HOME: d.xdgCache,
    XDG_DATA_HOME: d.xdgData,
    XDG_STATE_HOME: d.xdgState,
    XDG_RUNTIME_DIR: d.xdgRuntime,
    // No extension gallery: code-server would otherwise query open-vsx.org (tests stay on loopback).
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
  return env;
}

/** Paths resolved by the orchestrator (with the user's real HOME) and handed down. */
export function provisioned(): { entry: string; chromium: string } {
  const entry = process.env.MAILPROOF_E2E_CODE_SERVER;
  const browser = process.env.MAILPROOF_E2E_CHROMIUM;
  if (!entry || !existsSync(entry)) throw new Error(`code-server not found (${entry ?? 'MAILPROOF_E2E_CODE_SERVER unset'}); run: bash scripts/e2e-setup.sh`);
  if (!browser || !existsSync(browser)) throw new Error(`Chromium not found (${browser ?? 'MAILPROOF_E2E_CHROMIUM unset'}); run: bash scripts/e2e-setup.sh`);
  return { entry, chromium: browser };
}

/** Runs `fn` and rejects when it takes longer than `ms`, naming what was awaited. */
export async function within<T>(ms: number, what: string, fn: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([fn(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls a condition (a state check every 50 ms) until it holds; throws after `ms`. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms: ${what}`);
    await delayPoll();
  }
}

/** User settings for a test VS Code: no start page, telemetry, update checks or tips. */
export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
};

export interface CodeServer {
  pid: number;
  port: number;
  origin: string;
  logFile: string;
  /** A `vscode-remote://` URI for a path on the server (for URL payloads). */
  remote(path: string): string;
  /** Stops code-server and every process it forked. */
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  dirs: RunDirs;
  /** Log file name inside `dirs.logs`. */
  name: string;
  settings?: Record<string, unknown>;
  /** `--locale` (VS Code's display language) when set. */
  locale?: string;
  /** Extra environment for the server and its extension host. */
  env?: Record<string, string>;
  /**
   * Workspace trust on, as users have it: the folder is not trusted, so VS Code opens it in
   * Restricted Mode (no startup prompt). Off by default, like `--disable-workspace-trust`.
   */
  trust?: boolean;
}

/** Settings of a run with workspace trust: folders open in Restricted Mode without asking. */
const TRUST_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
};

/** Starts code-server on a free loopback port and waits for `/healthz`. */
export async function startCodeServer(o: CodeServerOptions): Promise<CodeServer> {
  const { entry } = provisioned();
  const { dirs } = o;
  const settings = JSON.stringify({ ...BASE_SETTINGS, ...(o.trust ? TRUST_SETTINGS : {}), ...o.settings }, null, 2);
  // code-server is a remote window: VS Code applies `machine` and `machine-overridable`
  // settings (DNS servers, SMTP and spamd hosts) only from the remote's settings
  // (`Machine/settings.json`), and drops them from the user's settings once the extension's
  // schema is registered. Whether that happened before the user settings were read was a race,
  // so a session now and then ran with the defaults. Both files hold the same settings.
  for (const scope of ['User', 'Machine']) {
    mkdirSync(join(dirs.userData, scope), { recursive: true });
    writeFileSync(join(dirs.userData, scope, 'settings.json'), settings);
  }
  const logFile = join(dirs.logs, `${o.name}.log`);
  const fd = openSync(logFile, 'a');
  const args = [
    entry,
    '--bind-addr',
    '127.0.0.1:0',
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(o.trust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    ...(o.locale ? ['--locale', o.locale] : []),
  ];
  // Its own process group: code-server forks a file watcher, a pty host and extension hosts,
  // and only killing the group takes them all down.
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', fd, fd], env: isolatedEnv(dirs, o.env), cwd: dirs.workspace });
  closeSync(fd);
  const pid = child.pid!;
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = `exited with ${signal ?? code}`));
  const untrack = track(() => stopGroup(child));
  const stop = async () => {
    untrack();
    await stopGroup(child);
  };
  try {
    let port = 0;
    await waitUntil(
      () => {
        const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(readFileSync(logFile, 'utf8'));
        if (m) port = Number(m[1]);
        else if (exited) throw new Error(`code-server ${exited} before listening`);
        return port > 0;
      },
      CODE_SERVER_START_TIMEOUT_MS,
      'code-server to listen',
    );
    const origin = `http://127.0.0.1:${port}`;
    await waitUntil(
      async () => {
        if (exited) throw new Error(`code-server ${exited}`);
        return fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status === 200, () => false);
      },
      CODE_SERVER_START_TIMEOUT_MS,
      'code-server /healthz',
    );
    return { pid, port, origin, logFile, remote: (p) => `vscode-remote://127.0.0.1:${port}${p}`, stop };
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\n--- ${logFile} ---\n${readFileSync(logFile, 'utf8')}`);
  }
}

/** Installs a .vsix into the run's extensions folder with code-server's own CLI. */
export async function installVsix(dirs: RunDirs, vsix: string): Promise<string> {
  const { entry } = provisioned();
  const logFile = join(dirs.logs, 'install-extension.log');
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [entry, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix, '--force'], {
    detached: true,
    stdio: ['ignore', fd, fd],
    env: isolatedEnv(dirs),
  });
  closeSync(fd);
  const untrack = track(() => stopGroup(child));
  const code = await within(60_000, 'code-server --install-extension', () => new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)))).catch(async (e) => {
    await stopGroup(child);
    throw e;
  }).finally(untrack);
  const log = readFileSync(logFile, 'utf8');
  if (code !== 0 || !/successfully installed/i.test(log)) throw new Error(`installing ${vsix} failed (exit ${code}):\n${log}`);
  return log.trim();
}

/** Sends SIGTERM to a process group, then SIGKILL if it lingers, and waits until it is empty. */
export async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (!pid) return;
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const until = Date.now() + CODE_SERVER_STOP_TIMEOUT_MS;
  while (alive() && Date.now() < until) await delayPoll();
  if (alive()) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    const hard = Date.now() + CODE_SERVER_STOP_TIMEOUT_MS;
    while (alive() && Date.now() < hard) await delayPoll();
  }
}

/** Polling interval of the waits above: a state check, not a sleep standing in for one. */
function delayPoll(): Promise<void> {
  return new Promise((r) => setTimeout(r, 50));
}

export interface BrowserOptions {
  dirs: RunDirs;
  /** Browser UI locale (navigator.language). */
  locale?: string;
}

/** Launches Debian's Chromium headless with a profile inside the run folder. */
export async function launchBrowser(o: BrowserOptions): Promise<BrowserContext> {
  const { chromium: executablePath } = provisioned();
  const context = await chromium.launchPersistentContext(o.dirs.browserProfile, {
    executablePath,
    headless: true,
    // The harness handles signals itself (see track), closing the browser and code-server.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: CHROMIUM_FLAGS,
    env: isolatedEnv(o.dirs) as Record<string, string>,
    locale: o.locale ?? 'en-US',
    viewport: { width: 1440, height: 900 },
    timeout: 30_000,
    downloadsPath: join(o.dirs.tmp, 'downloads'),
  });
  const untrack = track(() => context.close().catch(() => undefined));
  context.on('close', untrack);
  return context;
}

/** The workbench URL of a folder, with an optional payload (`openFile`, extension tests…). */
export function workbenchUrl(cs: CodeServer, folder: string, payload?: Array<[string, string]>): string {
  const params = new URLSearchParams({ folder });
  if (payload) params.set('payload', JSON.stringify(payload));
  return `${cs.origin}/?${params.toString()}`;
}

/** Records the page's console messages (with CSP violations) for assertions and the log. */
export function captureConsole(page: Page, sink: string[]): void {
  page.on('console', (m) => sink.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => sink.push(`[pageerror] ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) sink.push(`[http ${r.status()}] ${r.url()}`);
  });
}
