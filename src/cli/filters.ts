import type { Locale } from '../engine/types';
import { BUILD_FLAGS, BUILD_VALUES, runBuild } from './build';
import type { Io } from './lint';
import { parseArgs, UsageError } from './args';
import { runScore } from './score';
import { runSend, type SendIo } from './send';

// Bounds what --password-stdin reads: a password, not a file.
const MAX_STDIN_BYTES = 64 * 1024;

function readProcessStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    process.stdin.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_STDIN_BYTES) chunks.push(c);
    });
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

/** `mailproof build | score | send`: the commands that turn a draft into the message that is sent. */
export async function runFiltersCommand(command: 'build' | 'score' | 'send', argv: string[], io: Io & Partial<SendIo>, locale: Locale, env: NodeJS.ProcessEnv): Promise<number> {
  try {
    if (command === 'build') return await runBuild(parseArgs(argv, { values: BUILD_VALUES, flags: [...BUILD_FLAGS, '--help', '-h'] }, locale), io, locale);
    if (command === 'score') return await runScore(argv, io, locale);
    return await runSend(argv, { ...io, readStdin: io.readStdin ?? readProcessStdin }, locale, env);
  } catch (e) {
    // This file is its own bundle (dist/cli-filters.js) with its own copy of UsageError, which
    // main's `instanceof` would not recognise: usage errors are reported here.
    if (!(e instanceof UsageError)) throw e;
    io.err(`mailproof: ${e.message}\n`);
    return 2;
  }
}
