// What the spamd and rspamd launchers share: finding an executable, picking a free loopback port,
// and running a daemon until it answers, with its stderr kept for the error message. Only node:*
// imports: the VS Code test suite and the benchmarks use it too.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { delimiter, join } from 'node:path';

/** The executable's path from PATH or the usual system folders, or undefined when not installed. */
export function findExecutable(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/usr/bin', '/usr/local/bin'];
  for (const d of dirs) {
    if (!d) continue;
    try {
      accessSync(join(d, name), constants.X_OK);
      return join(d, name);
    } catch {
      // not there
    }
  }
  return undefined;
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface DaemonOptions {
  /** Its name in error messages. */
  name: string;
  bin: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Polled until it returns true; it gets the stderr logged so far. */
  ready: (log: string) => Promise<boolean>;
  pollMs: number;
  timeoutMs: number;
  /** Called once the daemon is gone, to remove its private folders. */
  cleanup: () => void;
}

/** Starts the daemon and waits until `ready`; returns its stop function, or throws with the end of its log. */
export async function startDaemon(o: DaemonOptions): Promise<() => Promise<void>> {
  const child = spawn(o.bin, o.args, { stdio: ['ignore', 'ignore', 'pipe'], env: o.env });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => {
    if (log.length < 64 * 1024) log += d.toString();
  });
  let dead = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => (dead = true));
  const stop = async () => {
    if (!dead) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    o.cleanup();
  };
  const deadline = Date.now() + o.timeoutMs;
  while (Date.now() < deadline && !dead) {
    if (await o.ready(log)) return stop;
    await new Promise((r) => setTimeout(r, o.pollMs));
  }
  await stop();
  throw new Error(`${o.name} did not start: ${log.slice(-2000)}`);
}
