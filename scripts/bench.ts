// npm run bench: the performance bars of issue #11, measured side by side in one process and
// printed as ratios; it is not a pass/fail test. Times depend on the machine's load, ratios much
// less (each pair is measured interleaved).
//   1. lint vs a bare htmlparser2 parse of the same bytes: 100 KB, 1 MB and 3 MB newsletters,
//      an .eml (against a parse of its decoded HTML), the shared corpus's real templates;
//   2. what an editor keeps of a 3 MB draft between two lints, against its source size;
//   3. lint time with 10,000 extra phrases against none;
//   4. the CLI on 2,000 templates: files per second in one thread, with one worker and with one
//      worker per core; and its start-up for one small file against bare `node`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { Parser, parseDocument } from 'htmlparser2';
import { findCorpus } from './corpus-dir';
import { newsletter } from './newsletter';

const root = join(__dirname, '..');

// Measure the engine as it ships: bundled by esbuild, as in dist/extension.js and dist/cli.js
// (running the TypeScript sources through a loader adds a getter to every cross-module call).
const outfile = join(root, 'out', 'bench', 'engine.cjs');
mkdirSync(join(root, 'out', 'bench'), { recursive: true });
buildSync({
  stdin: {
    contents: "export { lint } from './src/engine/lint'; export { snapshotOf } from './src/engine/snapshot'; export { buildModel } from './src/engine/parse/index'; export { rules } from './src/engine/rules/index';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'neutral',
  format: 'cjs',
  mainFields: ['module', 'main'],
  outfile,
  logLevel: 'error',
});
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lint, snapshotOf, buildModel, rules } = require(outfile) as typeof import('../src/engine/lint') &
  typeof import('../src/engine/snapshot') &
  typeof import('../src/engine/parse/index') &
  typeof import('../src/engine/rules/index');

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** CPU seconds (user + system) of this process's finished children and theirs, from /proc; undefined elsewhere. */
function childCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // After the command name: state is field 3, cutime and cstime fields 16 and 17 (clock ticks, 100 per second).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Medians of functions timed in turns, so that load changes on the machine affect them alike. */
function interleaved(fns: Array<() => void>, runs: number): number[] {
  // Warm up the JIT and the lexicon cache, as in an editor session that has been linting for a
  // while: at least 3 turns and one second. A fixed 3 turns left a 100 KB lint half optimised
  // under load, so its median read warm-up rather than the lint.
  const warm = performance.now();
  for (let i = 0; i < 3 || performance.now() - warm < 1000; i++) for (const fn of fns) fn();
  const times: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i++) fns.forEach((fn, k) => times[k].push(time(fn)));
  return times.map(median);
}

function table(title: string, head: string[], rows: string[][], note?: string): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  if (note) console.log(note);
}

const bareParse = (html: string) => () => new Parser({}, { decodeEntities: true }).end(html);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

// A multipart/alternative message around a newsletter: a text part and the HTML in
// quoted-printable, as mailing tools send them.
function emlOf(html: string): string {
  const text = html
    .replace(/<(style|script)[^>]*>[^<]*<\/\1>/gi, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[ \t]+/g, ' ');
  return [
    'From: News <news@shop.example>',
    'To: reader@example.org',
    'Subject: Our weekly news',
    'Date: Thu, 26 Nov 2026 09:00:00 +0100',
    'MIME-Version: 1.0',
    'List-Unsubscribe: <https://shop.example/unsubscribe>',
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(text),
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(html),
    '--b1--',
    '',
  ].join('\r\n');
}

// RFC 2045 §6.7: `=XX` for `=` and bytes outside printable ASCII, soft breaks before 76 columns.
function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    let cur = '';
    for (const byte of Buffer.from(line, 'utf8')) {
      const enc = byte === 61 || byte < 32 || byte > 126 ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(byte);
      if (cur.length + enc.length > 75) {
        out.push(`${cur}=`);
        cur = '';
      }
      cur += enc;
    }
    out.push(cur);
  }
  return out.join('\r\n');
}

// 1. Lint vs a bare parse.
{
  const rows: string[][] = [];
  for (const [label, bytes, runs] of [
    ['newsletter 100 KB', 100 * 1024, 41],
    ['newsletter 1 MB', 1024 * 1024, 11],
    ['newsletter 3 MB', 3 * 1024 * 1024, 7],
  ] as const) {
    const html = newsletter(bytes);
    const [tokenize, dom, full] = interleaved([bareParse(html), () => parseDocument(html), () => lint(html, { kind: 'html' })], runs);
    rows.push([label, kb(html.length), tokenize.toFixed(1), dom.toFixed(1), full.toFixed(1), (full / tokenize).toFixed(2), '≤ 2.5']);
  }
  {
    const html = newsletter(3 * 1024 * 1024);
    const eml = emlOf(html);
    const [tokenize, dom, full] = interleaved([bareParse(html), () => parseDocument(html), () => lint(eml, { kind: 'eml' })], 7);
    rows.push(['.eml (QP text + HTML)', kb(eml.length), tokenize.toFixed(1), dom.toFixed(1), full.toFixed(1), (full / tokenize).toFixed(2), '≤ 3']);
  }
  const corpus = findCorpus(root);
  if (corpus) {
    const dir = join(corpus, 'templates');
    const templates = readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    const all = (fn: (t: string) => () => void) => () => templates.forEach((t) => fn(t)());
    const [tokenize, dom, full] = interleaved(
      [all(bareParse), all((t) => () => parseDocument(t)), all((t) => () => lint(t, { kind: 'html' }))],
      11,
    );
    const size = templates.reduce((n, t) => n + t.length, 0);
    rows.push([`${templates.length} corpus templates`, kb(size), tokenize.toFixed(1), dom.toFixed(1), full.toFixed(1), (full / tokenize).toFixed(2), '≤ 4']);
  }
  table(
    'Lint vs bare htmlparser2 parse (median ms, interleaved, same process)',
    ['draft', 'size', 'parse', 'parse+DOM', 'lint', 'lint/parse', 'goal'],
    rows,
    'parse = htmlparser2 Parser with entity decoding and no handler; for the .eml, a parse of its decoded HTML.\n' +
      'lint = every rule and the learned score, without spelling and grammar: no speller or grammar results are given,\n' +
      'as on the editor\'s host thread (they run in a worker there); the CLI rows below include both.',
  );

  // Where a lint's time goes: its stages, each against the same bare parse, measured in turns.
  const allOff = { rules: Object.fromEntries(rules.map((r) => [r.id, 'off' as const])) };
  const stages = (drafts: string[]) => {
    const each = (fn: (t: string) => void) => () => drafts.forEach(fn);
    return interleaved(
      [
        each((t) => bareParse(t)()),
        each((t) => buildModel(t, 'html')),
        each((t) => lint(t, { kind: 'html', config: allOff, score: false })),
        each((t) => lint(t, { kind: 'html', score: false })),
        each((t) => lint(t, { kind: 'html' })),
      ],
      drafts.length > 1 ? 11 : 41,
    );
  };
  const stageRows: string[][] = [];
  const drafts: Array<[string, string[]]> = [['newsletter 100 KB', [newsletter(100 * 1024)]]];
  if (corpus) {
    const dir = join(corpus, 'templates');
    drafts.push(['corpus templates', readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(dir, f), 'utf8'))]);
  }
  for (const [label, texts] of drafts) {
    const [bare, ...rest] = stages(texts);
    stageRows.push([label, ...rest.map((t) => (t / bare).toFixed(2))]);
  }
  table(
    'Lint stages vs the same bare parse (ratios of medians, interleaved)',
    ['draft', 'model', '+ setup, no rule', '+ rules', '+ score (lint)'],
    stageRows,
    'model = the parse every rule reads (htmlparser2\'s tokenizer, the elements, the text view); + setup = a lint with every\n' +
      'rule off and no score (configuration, mail type, directives); + rules = every rule, no score; + score = the whole lint.',
  );
}

// 2. What an editor keeps between two lints. Each measure runs in a fresh process: after
// several large lints in one heap, what the collector frees varies from one run to the next.
// Measured half a second after the lint, once the background compiler has had a core on a
// loaded machine: measured synchronously, it read 0.3× or 10× at random.
const SETTLE_MS = 500;
{
  const html = newsletter(3 * 1024 * 1024);
  const draftFile = join(root, 'out', 'bench', 'draft-3mb.html');
  writeFileSync(draftFile, html);
  const probe = `
    const { lint, snapshotOf } = require(${JSON.stringify(outfile)});
    const html = require('node:fs').readFileSync(${JSON.stringify(draftFile)}, 'utf8');
    const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
    (async () => {
      lint('<p>warm</p>', { kind: 'html' });
      const before = heap();
      const keep = (run) => (process.argv[1] === 'run' ? run : process.argv[1] === 'snapshot' ? snapshotOf(run) : undefined);
      let kept = keep(lint(html, { kind: 'html' }));
      if (process.argv[2] !== 'before-next') lint('<p>x</p>', { kind: 'html' });
      // Back to the event loop, as an editor is between two lints: V8's background optimising
      // compiler holds the closures of functions it is still compiling (and, through them, a
      // finished lint's words and model) until its jobs are installed on the main thread.
      await new Promise((resolve) => setTimeout(resolve, ${SETTLE_MS}));
      process.stdout.write(String(heap() - before));
      if (kept === 1) console.log(kept);
    })();`;
  const measure = (mode: string, when = 'after-next') => Number(spawnSync(process.execPath, ['--expose-gc', '-e', probe, mode, when], { encoding: 'utf8' }).stdout);
  // Flat, one byte per character as V8 stores Latin-1 text: the draft's source size.
  const source = html.length;
  const rows = (
    [
      ['full lint run (model, line table)', 'run'],
      ['snapshot (findings + code-action facts)', 'snapshot'],
      ['nothing', 'nothing'],
      ['nothing, before the next lint (engine module state)', 'nothing', 'before-next'],
    ] as const
  ).map(([label, mode, when]) => {
    const all = [1, 2, 3, 4, 5].map(() => measure(mode, when));
    const bytes = median(all);
    return [label, kb(bytes), (bytes / source).toFixed(2), `${(Math.min(...all) / source).toFixed(2)}–${(Math.max(...all) / source).toFixed(2)}`];
  });
  table(
    'Retained state of a 3 MB draft between two lints (heap after GC, a fresh process each, median of 5)',
    ['kept', 'bytes', '× source', 'range'],
    rows,
    `Source: ${kb(source)}. Measured after one more (small) lint, except the last row, and after ${SETTLE_MS} ms back on the event loop\n` +
      "(V8's background compiler holds a finished lint's closures until its jobs are installed).\n" +
      "The extension keeps a snapshot per draft (goal ≤ 4×); the document text itself is VS Code's.",
  );
}

// 3. Phrase count.
{
  const html = newsletter(3 * 1024 * 1024);
  // Phrases on the draft's own words: the worst case, every word starts many of them.
  const words = [...new Set(html.replace(/<[^>]*>/g, ' ').match(/[A-Za-z]{3,}/g) ?? [])];
  const phrases: string[] = [];
  for (let i = 0; phrases.length < 10_000; i++) {
    const third = i >= words.length * 2 ? ` ${words[(i * 13) % words.length]}` : '';
    phrases.push(`${words[i % words.length]} ${words[(i * 7 + 3) % words.length]}${third}`);
  }
  const config = { phrases: { add: phrases, ignore: [] } };
  const [plain, many] = interleaved([() => lint(html, { kind: 'html' }), () => lint(html, { kind: 'html', config })], 7);
  table(
    'Lint time with 10,000 extra phrases built from the draft’s own words (3 MB newsletter)',
    ['phrases', 'lint ms', 'ratio'],
    [
      ['lexicons only', plain.toFixed(1), '1.00'],
      ['+ 10,000', many.toFixed(1), (many / plain).toFixed(2)],
    ],
    'Goal: ratio < 1.20 (compiled once per configuration; the compile is not in these times).',
  );
}

// 4. The CLI.
{
  const cli = join(root, 'dist', 'cli.js');
  const corpus = findCorpus(root);
  const tmp = mkdtempSync(join(tmpdir(), 'mailproof-bench-'));
  try {
    const rows: string[][] = [];
    if (corpus) {
      const dir = join(corpus, 'templates');
      const templates = readdirSync(dir).filter((f) => f.endsWith('.html'));
      const files = join(tmp, 'templates');
      mkdirSync(files);
      for (let i = 0; i < 2000; i++) writeFileSync(join(files, `t${String(i).padStart(4, '0')}.html`), readFileSync(join(dir, templates[i % templates.length])));
      const cores = availableParallelism();
      const settings = [0, 1, cores];
      const runOnce = (workers: number) => {
        const cpu = childCpuSeconds();
        const t = process.hrtime.bigint();
        spawnSync(process.execPath, [cli, 'lint', '--format', 'json', files], { env: { ...process.env, MAILPROOF_WORKERS: String(workers) }, maxBuffer: 1 << 30 });
        const seconds = Number(process.hrtime.bigint() - t) / 1e9;
        const after = childCpuSeconds();
        return { seconds, cpu: cpu === undefined || after === undefined ? NaN : after - cpu };
      };
      const times: number[][] = settings.map(() => []);
      const cpus: number[][] = settings.map(() => []);
      for (let r = 0; r < 3; r++)
        settings.forEach((w, k) => {
          const { seconds, cpu } = runOnce(w);
          times[k].push(seconds);
          cpus[k].push(cpu);
        });
      const rate = times.map((t) => 2000 / median(t));
      // What the machine gives right now: the same busy loop in one process, then in one process per core at once.
      const spin = (n: number) => {
        const t = process.hrtime.bigint();
        const loop = 'let x = 0; for (let i = 0; i < 4e8; i++) x = (x * 31 + i) % 1000003; if (x < 0) console.log(x);';
        const script = `const { spawn } = require('node:child_process'); let left = ${n}; for (let i = 0; i < ${n}; i++) spawn(process.execPath, ['-e', ${JSON.stringify(loop)}]).on('exit', () => --left || 0);`;
        spawnSync(process.execPath, ['-e', script]);
        return Number(process.hrtime.bigint() - t) / 1e9;
      };
      const spins = [spin(1), spin(cores), spin(1), spin(cores)];
      const machine = ((cores * (spins[0] + spins[2])) / (spins[1] + spins[3])).toFixed(2);
      // The same for this work, which a busy loop flatters (the lint is heavy on memory and the
      // collector): the 2,000 files split in one part per core, each part linted in one thread
      // by its own CLI process, the parts one after the other, then all at once.
      const parts = Array.from({ length: cores }, (_, p) => {
        const dir = join(tmp, `part${p}`);
        mkdirSync(dir);
        for (let i = p; i < 2000; i += cores) writeFileSync(join(dir, `t${i}.html`), readFileSync(join(files, `t${String(i).padStart(4, '0')}.html`)));
        return dir;
      });
      const lintArgs = (dir: string) => [cli, 'lint', '--format', 'json', dir];
      const inTurn = () => {
        const t = process.hrtime.bigint();
        for (const dir of parts) spawnSync(process.execPath, lintArgs(dir), { stdio: 'ignore', env: { ...process.env, MAILPROOF_WORKERS: '0' } });
        return Number(process.hrtime.bigint() - t) / 1e9;
      };
      const atOnce = () => {
        const t = process.hrtime.bigint();
        const runs = JSON.stringify(parts.map(lintArgs));
        const script = `const { spawn } = require('node:child_process'); for (const a of ${runs}) spawn(process.execPath, a, { stdio: 'ignore', env: { ...process.env, MAILPROOF_WORKERS: '0' } });`;
        spawnSync(process.execPath, ['-e', script]);
        return Number(process.hrtime.bigint() - t) / 1e9;
      };
      const split = [inTurn(), atOnce(), inTurn(), atOnce()];
      const processes = ((split[0] + split[2]) / (split[1] + split[3])).toFixed(2);
      // What the CPU the runs took allows: with every core busy all along, the run with one
      // worker per core lasts at least its CPU seconds divided by the cores.
      const bound = ((cores * median(times[1])) / median(cpus[2])).toFixed(2);
      settings.forEach((w, k) =>
        rows.push([
          w === 0 ? 'one thread (no worker)' : `${w} worker${w > 1 ? 's' : ''}`,
          median(times[k]).toFixed(2),
          rate[k].toFixed(0),
          (rate[k] / rate[1]).toFixed(2),
          median(cpus[k]).toFixed(2),
          (median(cpus[k]) / median(times[k])).toFixed(2),
        ]),
      );
      table(
        `CLI on 2,000 corpus templates (${cores} cores, median of 3 runs; load average ${loadavg()[0].toFixed(2)} at the end)`,
        ['run', 'seconds', 'files/s', 'vs 1 worker', 'CPU s', 'cores used'],
        rows,
        `Goal: one worker per core ≥ 1.7× the files/s of one worker. The machine itself, now: ${cores} busy processes do ${machine}× the work of one\n` +
          '(on an idle machine, about the number of cores; other jobs on it lower this ceiling for the ratio too).\n' +
          `This work without workers: the files in ${cores} parts, each linted by its own CLI process, run ${processes}× faster all at once than one after the other.\n` +
          `From the CPU seconds above: ${cores} workers take at least ${(median(cpus[2]) / cores).toFixed(2)} s even with every core theirs, so their ratio is at most ${bound}× here\n` +
          "(one worker's run already uses more than one core, and each further worker optimises the engine's code again in its own V8 isolate;\n" +
          'other jobs on the machine lengthen the one-worker run and loosen this bound).\n' +
          'Default configuration: spelling (each worker loads Hunspell) and grammar (each worker starts Grammalecte with its first draft) on.\n' +
          'CPU s: user + system time of the run and its child processes. One worker already uses more than one core: the main thread\n' +
          "(reading, output), V8's background compiler and collector, and Grammalecte's process run beside it; a second worker pays\n" +
          'its own start (Hunspell, Grammalecte, the compiler warming up on the engine) again.',
      );
    }
    const small = join(tmp, 'small.txt');
    writeFileSync(small, 'Hello,\n\nOur shop opens on Monday. See you soon!\n');
    const wall = (args: string[]) => {
      const t = process.hrtime.bigint();
      spawnSync(process.execPath, args);
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    const node: number[] = [];
    const one: number[] = [];
    for (let i = 0; i < 15; i++) {
      node.push(wall(['-e', '0']));
      one.push(wall([cli, 'lint', small]));
    }
    table(
      'CLI start-up (median of 15 runs)',
      ['command', 'ms'],
      [
        ['node -e 0', median(node).toFixed(0)],
        ['mailproof lint small.txt', median(one).toFixed(0)],
        ['difference', (median(one) - median(node)).toFixed(0)],
      ],
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// The learned spam model's share of a lint (issue #17: at most +20% on the 100 KB newsletter).
{
  const html = newsletter(100 * 1024);
  // Many short runs, the order swapped every turn: the garbage one lint leaves is collected
  // during the next, so a fixed order would charge it to one side.
  const runs = 201;
  for (let i = 0; i < 20; i++) {
    lint(html, { kind: 'html' });
    lint(html, { kind: 'html', score: false });
  }
  const withModel: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < runs; i++) {
    const plain = () => without.push(time(() => lint(html, { kind: 'html', score: false })));
    const scored = () => withModel.push(time(() => lint(html, { kind: 'html' })));
    if (i % 2 === 0) {
      plain();
      scored();
    } else {
      scored();
      plain();
    }
  }
  const a = median(without);
  const b = median(withModel);
  console.log('');
  console.log('Spam model cost on the 100 KB newsletter (median of runs, interleaved)');
  console.log(`lint without model ${a.toFixed(1)} ms, with model ${b.toFixed(1)} ms: +${((100 * (b - a)) / a).toFixed(0)}% (target ≤ +20%)`);
}
