// npm run bench (spelling part): what the spelling rule adds to a lint of a 100 KB French
// newsletter once the dictionaries are loaded, what loading them costs, and the memory of one
// open French draft before and after the extension's spelling worker starts. Measured side by
// side in one process; a measurement, not a test. Target (issue #14): at most +50 ms.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import { ContextModel } from '../src/engine/spelling/context';
import { FR_CONTEXT } from '../src/engine/spelling/context-data';
import type { Speller } from '../src/engine/spelling/speller';
import { findCorpus } from './corpus-dir';

const root = join(__dirname, '..');
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'spelling.js'))) throw new Error('run "npm run build" first: dist/spelling.js is missing');

// The engine as it ships (see bench.ts).
const outfile = join(root, 'out', 'bench', 'engine-spelling.cjs');
mkdirSync(join(root, 'out', 'bench'), { recursive: true });
buildSync({ entryPoints: [join(root, 'src/engine/lint.ts')], bundle: true, platform: 'neutral', format: 'cjs', mainFields: ['module', 'main'], outfile, logLevel: 'error' });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lint } = require(outfile) as typeof import('../src/engine/lint');

/** A 100 KB French newsletter with real vocabulary: the French mail of the corpus, else the example. */
function frenchNewsletter(bytes: number): { html: string; from: string } {
  const corpus = findCorpus(root);
  const paragraphs: string[] = [];
  const dir = corpus ? join(corpus, 'train', 'ham') : undefined;
  if (dir && existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      if (!/^(emplois|dora|mobilic|histologe|macantine|trackdechets|rdvinsertion)__.*\.(html|txt)$/.test(name)) continue;
      const text = readFileSync(join(dir, name), 'utf8')
        .replace(/<[^>]{0,2000}>/g, ' ')
        .replace(/\{[{%#][^}]{0,500}[}%#]\}/g, ' ')
        .replace(/&[a-z]{2,8};/g, ' ');
      for (const p of text.split(/\n\s*\n/)) if (/[a-zé]{3}/.test(p) && p.length > 80) paragraphs.push(p.trim().slice(0, 1500));
    }
  }
  const from = paragraphs.length ? `${paragraphs.length} paragraphs of the corpus's French mail` : 'examples/promo-fr.html repeated';
  if (!paragraphs.length) paragraphs.push(readFileSync(join(root, 'examples', 'promo-fr.html'), 'utf8').replace(/<[^>]{0,2000}>/g, ' '));
  const out = ['<!doctype html><html lang="fr"><body>'];
  let size = out[0].length;
  for (let i = 0; size < bytes; i++) {
    const p = `<p>${paragraphs[i % paragraphs.length].replace(/[<>&]/g, ' ')}</p>\n`;
    out.push(p);
    size += p.length;
  }
  out.push('</body></html>');
  return { html: out.join(''), from };
}

function ms(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const { html, from } = frenchNewsletter(100 * 1024);
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadSpeller } = require(join(dist, 'spelling.js')) as typeof import('../src/spelling/index');
  const speller = await loadSpeller();
  const loadMs = performance.now() - t0;
  const rssAfter = process.memoryUsage().rss;

  // A fresh wrapper has an empty word cache: the first lint of a draft after loading.
  // Its context counts for real-word slips are built on first use, as in dist/spelling.js.
  const cold = (): Speller => {
    let context: Speller['context'];
    return {
      has: (l) => speller.has(l),
      check: (w, l) => speller.check(w, l),
      suggest: (w, l) => speller.suggest(w, l),
      get context() {
        return (context ??= { fr: new ContextModel(FR_CONTEXT) });
      },
    };
  };
  // The same dictionaries without the context counts: what the French real-word check costs.
  const noContext: Speller = { has: (l) => speller.has(l), check: (w, l) => speller.check(w, l), suggest: (w, l) => speller.suggest(w, l) };
  const RUNS = 15;
  for (let i = 0; i < 5; i++) {
    lint(html, { kind: 'html' });
    lint(html, { kind: 'html', speller });
    lint(html, { kind: 'html', speller: noContext });
  }
  const without: number[] = [];
  const warm: number[] = [];
  const warmNoContext: number[] = [];
  const first: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    without.push(ms(() => lint(html, { kind: 'html' })));
    warm.push(ms(() => lint(html, { kind: 'html', speller })));
    warmNoContext.push(ms(() => lint(html, { kind: 'html', speller: noContext })));
    if (i < 5) {
      const c = cold();
      first.push(ms(() => lint(html, { kind: 'html', speller: c })));
    }
  }
  const run = lint(html, { kind: 'html', speller });
  const spellingFindings = run.findings.filter((f) => f.ruleId === 'spelling');
  const word = spellingFindings[0]?.data?.word;
  let suggestMs = 0;
  if (typeof word === 'string') suggestMs = ms(() => speller.suggest(word, 'fr'));

  const base = median(without);
  console.log(`\nSpelling on a ${(html.length / 1024).toFixed(0)} KB French newsletter (${from}), median of runs, same process`);
  console.log(`  lint without speller        ${base.toFixed(1)} ms`);
  console.log(`  lint with speller (typing)  ${median(warm).toFixed(1)} ms   +${(median(warm) - base).toFixed(1)} ms (words cached from the previous lint)`);
  console.log(`    of which real-word check   +${(median(warm) - median(warmNoContext)).toFixed(1)} ms (the same lint without the context counts: ${median(warmNoContext).toFixed(1)} ms)`);
  console.log(`  first lint after loading    ${median(first).toFixed(1)} ms   +${(median(first) - base).toFixed(1)} ms (empty word cache)`);
  console.log(`  spelling findings           ${spellingFindings.length}; suggestions for “${word}”: ${suggestMs.toFixed(0)} ms (when the quick-fix menu opens)`);
  console.log(`  loading dist/spelling.js + both dictionaries: ${loadMs.toFixed(0)} ms (${Object.entries(speller.loadMs).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ')}), RSS +${mb(rssAfter - rssBefore)}`);
  console.log('  Target: spelling adds ≤ 50 ms to a lint once loaded.');

  // Memory of one open French draft in the extension host process, before and after the
  // spelling worker (dist/lintWorker.js) starts and lints it.
  const rss0 = process.memoryUsage().rss;
  const worker = new Worker(join(dist, 'lintWorker.js'));
  const t1 = performance.now();
  const answer = await new Promise<{ findings: unknown[] }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage({ type: 'lint', id: 1, uri: 'bench', version: 1, text: html, kind: 'html', config: {}, locale: 'fr' });
  });
  const workerMs = performance.now() - t1;
  const rss1 = process.memoryUsage().rss;
  await worker.terminate();
  console.log(`\nExtension host memory with one open 100 KB French draft: process RSS ${mb(rss0)} before the spelling worker, ${mb(rss1)} after (+${mb(rss1 - rss0)});`);
  console.log(`  the worker's first answer (start, load Hunspell, lint) came after ${workerMs.toFixed(0)} ms, ${answer.findings.length} findings; activation loads none of it.`);
}

void main();
