// npm run bench: lint time against a bare htmlparser2 parse of the same bytes, measured side by
// side in one process. Prints ratios; it is not a pass/fail test.
// Target (issue #2): lint ≤ 2× parse for 100 KB and 1 MB newsletters.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { Parser, parseDocument } from 'htmlparser2';
import { newsletter } from './newsletter';

const root = join(__dirname, '..');

// Measure the engine as it ships: bundled by esbuild, as in dist/extension.js and dist/cli.js
// (running the TypeScript sources through a loader adds a getter to every cross-module call).
const outfile = join(root, 'out', 'bench', 'engine.cjs');
mkdirSync(join(root, 'out', 'bench'), { recursive: true });
buildSync({ entryPoints: [join(root, 'src/engine/lint.ts')], bundle: true, platform: 'neutral', format: 'cjs', mainFields: ['module', 'main'], outfile, logLevel: 'error' });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lint } = require(outfile) as typeof import('../src/engine/lint');

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const rows: string[][] = [];
for (const [label, bytes, runs] of [
  ['100 KB', 100 * 1024, 41],
  ['1 MB', 1024 * 1024, 11],
] as const) {
  const html = newsletter(bytes);
  // Warm up the JIT and the lexicon cache for all three, as in an editor session that has been
  // linting for a while (a cold first lint is slower for everything alike).
  for (let i = 0; i < runs; i++) {
    new Parser({}, { decodeEntities: true }).end(html);
    parseDocument(html);
    lint(html, { kind: 'html' });
  }
  // Interleaved, so that load changes on the machine affect the three alike.
  const times: number[][] = [[], [], []];
  const fns = [() => new Parser({}, { decodeEntities: true }).end(html), () => parseDocument(html), () => lint(html, { kind: 'html' })];
  for (let i = 0; i < runs; i++) fns.forEach((fn, k) => times[k].push(time(fn)));
  const [tokenize, dom, full] = times.map(median);
  const findings = lint(html, { kind: 'html' }).findings.length;
  rows.push([label, `${(html.length / 1024).toFixed(0)} KB`, tokenize.toFixed(1), dom.toFixed(1), full.toFixed(1), (full / tokenize).toFixed(2), (full / dom).toFixed(2), String(findings)]);
}

const head = ['draft', 'size', 'parse ms', 'parse+DOM ms', 'lint ms', 'lint/parse', 'lint/DOM', 'findings'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
console.log('Lint vs bare htmlparser2 parse (median of runs, same process)');
console.log(line(head));
for (const r of rows) console.log(line(r));
console.log('Target: lint/parse ≤ 2 (parse = htmlparser2 Parser with entity decoding, no handler).');

// The learned spam model's share of a lint (issue #17: at most +20% on the 100 KB newsletter).
{
  const html = newsletter(100 * 1024);
  const runs = 41;
  for (let i = 0; i < runs; i++) {
    lint(html, { kind: 'html' });
    lint(html, { kind: 'html', score: false });
  }
  const withModel: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < runs; i++) {
    without.push(time(() => lint(html, { kind: 'html', score: false })));
    withModel.push(time(() => lint(html, { kind: 'html' })));
  }
  const a = median(without);
  const b = median(withModel);
  console.log('');
  console.log('Spam model cost on the 100 KB newsletter (median of runs, interleaved)');
  console.log(`lint without model ${a.toFixed(1)} ms, with model ${b.toFixed(1)} ms: +${((100 * (b - a)) / a).toFixed(0)}% (target ≤ +20%)`);
}
