// Bundles the extension-host test suite with esbuild into out/test/extension/suite/: index.js
// (the @vscode/test-electron entry exporting run()) and one bundle per *.test.ts, which
// index.js hands to mocha. `vscode` comes from the host and mocha from node_modules.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const suite = join(root, 'test', 'extension', 'suite');

/** Builds the suite; returns the output folder. */
export async function buildTests() {
  const outdir = join(root, 'out', 'test', 'extension', 'suite');
  rmSync(outdir, { recursive: true, force: true });
  const entryPoints = readdirSync(suite)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => join(suite, f));
  await esbuild.build({
    entryPoints,
    outdir,
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outdir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await buildTests();
  console.log(`extension-host suite built into ${out}`);
}
