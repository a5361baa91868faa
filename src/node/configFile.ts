// Where a draft's `.mailproofrc.json` is: shared by the CLI and the extension host (Node only).
import { statSync } from 'node:fs';
import { dirname, join, parse as parsePath, resolve } from 'node:path';

export const CONFIG_FILE = '.mailproofrc.json';

/** The nearest `.mailproofrc.json` from the file's folder up to the filesystem root. */
export function findConfig(filePath: string, cache: Map<string, string | null>): string | undefined {
  let dir = dirname(resolve(filePath));
  const visited: string[] = [];
  for (;;) {
    const hit = cache.get(dir);
    if (hit !== undefined) {
      for (const v of visited) cache.set(v, hit);
      return hit ?? undefined;
    }
    visited.push(dir);
    const candidate = join(dir, CONFIG_FILE);
    try {
      if (statSync(candidate).isFile()) {
        for (const v of visited) cache.set(v, candidate);
        return candidate;
      }
    } catch {
      // not here
    }
    const parent = dirname(dir);
    if (parent === dir || dir === parsePath(dir).root) {
      for (const v of visited) cache.set(v, null);
      return undefined;
    }
    dir = parent;
  }
}
