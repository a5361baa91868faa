// Leave-one-source-out evaluation of the spam score, side by side with the old hand-weighted
// rule sum and, where installed, SpamAssassin with local tests only (`spamassassin -L`, run
// through spamd on loopback). Prints a Markdown table (docs/score.md quotes it).
// Usage: npm run eval:score [-- --no-spamassassin] [--sa-per-cell N] [corpus-dir]
// MAILPROOF_EVAL_CACHE=FILE keeps the linted corpus in FILE between runs (delete it after
// changing the engine).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { SPAM_THRESHOLD } from '../src/engine/score';
import { findCorpus } from './corpus-dir';
import { type Corpus, type Doc, emlAsDraft, loadCorpus } from './score/corpus';
import { auc, fit, trainable } from './score/fit';

const root = resolve(__dirname, '..');
const args = process.argv.slice(2);
const withSa = !args.includes('--no-spamassassin');
const perCellArg = args.indexOf('--sa-per-cell');
const SA_PER_CELL = perCellArg >= 0 ? Number(args[perCellArg + 1]) : 50;
const dirArg = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--sa-per-cell');
const corpusDir = dirArg ? resolve(dirArg) : findCorpus(root);
if (!corpusDir) {
  console.error('eval-score: no corpus found (set MAILPROOF_CORPUS or put it at ../shared/corpus)');
  process.exit(2);
}
// Sources this small are held out together (at least this many documents per fold): holding out
// several unseen sources at once is stricter than one at a time, and keeps the run short.
const MIN_FOLD_DOCS = 100;

const started = Date.now();
console.error('eval-score: reading the corpus (messages also read as drafts)…');
const cachePath = process.env.MAILPROOF_EVAL_CACHE;
const corpus: Corpus = cachePath && existsSync(cachePath) ? (deserialize(readFileSync(cachePath)) as Corpus) : loadCorpus(corpusDir, { asDrafts: true, legacy: true });
if (cachePath && !existsSync(cachePath)) writeFileSync(cachePath, serialize(corpus));
const docs = corpus.docs;

function sourceFolds(all: Doc[]): string[][] {
  const sizes = new Map<string, number>();
  for (const d of all) if (!d.converted) sizes.set(d.group, (sizes.get(d.group) ?? 0) + 1);
  const folds: string[][] = [];
  let pack: string[] = [];
  let packed = 0;
  for (const [g, n] of [...sizes].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (n >= MIN_FOLD_DOCS) folds.push([g]);
    else {
      pack.push(g);
      packed += n;
      if (packed >= MIN_FOLD_DOCS) {
        folds.push(pack);
        pack = [];
        packed = 0;
      }
    }
  }
  if (pack.length) folds.push(pack);
  return folds;
}

// Every document is scored by a model that never saw its source, against that model's own threshold.
const held = new Map<Doc, { z: number; t: number }>();
const folds = sourceFolds(docs);
folds.forEach((groups, i) => {
  const out = new Set(groups);
  const m = fit(corpus, docs.filter((d) => trainable(d) && !out.has(d.group)));
  for (const d of docs) if (out.has(d.group)) held.set(d, { z: m.logit(d), t: m.threshold });
  console.error(`  fold ${i + 1}/${folds.length}: ${groups.join(', ')}`);
});

// SpamAssassin, on a sample of each (label, language, format) cell.
const sa = new Map<Doc, number>();
void (withSa ? runSpamAssassin() : Promise.resolve()).then(report);

interface View {
  name: string;
  sel: (d: Doc) => boolean;
}

function report(): void {
const inScope = (d: Doc) => d.lang !== 'other';
const views: View[] = [
  { name: 'all, as read (en + fr)', sel: (d) => inScope(d) && !d.converted },
  { name: 'English, .eml against .eml', sel: (d) => d.lang === 'en' && d.format === 'eml' },
  { name: 'English, drafts against drafts', sel: (d) => d.lang === 'en' && d.format === 'draft' },
  { name: 'French, drafts against drafts', sel: (d) => d.lang === 'fr' && d.format === 'draft' },
  { name: 'French, as read', sel: (d) => d.lang === 'fr' && !d.converted },
  { name: '.eml against .eml (en + fr)', sel: (d) => inScope(d) && d.format === 'eml' },
  { name: 'drafts against drafts (en + fr)', sel: (d) => inScope(d) && d.format === 'draft' },
];

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '–');
const fmt = (a: number) => (Number.isNaN(a) ? '–' : a.toFixed(3));
function measures(ds: Doc[], score: (d: Doc) => number, flagged: (d: Doc) => boolean): string {
  const spam = ds.filter((d) => d.label === 'spam');
  const ham = ds.filter((d) => d.label === 'ham');
  return `${fmt(auc(spam.map(score), ham.map(score)))} | ${pct(ham.filter(flagged).length, ham.length)} | ${pct(spam.filter(flagged).length, spam.length)}`;
}

const out: string[] = [];
out.push('| documents | spam | ham | model AUC | model ham flagged | model spam flagged | old sum AUC | old ham ≥ 5 | old spam ≥ 5 |' + (sa.size ? ' SpamAssassin sample (spam/ham) | SA AUC | SA ham ≥ 5 | SA spam ≥ 5 | model AUC on that sample |' : ''));
out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|' + (sa.size ? '---:|---:|---:|---:|---:|' : ''));
for (const v of views) {
  const ds = docs.filter(v.sel);
  const spam = ds.filter((d) => d.label === 'spam').length;
  let line = `| ${v.name} | ${spam} | ${ds.length - spam} | `;
  line += measures(ds, (d) => held.get(d)!.z, (d) => held.get(d)!.z >= held.get(d)!.t);
  line += ' | ' + measures(ds, (d) => d.legacy, (d) => d.legacy >= SPAM_THRESHOLD);
  if (sa.size) {
    const sample = ds.filter((d) => sa.has(d));
    const ss = sample.filter((d) => d.label === 'spam').length;
    line += ` | ${ss}/${sample.length - ss} | ` + measures(sample, (d) => sa.get(d)!, (d) => sa.get(d)! >= 5);
    line += ` | ${fmt(auc(sample.filter((d) => d.label === 'spam').map((d) => held.get(d)!.z), sample.filter((d) => d.label === 'ham').map((d) => held.get(d)!.z)))}`;
  }
  out.push(line + ' |');
}
const other = docs.filter((d) => d.lang === 'other' && !d.converted);
const otherFlagged = other.filter((d) => held.get(d)!.z >= held.get(d)!.t).length;
out.push('');
out.push(`Folds: ${folds.length} (${folds.map((f) => f.join(' + ')).join('; ')}).`);
out.push(`Spam in other languages (not trained on, no legitimate counterpart): ${pct(otherFlagged, other.length)} of ${other.length} flagged.`);
out.push(`Documents: ${docs.filter((d) => !d.converted).length} read (${corpus.skipped.length} skipped), ${docs.filter((d) => d.converted).length} messages also read as drafts; ${((Date.now() - started) / 1000).toFixed(0)} s.`);
console.log(out.join('\n'));
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

// A draft as a minimal message: SpamAssassin reads messages, not drafts. Both sides of a
// drafts-against-drafts comparison are wrapped the same way.
function draftMessage(d: Doc): string | undefined {
  let text = readFileSync(d.path.replace(/#draft$/, ''), 'latin1');
  let kind: 'html' | 'text' = /<[a-z]/i.test(text) ? 'html' : 'text';
  let subject = 'Draft';
  if (d.converted) {
    const draft = emlAsDraft(text);
    if (!draft) return undefined;
    const m = /^---\nsubject: (.*)\n---\n/.exec(draft.text);
    if (m) subject = JSON.parse(m[1]) as string;
    text = m ? draft.text.slice(m[0].length) : draft.text;
    kind = draft.kind === 'html' ? 'html' : 'text';
  }
  const body = Buffer.from(text, 'utf8').toString('base64').replace(/.{76}/g, '$&\n');
  return (
    `From: Sender <sender@example.com>\nTo: reader@example.org\nSubject: ${subject.replace(/[^\x20-\x7e]/g, '?')}\n` +
    `Date: Mon, 1 Jan 2024 10:00:00 +0000\nMessage-ID: <draft@example.com>\nMIME-Version: 1.0\n` +
    `Content-Type: text/${kind}; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${body}\n`
  );
}

async function runSpamAssassin(): Promise<void> {
  if (spawnSync('which', ['spamd']).status !== 0 || spawnSync('which', ['spamc']).status !== 0) {
    console.error('eval-score: spamd/spamc not installed (Debian package spamassassin); SpamAssassin column left out');
    return;
  }
  const cells = new Map<string, Doc[]>();
  for (const d of docs) {
    if (d.lang === 'other') continue;
    const key = `${d.label}/${d.lang}/${d.format}`;
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key)!.push(d);
  }
  const hashOf = (s: string) => createHash('sha256').update(s).digest('hex');
  const chosen: Doc[] = [];
  for (const list of cells.values()) chosen.push(...list.sort((a, b) => (hashOf(a.id) < hashOf(b.id) ? -1 : 1)).slice(0, SA_PER_CELL));
  const cacheFile = join(homedir(), '.cache', 'mailproof', 'spamassassin-scores.json');
  const cache: Record<string, number> = existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : {};
  const port = await freePort();
  const pidFile = join(tmpdir(), `mailproof-spamd-${port}.pid`);
  const spamd = spawn('spamd', ['-L', '-i', '127.0.0.1', '-p', String(port), '-m', '2', '-u', 'nobody', '-x', '--syslog=stderr', '-r', pidFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let ready = false;
  spamd.stderr.on('data', (b: Buffer) => {
    if (/server started|server pid/.test(b.toString())) ready = true;
  });
  for (let i = 0; i < 120 && !ready; i++) await new Promise((r) => setTimeout(r, 500));
  console.error(`eval-score: SpamAssassin (spamd -L on 127.0.0.1:${port}) on ${chosen.length} documents…`);
  try {
    let done = 0;
    const queue = [...chosen];
    const worker = async () => {
      for (let d = queue.shift(); d; d = queue.shift()) {
        const message = d.format === 'eml' && !d.converted ? readFileSync(d.path, 'latin1') : draftMessage(d);
        if (message === undefined) continue;
        const key = hashOf(message);
        if (cache[key] === undefined) {
          const r = await new Promise<string>((res) => {
            const c = spawn('spamc', ['-d', '127.0.0.1', '-p', String(port), '-c'], { stdio: ['pipe', 'pipe', 'ignore'] });
            let s = '';
            c.stdout.on('data', (b: Buffer) => (s += b.toString()));
            c.on('close', () => res(s));
            c.stdin.end(Buffer.from(message, 'latin1'));
          });
          const score = parseFloat(r.split('/')[0]);
          if (Number.isNaN(score)) continue;
          cache[key] = score;
        }
        sa.set(d, cache[key]);
        if (++done % 50 === 0) console.error(`  ${done}/${chosen.length}`);
      }
    };
    await Promise.all([worker(), worker()]);
  } finally {
    spamd.kill('SIGTERM');
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(cache));
  }
}
