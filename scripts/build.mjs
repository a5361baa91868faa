// Bundles the extension, the lazily loaded deliverability engine, the webview script and the
// CLI with esbuild. `--production` minifies and drops sourcemaps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// The engine only uses htmlparser2's Parser. Its package index also pulls in domhandler,
// domutils and dom-serializer (about 100 KB minified) that esbuild cannot drop, so the bundles
// import the Parser module directly.
const parserOnly = {
  name: 'htmlparser2-parser-only',
  setup(build) {
    build.onResolve({ filter: /^htmlparser2$/ }, () => ({ path: join(root, 'node_modules', 'htmlparser2', 'dist', 'esm', 'Parser.js') }));
  },
};

const common = {
  define: { MAILPROOF_VERSION: JSON.stringify(version) },
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  absWorkingDir: root,
  plugins: [parserOnly],
};

/**
 * The CLI loads the deliverability engine from dist/deliverability.js at run time instead of
 * carrying a second copy of it (the VSIX ships both files).
 * @type {esbuild.Plugin}
 */
const deliverabilityExternal = {
  name: 'deliverability-external',
  setup(build) {
    build.onResolve({ filter: /\/deliverability\/index$/ }, () => ({ path: './deliverability.js', external: true }));
    // The recipient-list checks likewise live in dist/lists.js.
    build.onResolve({ filter: /\/lists\/index$/ }, () => ({ path: './lists.js', external: true }));
  },
};

/**
 * `mailproof build|score|send` and the editor's test commands carry nodemailer: they live in
 * bundles of their own (dist/cli-filters.js, dist/filters.js), loaded only when used.
 * @type {esbuild.Plugin}
 */
const cliFiltersExternal = {
  name: 'cli-filters-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/filters$/ }, (args) => (args.importer.endsWith(join('src', 'cli', 'main.ts')) ? { path: './cli-filters.js', external: true } : undefined));
  },
};

/** @type {esbuild.BuildOptions[]} */
const entries = [
  {
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    // Loaded on the first deliverability check, never at activation.
    entryPoints: ['src/deliverability/index.ts'],
    outfile: 'dist/deliverability.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    // Lints in a worker thread: the CLI's pool and the extension's large drafts.
    entryPoints: ['src/node/lintWorker.ts'],
    outfile: 'dist/lintWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    entryPoints: ['src/webview/testResults.ts'],
    outfile: 'dist/testResults.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    // Recipient-list checks: loaded when a list is opened or `mailproof list` runs.
    entryPoints: ['src/lists/index.ts'],
    outfile: 'dist/lists.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    entryPoints: ['src/webview/lists.ts'],
    outfile: 'dist/lists-webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [parserOnly, deliverabilityExternal, cliFiltersExternal],
  },
  {
    entryPoints: ['src/cli/filters.ts'],
    outfile: 'dist/cli-filters.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [parserOnly, deliverabilityExternal],
  },
  {
    // Loaded on the first "Test with SpamAssassin/Rspamd", "Send Test Message" or "Generate Text Version".
    entryPoints: ['src/filters/index.ts'],
    outfile: 'dist/filters.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
];

function copyDocs() {
  // Rule docs ship inside the package so "Learn more" works offline.
  const from = join(root, 'docs', 'rules');
  const to = join(root, 'dist', 'docs', 'rules');
  if (!existsSync(from)) return;
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(from)) if (f.endsWith('.md')) cpSync(join(from, f), join(to, f));
}

if (!watch) rmSync(join(root, 'dist'), { recursive: true, force: true });
if (watch) {
  const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
  await Promise.all(contexts.map((c) => c.watch()));
  copyDocs();
  console.log('watching for changes…');
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
  copyDocs();
}
