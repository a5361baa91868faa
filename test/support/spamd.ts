// Starts SpamAssassin's spamd on a free loopback port for tests and the benchmark: local tests
// only (no DNS, no network), no user preferences, no Bayes, a private home folder, so it needs no
// network and leaves no state behind. Only node:* imports: the VS Code test suite uses it too.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExecutable, freePort, startDaemon } from './daemon';

export interface RunningSpamd {
  host: string;
  port: number;
  stop(): Promise<void>;
}

// Loading the rules takes 5 to 15 s on a small machine; more under load.
const START_TIMEOUT_MS = 120_000;

/** The spamd executable, or undefined when SpamAssassin is not installed. */
export const findSpamd = (): string | undefined => findExecutable('spamd');

/** spamc, for the benchmark's comparison. */
export const findSpamc = (): string | undefined => findExecutable('spamc');

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
  const stop = await startDaemon({
    name: `spamd on 127.0.0.1:${port}`,
    bin,
    args,
    env: { ...process.env, HOME: home, LANG: 'C', LC_ALL: 'C' },
    // The socket is open once a first child is spawned.
    ready: async (log) => log.includes('server successfully spawned child') && (await canConnect(port)),
    pollMs: 200,
    timeoutMs: START_TIMEOUT_MS,
    cleanup: () => rmSync(home, { recursive: true, force: true }),
  });
  return { host: '127.0.0.1', port, stop };
}
