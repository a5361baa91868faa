// Starts Rspamd on free loopback ports for tests: the Debian configuration with a private
// LOCAL_CONFDIR that binds its workers to 127.0.0.1, logs to the console, and sends DNS queries to
// a loopback port where nothing answers (no network lookups leave the machine). Its database and
// run folders are private too.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExecutable, freePort, startDaemon } from './daemon';

export interface RunningRspamd {
  url: string;
  stop(): Promise<void>;
}

// Loading the rules and maps takes 10 to 30 s on a small machine.
const START_TIMEOUT_MS = 180_000;

export const findRspamd = (): string | undefined => findExecutable('rspamd');

function ping(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(`${url}/ping`, { timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

export async function startRspamd(): Promise<RunningRspamd> {
  const bin = findRspamd();
  if (!bin) throw new Error('rspamd is not installed (apt-get install rspamd)');
  const root = mkdtempSync(join(tmpdir(), 'mailproof-rspamd-'));
  const local = join(root, 'local');
  mkdirSync(join(local, 'override.d'), { recursive: true });
  for (const d of ['db', 'run', 'log']) mkdirSync(join(root, d));
  const [normal, controller, proxy, dead] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const o = (name: string, text: string) => writeFileSync(join(local, 'override.d', name), text);
  o('worker-normal.inc', `bind_socket = "127.0.0.1:${normal}";\ncount = 1;\n`);
  o('worker-controller.inc', `bind_socket = "127.0.0.1:${controller}";\ncount = 1;\n`);
  o('worker-proxy.inc', `bind_socket = "127.0.0.1:${proxy}";\ncount = 1;\n`);
  o('worker-fuzzy.inc', `bind_socket = "127.0.0.1:${dead}";\ncount = 0;\n`);
  o('logging.inc', 'type = "console";\nlevel = "error";\n');
  o('options.inc', `dns { nameserver = ["127.0.0.1:${dead}"]; timeout = 0.2s; retransmits = 1; }\n`);
  const args = ['-f', `--var=LOCAL_CONFDIR=${local}`, `--var=DBDIR=${join(root, 'db')}`, `--var=RUNDIR=${join(root, 'run')}`, `--var=LOGDIR=${join(root, 'log')}`];
  if (process.getuid?.() === 0) {
    chmodSync(root, 0o777);
    for (const d of ['db', 'run', 'log']) chmodSync(join(root, d), 0o777);
    args.push('-u', 'nobody', '-g', 'nogroup');
  }
  const url = `http://127.0.0.1:${normal}`;
  const stop = await startDaemon({
    name: `rspamd on ${url}`,
    bin,
    args,
    env: { ...process.env, LANG: 'C' },
    ready: () => ping(url),
    pollMs: 300,
    timeoutMs: START_TIMEOUT_MS,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  });
  return { url, stop };
}
