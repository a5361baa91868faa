// Benchmark (printed, not asserted): `mailproof list --no-dns` on generated CSV lists, streamed
// through the bundled checks (dist/lists.js). Goal: at least 200,000 rows/s on 1,000,000 rows,
// and a peak heap that does not grow with the row count apart from duplicate detection (the
// "recurring" lists reuse 10,000 mailboxes, so their duplicate keys stop growing).
// Run: node scripts/build.mjs && node --import tsx scripts/bench-lists.ts
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

type Lists = typeof import('../src/lists/index');
const lists = require(join(__dirname, '..', 'dist', 'lists.js')) as Lists;

const GOAL_ROWS_PER_S = 200_000;
const CHUNK_CHARS = 256 * 1024;
const DOMAINS = ['gmail.com', 'orange.fr', 'free.fr', 'hotmail.fr', 'yahoo.fr', 'laposte.net', 'sfr.fr', 'outlook.com', 'wanadoo.fr', 'icloud.com'];
const FIRST = ['jean', 'marie', 'pierre', 'sophie', 'luc', 'camille', 'nicolas', 'julie', 'thomas', 'lea'];

let peakHeap = 0;
function sample(): void {
  const h = process.memoryUsage().heapUsed;
  if (h > peakHeap) peakHeap = h;
}

/** A Brevo-like export: email;prenom;nom;inscription, one typo or role account in 50. */
function* generate(rows: number, mailboxes: number): Generator<Buffer> {
  let buf = 'EMAIL;PRENOM;NOM;INSCRIPTION\n';
  for (let i = 0; i < rows; i++) {
    const n = i % mailboxes;
    const domain = i % 50 === 7 ? 'orange.fe' : i % 10 === 9 ? `entreprise${n % 5000}.fr` : DOMAINS[n % 10];
    const local = i % 50 === 13 ? 'contact' : `${FIRST[n % 10]}.dupont${n}`;
    buf += `${local}@${domain};${FIRST[n % 10]};Dupont;2024-0${(n % 9) + 1}-1${n % 10}\n`;
    if (buf.length >= CHUNK_CHARS) {
      yield Buffer.from(buf);
      buf = '';
    }
  }
  yield Buffer.from(buf);
}

const dir = mkdtempSync(join(tmpdir(), 'mailproof-bench-lists-'));
const files = new Map<string, string>();

/** The generated list as a file (written once per shape), read back as `mailproof list` reads it. */
async function listFile(rows: number, mailboxes: number): Promise<string> {
  const key = `${rows}-${mailboxes}`;
  let file = files.get(key);
  if (!file) {
    file = join(dir, `list-${key}.csv`);
    await pipeline(Readable.from(generate(rows, mailboxes)), createWriteStream(file));
    files.set(key, file);
  }
  return file;
}

async function run(rows: number, mailboxes: number, json: boolean) {
  const file = await listFile(rows, mailboxes);
  globalThis.gc?.();
  peakHeap = 0;
  // Sampled between chunks (the reader awaits each one), where the heap is at its largest.
  const timer = setInterval(sample, 2);
  const stamp = lists.stampOf(file, file);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let bytes = 0;
  // JSON puts the summary first: one pass for it, one for the rows, as the CLI does.
  let { summary } = await lists.analyzeFile(file, { file }, stamp);
  if (json) ({ summary } = await lists.analyzeFile(file, { file, onRow: (row) => void (bytes += lists.rowJson(row, 'en').length) }, stamp));
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  sample();
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, peakMb: peakHeap / 1024 / 1024, summary, mb: statSync(file).size / 1024 / 1024 };
}

async function main(): Promise<void> {
  if (!globalThis.gc) console.log('(run with --expose-gc for steadier heap figures)');
  // Warm up the JIT and the lazily built data (PSL, disposable list).
  await run(50_000, 50_000, false);
  console.log(`mailproof list --no-dns on generated CSV files; goal ${GOAL_ROWS_PER_S.toLocaleString('en-US')} rows/s (wall and CPU time: the machine may be shared)`);
  console.log(`${'scenario'.padEnd(42)} ${'rows'.padStart(9)} ${'wall'.padStart(7)} ${'rows/s'.padStart(9)} ${'vs goal'.padStart(7)} ${'cpu'.padStart(7)} ${'rows/cpu-s'.padStart(10)} ${'vs goal'.padStart(7)} ${'peak heap'.padStart(9)}`);
  const scenarios: { label: string; rows: number; mailboxes: (rows: number) => number; json: boolean }[] = [
    { label: 'summary, all addresses distinct', rows: 1_000_000, mailboxes: (r) => r, json: false },
    { label: 'summary + JSON rows (2 passes), distinct', rows: 1_000_000, mailboxes: (r) => r, json: true },
    { label: 'summary, 10,000 recurring mailboxes', rows: 250_000, mailboxes: () => 10_000, json: false },
    { label: 'summary, 10,000 recurring mailboxes', rows: 500_000, mailboxes: () => 10_000, json: false },
    { label: 'summary, 10,000 recurring mailboxes', rows: 1_000_000, mailboxes: () => 10_000, json: false },
  ];
  try {
    for (const s of scenarios) {
      const r = await run(s.rows, s.mailboxes(s.rows), s.json);
      const wallRate = s.rows / (r.ms / 1000);
      const cpuRate = s.rows / (r.cpuMs / 1000);
      const n = (v: number) => Math.round(v).toLocaleString('en-US');
      console.log(
        `${s.label.padEnd(42)} ${n(s.rows).padStart(9)} ${`${(r.ms / 1000).toFixed(2)}s`.padStart(7)} ${n(wallRate).padStart(9)} ${`${(wallRate / GOAL_ROWS_PER_S).toFixed(2)}×`.padStart(7)} ` +
          `${`${(r.cpuMs / 1000).toFixed(2)}s`.padStart(7)} ${n(cpuRate).padStart(10)} ${`${(cpuRate / GOAL_ROWS_PER_S).toFixed(2)}×`.padStart(7)} ${`${r.peakMb.toFixed(0)} MB`.padStart(9)}`,
      );
      if (r.summary.rows !== s.rows) throw new Error(`read ${r.summary.rows} rows of ${s.rows}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
