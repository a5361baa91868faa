// Where the shared evaluation corpus lives: `MAILPROOF_CORPUS`, else `../shared/corpus` next to
// the repository (the main checkout), else one level further up (a worktree under /work/wt).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The corpus folder, or undefined when there is none (CI clones the repository alone). */
export function findCorpus(repoRoot: string): string | undefined {
  const candidates = [process.env.MAILPROOF_CORPUS, join(repoRoot, '..', 'shared', 'corpus'), join(repoRoot, '..', '..', 'shared', 'corpus')];
  for (const c of candidates) if (c && existsSync(join(c, 'templates'))) return resolve(c);
  return undefined;
}
