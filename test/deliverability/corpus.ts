import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');

/**
 * The shared evaluation corpus, when present: $MAILPROOF_CORPUS, else `shared/corpus` beside
 * the clone (CI) or two levels up (a worktree). Undefined when absent (a lone clone).
 */
export function corpusDir(): string | undefined {
  const candidates = [process.env.MAILPROOF_CORPUS, join(root, '..', 'shared', 'corpus'), join(root, '..', '..', 'shared', 'corpus')];
  return candidates.find((c): c is string => !!c && existsSync(c));
}
