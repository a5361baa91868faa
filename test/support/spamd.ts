// Starts SpamAssassin's spamd on a free loopback port for tests and the benchmark: local tests
// only (no DNS, no network), no user preferences, no Bayes, a private home folder, so it needs no
// network and leaves no state behind. Only node:* imports: the VS Code test suite uses it too.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface RunningSpamd {
  host: string;
  port: number;
  stop(): Promise<void>;
}

// Loading the rules takes 5 to 15 s on a small machine; more under load.
const START_TIMEOUT_MS = 120_000;

/** The spamd executable, or undefined when SpamAssassin is not installed. */
export function findSpamd(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/usr/bin'];
  for (const d of dirs) {
    if (!d) continue;
    try {
      accessSync(join(d, 'spamd'), constants.X_OK);
      return join(d, 'spamd');
    } catch {
      // not there
    }
  }
  return undefined;
}

/** spamc, for the benchmark's comparison. */
export function findSpamc(): string | undefined {
  for (const d of [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin']) {
    try {
      accessSync(join(d, 'spamc'), constants.X_OK);
      return join(d, 'spamc');
    } catch {
      // not there
    }
  }
  return undefined;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

/** Starts spamd; rejects when it is missing or does not come up. */
export async function startSpamd(): Promise<RunningSpamd> {
  const bin = findSpamd();
  if (!bin) throw new Error('spamd is not installed (apt-get install spamassassin)');
  const home = mkdtempSync(join(tmpdir(), 'mailproof-spamd-'));
  const port = await freePort();
  const args = [
    '--local',
    '--nouser-config',
    `--listen=127.0.0.1:${port}`,
    '--allowed-ips=127.0.0.1',
    '--max-children=2',
    '--min-children=1',
    '--min-spare=1',
    '--max-spare=2',
    `--helper-home-dir=${home}`,
    `--pidfile=${join(home, 'spamd.pid')}`,
    '--syslog=stderr',
    '--cf=use_bayes 0',
    '--cf=bayes_auto_learn 0',
  ];
  // As root, spamd drops to another user for its children: let it use the private home.
  if (process.getuid?.() === 0) {
    chmodSync(home, 0o777);
    args.push('--username=nobody');
  }
  const child: ChildProcess = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, HOME: home, LANG: 'C', LC_ALL: 'C' } });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => {
    if (log.length < 64 * 1024) log += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(home, { recursive: true, force: true });
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  let dead = false;
  void exited.then(() => (dead = true));
  // "server started" is logged once the listening socket is open and a child is spawned.
  while (Date.now() < deadline && !dead) {
    if (/server successfully spawned child/.test(log) && (await canConnect(port))) return { host: '127.0.0.1', port, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`spamd did not start on 127.0.0.1:${port}: ${log.slice(-2000)}`);
}
