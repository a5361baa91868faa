// Runs the unit and integration tests with node's test runner (Node 20 does not expand globs).
// Extension-host and browser tests live in test/extension and test/e2e: `npm run test:e2e`.
// Usage: node scripts/test.mjs [path-filter...]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const skip = new Set(['e2e', 'extension', 'fixtures', 'golden']);
const files = [];
(function walk(dir) {
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    if (ent.isDirectory()) {
      if (!skip.has(ent.name)) walk(join(dir, ent.name));
    } else if (ent.name.endsWith('.test.ts')) files.push(relative(root, join(dir, ent.name)));
  }
})(join(root, 'test'));

const filters = process.argv.slice(2);
const selected = files.filter((f) => filters.length === 0 || filters.some((x) => f.includes(x))).sort();
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...selected], { stdio: 'inherit', cwd: root });
process.exit(res.status ?? 1);
