// npm run fuzz: a seeded, reproducible fuzz campaign against the engine, in process.
//
//   npm run fuzz                              20,000 inputs (what `npm test` runs), seed 1
//   npm run fuzz -- --inputs 1000000 --seed 7 the long campaign
//   npm run fuzz -- --engine path/to/engine.cjs   another build of src/engine/lint.ts (a baseline)
//   npm run fuzz -- --growth-only             only the growth check
//   npm run fuzz -- --inputs 1000000 --workers 2   the same inputs, linted by two processes
//   npm run fuzz -- --inputs 1000000 --shard 1/2   one half of them (run 2/2 elsewhere)
//   npm run fuzz -- --input 123456            one input of the campaign again, by its index
//
// 1. Regressions: every input that ever failed (test/fuzz/regressions/) is linted first.
// 2. Growth: each hostile input shape is linted at n, 2n and 4n characters; linear code takes
//    about 4× longer at 4n, quadratic code 16×. A shape whose 4n/n ratio stays above
//    GROWTH_LIMIT in three measurements fails the run.
// 3. Mutations: drafts from the test fixtures and the shared corpus, mutated by byte flips,
//    truncation, splicing, section duplication, deep nesting, huge attributes, long runs of one
//    character, broken MIME, lone surrogates, NULs, bidi controls and 10,000 headers. Any
//    exception fails the run, and so does an input slower than SLOW_FACTOR × the median time per
//    KB (measured again before it counts). Failing inputs are written to test/fuzz/regressions/.
//    Input i is generated from its own seed (the campaign seed and i), so that any subset of
//    the inputs can be run alone: `--shard k/n` takes the inputs i with i mod n = k - 1, and
//    `--workers n` runs the n shards in child processes and merges their results (one median,
//    the slow inputs measured again in this process, the same failures).
//    Draft-kind detection (detectDraft, what the CLI and the editor run on every file) is run
//    and timed with each lint.
//
// Exit code 0 when clean, 1 when something failed.
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { buildSync } from 'esbuild';
import { findCorpus } from './corpus-dir';

type LintFn = typeof import('../src/engine/lint').lint;
type DetectFn = typeof import('../src/engine/detect').detectDraft;
type Kind = 'html' | 'text' | 'eml';

const root = join(__dirname, '..');
const REGRESSIONS = join(root, 'test', 'fuzz', 'regressions');
// Linear code grows ×4 from n to 4n; quadratic ×16. Between the two, with room for a shared machine.
const GROWTH_LIMIT = 8;
// The issue's bar: no input slower than 20× the median time per KB.
const SLOW_FACTOR = 20;
// Below this, a lint is too short to time reliably (timer resolution, GC pauses).
const SLOW_FLOOR_MS = 25;
// Mutated drafts are cut to this size: the campaign looks for crashes and slow shapes, which
// show at this size already (the growth check covers larger inputs).
const MAX_INPUT_CHARS = 12 * 1024;

// ---- arguments ---------------------------------------------------------------------------

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.findIndex((a) => a === name || a.startsWith(name + '='));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice(name.length + 1) : argv[i + 1];
};
const INPUTS = Number(arg('--inputs') ?? 20000);
const SEED = Number(arg('--seed') ?? 1);
const growthOnly = argv.includes('--growth-only');
const noGrowth = argv.includes('--no-growth');
const save = !argv.includes('--no-save');
// Growth shapes whose name contains this (to measure a few, or another build, by hand).
const only = arg('--only');
const skip = arg('--skip');
// Multiplies every shape's base size (a baseline build with quadratic code needs smaller sizes).
const SCALE = Number(arg('--scale') ?? 1);
const WORKERS = Math.max(1, Math.floor(Number(arg('--workers') ?? 1)));
/** `--shard k/n` (1 ≤ k ≤ n): the inputs i with i mod n = k - 1. */
const SHARD = (() => {
  const text = arg('--shard') ?? '1/1';
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(text);
  const [k, n] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!(k >= 1 && k <= n)) {
    console.error(`fuzz: --shard takes k/n with 1 ≤ k ≤ n, not ${JSON.stringify(text)}`);
    process.exit(2);
  }
  return { k, n };
})();
/** One input of the campaign, by its index (to reproduce a failure). */
const ONE_INPUT = arg('--input') === undefined ? undefined : Number(arg('--input'));
// A shard run by `--workers`: mutations only, results sent to the parent process.
const CHILD = argv.includes('--child') && typeof process.send === 'function';

// ---- the engine, as it ships (bundled by esbuild, like `npm run bench`) --------------------

function loadEngine(): { lint: LintFn; detect: DetectFn } {
  let file = arg('--engine');
  const detectFile = join(root, 'out', 'fuzz', 'detect.cjs');
  const build = (entry: string, outfile: string) =>
    buildSync({ entryPoints: [join(root, entry)], bundle: true, platform: 'neutral', format: 'cjs', mainFields: ['module', 'main'], outfile, logLevel: 'error' });
  // Child processes load what their parent built.
  if (!CHILD) {
    mkdirSync(join(root, 'out', 'fuzz'), { recursive: true });
    if (!file) build('src/engine/lint.ts', (file = join(root, 'out', 'fuzz', 'engine.cjs')));
    build('src/engine/detect.ts', detectFile);
  }
  file ??= join(root, 'out', 'fuzz', 'engine.cjs');
  return {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    lint: (require(file) as typeof import('../src/engine/lint')).lint,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    detect: (require(detectFile) as typeof import('../src/engine/detect')).detectDraft,
  };
}

// ---- a seeded generator (mulberry32) --------------------------------------------------------

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)] };
}
type Rng = ReturnType<typeof rng>;

// murmur3's 32-bit finaliser: nearby seeds (campaign seed, input index) give unrelated streams.
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
/** The generator of input i of a campaign: each input can be made again alone. */
const inputRng = (seed: number, i: number) => rng(mix(mix(seed) + i));

// ---- seeds: the test fixtures and the shared corpus ----------------------------------------

const DRAFT_EXT = new Set(['.html', '.htm', '.eml', '.txt', '.mjml', '.hbs', '.liquid']);

function seeds(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  const walk = (dir: string, limit: number) => {
    if (!existsSync(dir)) return;
    const files: string[] = [];
    (function rec(d: string) {
      for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const full = join(d, e.name);
        if (e.isDirectory()) rec(full);
        else if (DRAFT_EXT.has(extname(e.name).toLowerCase()) && statSync(full).size < 512 * 1024) files.push(full);
      }
    })(dir);
    for (const f of files.slice(0, limit)) out.push({ name: relative(root, f), text: readFileSync(f, 'utf8') });
  };
  walk(join(root, 'test', 'fixtures'), Infinity);
  walk(join(root, 'test', 'cli', 'fixtures'), Infinity);
  walk(join(root, 'examples'), Infinity);
  const corpus = findCorpus(root);
  if (corpus) for (const d of ['templates', 'ham', 'spam']) walk(join(corpus, d), Infinity);
  return out.filter((s) => s.text.length > 0);
}

// ---- mutators -------------------------------------------------------------------------------

const BIDI = ['\u202E', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u200F', '\u061C'];
const RUN_CHARS = ['a', '1', ' ', '\t', '\r\n', '\n', '<', '>', '=', '-', '@', '.', '€', '!', '[', '"', "'", '&', '%', '*', '😀', 'É', '\u00A0', '\\', '/', ':', ';', '('];
const TAGS = ['div', 'table', 'td', 'p', 'a', 'span', 'font', 'b', 'center', 'mj-section', 'tr', 'li', 'ul'];

type Mutator = (s: string, r: Rng, other: string) => string;

const at = (s: string, r: Rng) => r.int(s.length + 1);
const insert = (s: string, r: Rng, piece: string) => {
  const i = at(s, r);
  return s.slice(0, i) + piece + s.slice(i);
};

const MUTATORS: Record<string, Mutator> = {
  byteFlips(s, r) {
    const chars = s.split('');
    for (let k = 1 + r.int(8); k > 0 && chars.length; k--) {
      const i = r.int(chars.length);
      chars[i] = String.fromCharCode(chars[i].charCodeAt(0) ^ (1 << r.int(8)));
    }
    return chars.join('');
  },
  truncate: (s, r) => s.slice(0, at(s, r)),
  splice(s, r, other) {
    const i = at(s, r);
    const a = r.int(other.length + 1);
    return s.slice(0, i) + other.slice(a, a + r.int(4096)) + s.slice(i);
  },
  duplicateSection(s, r) {
    const a = r.int(s.length + 1);
    const b = Math.min(s.length, a + r.int(1024));
    return s.slice(0, b) + s.slice(a, b).repeat(2 + r.int(15)) + s.slice(b);
  },
  deepNesting(s, r) {
    const tag = r.pick(TAGS);
    const depth = 100 + r.int(3000);
    return insert(s, r, `<${tag}>`.repeat(depth) + 'x' + (r.int(2) ? `</${tag}>`.repeat(depth) : ''));
  },
  hugeAttribute(s, r) {
    const name = r.pick(['href', 'style', 'width', 'src', 'alt', 'class', 'title', 'height', 'bgcolor']);
    return insert(s, r, `<${r.pick(['a', 'img', 'td', 'table', 'p'])} ${name}="${r.pick(RUN_CHARS).repeat(1000 + r.int(8000))}">`);
  },
  longRun: (s, r) => insert(s, r, r.pick(RUN_CHARS).repeat(500 + r.int(8000))),
  brokenMime(s, r) {
    const pieces = [
      '\r\n--b\r\n',
      '\r\n--b--\r\n',
      'Content-Type: multipart/alternative; boundary="b"\r\n',
      'Content-Type: multipart/mixed; boundary=\t\t\r\n',
      'Content-Transfer-Encoding: quoted-printable\r\n',
      'Content-Transfer-Encoding: base64\r\n',
      '=E2=82=AC'.repeat(200),
      '=\r\n'.repeat(100),
      '=ZZ',
      'Content-Type: message/rfc822\r\n\r\n',
      'Content-Type: text/html; charset=shift_jis\r\n',
      '\r\n\r\n',
    ];
    let out = s;
    for (let k = 1 + r.int(6); k > 0; k--) out = insert(out, r, r.pick(pieces));
    return out;
  },
  loneSurrogates(s, r) {
    let out = s;
    for (let k = 1 + r.int(20); k > 0; k--) out = insert(out, r, r.int(2) ? '\uD83D' : '\uDE00');
    return out;
  },
  nuls(s, r) {
    let out = s;
    for (let k = 1 + r.int(20); k > 0; k--) out = insert(out, r, '\0'.repeat(1 + r.int(50)));
    return out;
  },
  bidi(s, r) {
    let out = s;
    for (let k = 1 + r.int(20); k > 0; k--) out = insert(out, r, r.pick(BIDI));
    return out;
  },
  manyHeaders(s, r) {
    const name = r.pick(['X-H', 'Received', 'From', 'To', 'Subject', 'List-Unsubscribe', 'Content-Type']);
    return `${name}: v\r\n`.repeat(10000) + s.slice(0, 4096);
  },
};
const MUTATOR_NAMES = Object.keys(MUTATORS);

// ---- growth shapes: the stalls of issue #10 and the usual suspects -------------------------

interface Shape {
  name: string;
  /** File name to lint under (decides the kind), or undefined to let the engine detect it. */
  file?: string;
  /** Base size n in characters (the check runs n, 2n, 4n). */
  n: number;
  make(n: number): string;
  /** Time draft-kind detection (detectDraft) instead of the lint. */
  target?: 'detect';
  /** 4n stays at or below this (detection reads the first 256 KB only). */
  maxChars?: number;
}

const EML = 'From: a@example.fr\r\nTo: b@example.fr\r\nSubject: Hello\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\nMIME-Version: 1.0\r\n';
const rep = (s: string, n: number) => s.repeat(Math.max(1, Math.ceil(n / s.length)));
// About n characters of distinct words that all share one hash (see the text-alternative shape).
function collidingWords(n: number): string {
  const words: string[] = [];
  for (let i = 0, length = 0; length < n && i < 1 << 14; i++, length += 30) {
    let w = 'x';
    for (let bit = 13; bit >= 0; bit--) w += (i >> bit) & 1 ? 'c0' : 'an';
    words.push(w);
  }
  return words.join(' ');
}

export const SHAPES: Shape[] = [
  // Issue #10, one per stall.
  { name: 'detectKind: CRLF continuation lines', n: 2000, make: (n) => 'a:' + rep('\r\n ', n) + 'x' },
  { name: 'address: From without @', file: 'a.eml', n: 20000, make: (n) => EML.replace('From: a@example.fr', 'From: ' + rep('a', n)) + '\r\nhello' },
  { name: 'address: front-matter from without @', file: 'a.html', n: 20000, make: (n) => `---\nfrom: ${rep('a', n)}\n---\n<p>hello</p>` },
  { name: 'text-alternative: digits in the HTML part', file: 'a.eml', n: 20000, make: (n) => EML + 'Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhello world\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>' + rep('1', n) + '</p>\r\n--b--\r\n' },
  // Distinct words that share one hash: `an` and `c0` hash alike, so every word of `x` and
  // fourteen of them does (16,384 words of 29 characters). A list per hash made the rule quadratic.
  { name: 'text-alternative: words sharing a hash', file: 'a.eml', n: 100000, make: (n) => EML + 'Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n' + collidingWords(n) + '\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>' + collidingWords(n) + '</p>\r\n--b--\r\n' },
  { name: 'values: tabs in a width attribute', file: 'a.html', n: 20000, make: (n) => `<table width="1${rep('\t', n)}x"><tr><td>hi</td></tr></table>` },
  { name: 'unsubscribe: one very long word', file: 'a.html', n: 20000, make: (n) => `<p>Unsubscribe ${rep('a', n)}</p>` },
  { name: 'css: whitespace run in a value', file: 'a.html', n: 20000, make: (n) => `<p style="color: red${rep(' ', n)}x">hi</p>` },
  { name: 'front matter: padded value', file: 'a.html', n: 20000, make: (n) => `---\nsubject: a${rep(' ', n)}b\n---\n<p>hi</p>` },
  { name: 'eml: tabs in a boundary', file: 'a.eml', n: 20000, make: (n) => EML + `Content-Type: multipart/mixed; boundary="a${rep('\t', n)}b"\r\n\r\nhello` },
  { name: 'contact-info: [ADDR run', file: 'a.html', n: 20000, make: (n) => `<p>hello</p><p>[${rep('ADDR', n)}</p>` },
  { name: 'transfer: QP full of one multi-byte character', file: 'a.eml', n: 80000, make: (n) => EML + 'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n' + rep('=E2=82=AC', n) },
  { name: 'html: deep nesting', file: 'a.html', n: 100000, make: (n) => rep('<div>', n) + 'x' },
  { name: 'html: deep nesting, closed', file: 'a.html', n: 100000, make: (n) => rep('<div>', n) + 'x' + rep('</div>', n) },
  { name: 'euro signs', file: 'a.html', n: 20000, make: (n) => `<p>${rep('€', n)}</p>` },
  // Long runs of characters that regular expressions and scanners stop on.
  ...RUN_CHARS.map((c) => ({ name: `html: run of ${JSON.stringify(c)}`, file: 'a.html', n: 20000, make: (n: number) => `<p>${rep(c, n)}</p>` })),
  ...RUN_CHARS.map((c) => ({ name: `text: run of ${JSON.stringify(c)}`, file: 'a.txt', n: 20000, make: (n: number) => rep(c, n) })),
  ...RUN_CHARS.map((c) => ({ name: `eml: run of ${JSON.stringify(c)} in a header`, file: 'a.eml', n: 20000, make: (n: number) => EML.replace('Subject: Hello', 'Subject: ' + rep(c, n)) + '\r\nhello' })),
  ...['href', 'style', 'width', 'src', 'alt', 'bgcolor'].flatMap((name) =>
    [' ', 'a', '1', '\t', ';', ':', '/', '%'].map((c) => ({ name: `attribute ${name}: run of ${JSON.stringify(c)}`, file: 'a.html', n: 20000, make: (n: number) => `<a ${name}="x${rep(c, n)}y">link</a> <img ${name}="${rep(c, n)}">` })),
  ),
  { name: 'eml: many headers', file: 'a.eml', n: 20000, make: (n) => rep('X-H: v\r\n', n) + EML + '\r\nhello' },
  { name: 'eml: many parts', file: 'a.eml', n: 20000, make: (n) => EML + 'Content-Type: multipart/mixed; boundary=b\r\n\r\n' + rep('--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n', n) + '--b--\r\n' },
  { name: 'eml: nested multiparts', file: 'a.eml', n: 5000, make: (n) => EML + rep('Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n', n) + 'hello' },
  { name: 'html: many links', file: 'a.html', n: 20000, make: (n) => rep('<a href="http://1.2.3.4/x">click here</a> ', n) },
  { name: 'html: many images', file: 'a.html', n: 20000, make: (n) => rep('<img src="a.png">', n) },
  { name: 'html: many style rules', file: 'a.html', n: 20000, make: (n) => `<style>${rep('p{color:red} ', n)}</style><p>hi</p>` },
  { name: 'html: style rules with an open parenthesis', file: 'a.html', n: 20000, make: (n) => `<style>${rep('a{width:(}', n)}</style><p>hi</p>` },
  { name: 'html: style rules with an open comment', file: 'a.html', n: 20000, make: (n) => `<style>${rep('a{x:/*}', n)}</style><p>hi</p>` },
  { name: 'html: unclosed comment', file: 'a.html', n: 20000, make: (n) => '<p>hi</p><!--' + rep('a -- b ', n) },
  { name: 'text: capitals and exclamations', file: 'a.txt', n: 20000, make: (n) => rep('FREE MONEY!!! ', n) },
  { name: 'text: merge tags', file: 'a.txt', n: 20000, make: (n) => rep('{{ a ', n) + rep('*|', n) },
  { name: 'text: phrase fragments', file: 'a.txt', n: 20000, make: (n) => rep('act now click here ', n) },
  { name: 'unknown kind: header-like lines', n: 20000, make: (n) => rep('a: b\r\n', n) },
  { name: 'directives: many disabled ranges and many findings', file: 'a.html', n: 20000, make: (n) => rep('<!-- mailproof-disable emoji --> x <!-- mailproof-enable emoji -->', n / 2) + rep('<p>Vite !!!</p>', n / 2) },
  { name: 'directives: unclosed', file: 'a.html', n: 20000, make: (n) => rep('<!-- mailproof-disable exclamation ', n) + '<p>Vite !!!</p>' },
  // Draft-kind detection: the windows its scans look in (an attribute within 400 characters of
  // a tag name, a greeting after a <p> start tag and within 60 characters of its comma, a note
  // within 60 characters of the marker), opened again and again and never closed.
  ...[
    ['start tags of tables, never closed', '<table '],
    ['start tags of scripts, never closed', '<script s'],
    ['start tags of html, never closed', '<html a'],
    ['attribute names without a value', '<form method <link rel= '],
    ['a <p on every line', '\n<p'],
    ['greetings without a comma, CR lines', 'hi\r'],
    ['greetings after a shared <p', '\n  <p\n<p class=x\n'],
    ['Outlook conditionals without mso', '<!--[if '],
    ['marker notes without an end', '<!-- mailproof:'],
    ['less-than signs', '<'],
  ].map(([what, piece]) => ({ name: `detect: ${what}`, target: 'detect' as const, file: 'a.html', n: 16384, maxChars: 256 * 1024, make: (n: number) => rep(piece, n).slice(0, n) })),
];

// ---- timing --------------------------------------------------------------------------------

// CPU time of the process rather than wall-clock time: on a machine shared with other jobs, the
// time a lint spends descheduled is not the engine's.
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** What the campaign times on one input: the lint, and the detection the editor runs first. */
type Run = (text: string, file: string | undefined, locale?: 'en' | 'fr') => void;

function timeLint(run: Run, text: string, file: string | undefined, runs: number): number {
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const t = cpuMs();
    run(text, file);
    best = Math.min(best, cpuMs() - t);
  }
  return best;
}

// Below this, a timing is mostly noise: the base size doubles until the lint takes this long.
const GROWTH_MIN_MS = 8;
const GROWTH_MAX_CHARS = 4 << 20;

function growth(run: Run, shape: Shape, scale: number): { n: number; times: number[]; ratio: number } {
  const lint = run;
  const maxN = Math.floor((shape.maxChars ?? GROWTH_MAX_CHARS * 2) / 4);
  let n = Math.min(maxN, Math.max(1, Math.round(shape.n * scale)));
  timeLint(lint, shape.make(n), shape.file, 1); // warm-up: compilation is not measured
  while (n * 8 <= GROWTH_MAX_CHARS && n * 2 <= maxN && timeLint(lint, shape.make(n), shape.file, 2) < GROWTH_MIN_MS) n *= 2;
  const times = [1, 2, 4].map((m) => timeLint(lint, shape.make(n * m), shape.file, 3));
  return { n, times, ratio: Math.max(times[2], 1) / Math.max(times[0], 1) };
}

// ---- failures ------------------------------------------------------------------------------

interface Failure {
  what: string;
  text: string;
  file?: string;
}
const failures: Failure[] = [];

function keep(f: Failure) {
  failures.push(f);
  saveRegression(f);
}

/** Writes a failing input to test/fuzz/regressions/ (once per content). */
function saveRegression(f: Failure) {
  if (!save) return;
  mkdirSync(REGRESSIONS, { recursive: true });
  const hash = createHash('sha256').update(f.text).digest('hex').slice(0, 16);
  const ext = f.file ? extname(f.file) : '.draft';
  const path = join(REGRESSIONS, `${hash}${ext}`);
  if (!existsSync(path)) writeFileSync(path, f.text);
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

// ---- the campaign --------------------------------------------------------------------------

// Detection takes well under a millisecond per 64 KB: timed eight times over, so that its
// growth is measured above the timer's noise (the ratio n → 4n is unchanged).
const DETECT_REPEAT = 8;
const FILES: Array<string | undefined> = ['a.html', 'a.eml', 'a.txt', 'a.mjml', undefined];

/** One generated input of the campaign: a window of a seed draft, mutated one to three times. */
function makeInput(pool: Array<{ text: string }>, i: number): { text: string; file?: string; how: string } {
  const r = inputRng(SEED, i);
  const seed = r.pick(pool).text;
  // A window of the seed, so that large templates do not dominate the campaign.
  const from = seed.length > MAX_INPUT_CHARS ? r.int(seed.length - MAX_INPUT_CHARS) : 0;
  let text = seed.slice(from, from + MAX_INPUT_CHARS);
  const how: string[] = [];
  for (let k = 1 + r.int(3); k > 0; k--) {
    let m = r.pick(MUTATOR_NAMES);
    // 10,000 headers make a 60 KB input: a quarter as often as the others.
    if (m === 'manyHeaders' && r.int(4) !== 0) m = r.pick(MUTATOR_NAMES);
    how.push(m);
    text = MUTATORS[m](text, r, r.pick(pool).text);
  }
  return { text, file: r.pick(FILES), how: how.join('+') };
}

interface Suspect {
  text: string;
  file?: string;
  ms: number;
  perKb: number;
}

interface Slowest {
  perKb: number;
  ms: number;
  size: number;
  how: string;
  input: number;
  text: string;
  file?: string;
}

// The slowest inputs per KB are kept and measured again at the end: the figure the campaign
// reports is a best of three, not one timing that a GC pause or a busy core inflated.
const SLOWEST_KEPT = 5;
// Drafts linted before the campaign in each process, untimed: the first lints run cold (the
// JIT, lazily loaded data) and would otherwise be the "slowest inputs" of every run.
const WARM_UP_INPUTS = 50;

/** What one shard of the mutation campaign found (sent as is from a child to its parent). */
interface ShardResult {
  inputs: number;
  chars: number;
  perKb: Float64Array;
  suspects: Suspect[];
  failures: Failure[];
  /** The slowest inputs per KB, slowest first (at most SLOWEST_KEPT). */
  slowest: Slowest[];
  /** CPU time making the inputs, and linting them. */
  makeMs: number;
  lintMs: number;
}

function warmUp(run: Run, pool: Array<{ text: string }>) {
  for (const s of pool.slice(0, WARM_UP_INPUTS)) {
    try {
      run(s.text.slice(0, MAX_INPUT_CHARS), 'a.html');
    } catch {
      // A seed that throws shows up in the campaign itself.
    }
  }
}

function mutationShard(run: Run, pool: Array<{ text: string }>, k: number, n: number): ShardResult {
  const started = Date.now();
  const indices = ONE_INPUT !== undefined ? [ONE_INPUT] : undefined;
  const count = indices ? 1 : Math.max(0, Math.ceil((INPUTS - (k - 1)) / n));
  const perKb = new Float64Array(count);
  const suspects: Suspect[] = [];
  const found: Failure[] = [];
  let linted = 0;
  let chars = 0;
  let makeMs = 0;
  let lintMs = 0;
  const slowest: Slowest[] = [];
  const label = n > 1 ? `shard ${k}/${n}: ` : '';
  warmUp(run, pool);
  for (let j = 0; j < count; j++) {
    const i = indices ? indices[j] : k - 1 + j * n;
    const t0 = cpuMs();
    const { text, file, how } = makeInput(pool, i);
    const t = cpuMs();
    makeMs += t - t0;
    chars += text.length;
    try {
      run(text, file, i % 2 ? 'fr' : 'en');
    } catch (e) {
      const f = { what: `input ${i} (${how}) throws: ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ')}`, text, file };
      found.push(f);
      saveRegression(f);
      continue;
    }
    const ms = cpuMs() - t;
    lintMs += ms;
    const kb = Math.max(1, text.length / 1024);
    perKb[linted++] = ms / kb;
    if (slowest.length < SLOWEST_KEPT || ms / kb > slowest[slowest.length - 1].perKb) {
      slowest.push({ perKb: ms / kb, ms, size: text.length, how, input: i, text, file });
      slowest.sort((a, b) => b.perKb - a.perKb);
      slowest.length = Math.min(slowest.length, SLOWEST_KEPT);
    }
    if (ms > SLOW_FLOOR_MS) suspects.push({ text, file, ms, perKb: ms / kb });
    if ((j + 1) % 25000 === 0 && count > 25000) {
      const w = slowest[0];
      console.log(`  ${label}${j + 1} inputs, ${((Date.now() - started) / 1000).toFixed(0)} s, ${found.length} failure(s), slowest ${w.perKb.toFixed(3)} ms/KB (input ${w.input}, ${w.how})`);
    }
  }
  return { inputs: count, chars, perKb: perKb.slice(0, linted), suspects, failures: found, slowest, makeMs, lintMs };
}

/** Runs the shards in `WORKERS` child processes of this script and merges what they found. */
async function mutationWorkers(): Promise<ShardResult> {
  const own = new Set(['--workers', '--shard', '--engine']);
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].split('=')[0];
    if (own.has(name)) {
      if (!argv[i].includes('=')) i++;
    } else rest.push(argv[i]);
  }
  // The engine the parent built (or was given), so that the children do not build it again.
  const engine = arg('--engine') ?? join(root, 'out', 'fuzz', 'engine.cjs');
  const results = await Promise.all(
    Array.from({ length: WORKERS }, (_, w) => {
      const child = fork(process.argv[1], [...rest, '--engine', engine, '--child', '--no-growth', '--shard', `${w + 1}/${WORKERS}`], {
        execArgv: process.execArgv,
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      return new Promise<ShardResult>((resolve, reject) => {
        let result: ShardResult | undefined;
        child.on('message', (m) => (result = m as ShardResult));
        child.on('exit', (code, signal) => (result ? resolve(result) : reject(new Error(`fuzz shard ${w + 1}/${WORKERS} exited with ${signal ?? code} before reporting`))));
      });
    }),
  );
  const perKb = new Float64Array(results.reduce((n, r) => n + r.perKb.length, 0));
  let at = 0;
  for (const r of results) {
    perKb.set(r.perKb, at);
    at += r.perKb.length;
  }
  return {
    inputs: results.reduce((n, r) => n + r.inputs, 0),
    chars: results.reduce((n, r) => n + r.chars, 0),
    perKb,
    suspects: results.flatMap((r) => r.suspects),
    failures: results.flatMap((r) => r.failures),
    slowest: results
      .flatMap((r) => r.slowest)
      .sort((a, b) => b.perKb - a.perKb)
      .slice(0, SLOWEST_KEPT),
    makeMs: results.reduce((n, r) => n + r.makeMs, 0),
    lintMs: results.reduce((n, r) => n + r.lintMs, 0),
  };
}

async function main() {
  const { lint, detect } = loadEngine();
  const lintRun: Run = (text, file, locale) => {
    detect(text, file ?? '');
    lint(text, { fileName: file, locale });
  };
  const detectRun: Run = (text, file) => {
    for (let k = 0; k < DETECT_REPEAT; k++) detect(text, file ?? '');
  };

  if (CHILD) {
    // A shard for a parent's --workers: mutations only, results over IPC.
    const result = mutationShard(lintRun, seeds(), SHARD.k, SHARD.n);
    process.send!(result, () => process.exit(0));
    return;
  }

  const started = Date.now();
  const sharded = SHARD.n > 1 ? `, shard ${SHARD.k}/${SHARD.n}` : WORKERS > 1 ? `, ${WORKERS} worker processes` : '';
  console.log(`fuzz: seed ${SEED}, ${growthOnly ? 0 : ONE_INPUT !== undefined ? `input ${ONE_INPUT} of the` : INPUTS} inputs${sharded}`);

  // 1. Regressions first.
  if (existsSync(REGRESSIONS)) {
    const files = readdirSync(REGRESSIONS).sort();
    for (const name of files) {
      const text = readFileSync(join(REGRESSIONS, name), 'utf8');
      const file = name.endsWith('.draft') ? undefined : name;
      try {
        lintRun(text, file);
      } catch (e) {
        failures.push({ what: `regression ${name} throws: ${(e as Error).message}`, text, file });
      }
    }
    console.log(`regressions: ${files.length} inputs`);
  }

  // 2. Growth per shape.
  if (!noGrowth) {
    let worst = { name: '', ratio: 0 };
    let measured = 0;
    for (const shape of SHAPES) {
      if ((only && !shape.name.includes(only)) || (skip && shape.name.includes(skip))) continue;
      measured++;
      const run = shape.target === 'detect' ? detectRun : (text: string, file: string | undefined) => lint(text, { fileName: file });
      let g;
      try {
        g = growth(run, shape, SCALE);
        // Noise on a shared machine, and V8's step costs when strings pass a few hundred KB
        // (seen: 160k → 320k characters costs ×3.9 on plain linear parsing, then ×2 again
        // beyond): measure once more at four times the size, past that step, before failing.
        // Super-linear code still grows ×16 there.
        // A third measurement, at that larger size again, before a shape fails: one core taken
        // away for a second's measurement under a loaded machine once read ×9.5 on linear code
        // twice in a row. Super-linear code fails all three.
        const larger = (4 * g.n) / shape.n;
        for (let k = 0; k < 2 && g.ratio > GROWTH_LIMIT; k++) {
          const again = growth(run, shape, larger);
          if (again.ratio < g.ratio) g = again;
        }
      } catch (e) {
        keep({ what: `shape "${shape.name}" throws: ${(e as Error).message}`, text: shape.make(shape.n), file: shape.file });
        continue;
      }
      if (g.ratio > worst.ratio) worst = { name: shape.name, ratio: g.ratio };
      const perRun = shape.target === 'detect' ? DETECT_REPEAT : 1;
      const times = g.times.map((t) => fmt(t / perRun)).join(' / ');
      if (g.ratio > GROWTH_LIMIT) {
        failures.push({ what: `shape "${shape.name}" grows ×${g.ratio.toFixed(1)} from n to 4n (${times} ms): super-linear`, text: '', file: shape.file });
        console.log(`  SUPER-LINEAR ${shape.name}: n = ${g.n}: ${times} ms (×${g.ratio.toFixed(1)})`);
      } else if (argv.includes('--verbose')) console.log(`  ${shape.name}: n = ${g.n}: ${times} ms (×${g.ratio.toFixed(1)})`);
    }
    console.log(`growth: ${measured} shapes at n, 2n, 4n; largest 4n/n ratio ×${worst.ratio.toFixed(1)} (${worst.name}); limit ×${GROWTH_LIMIT}`);
  }

  // 3. Mutated drafts.
  let summary = '';
  if (!growthOnly && INPUTS > 0) {
    const pool = seeds();
    const t0 = Date.now();
    const workers = WORKERS > 1 && SHARD.n === 1 && ONE_INPUT === undefined;
    const m = workers ? await mutationWorkers() : mutationShard(lintRun, pool, SHARD.k, SHARD.n);
    const wall = (Date.now() - t0) / 1000;
    // The slow inputs are measured again here: this process must be as warm as the workers were.
    if (workers) warmUp(lintRun, pool);
    failures.push(...m.failures);
    const perKb = m.perKb.slice().sort();
    const median = perKb[Math.floor(perKb.length / 2)] ?? 0;
    // A slow input is measured again (best of three) before it counts: one GC pause is not a stall.
    let slow = 0;
    for (const s of m.suspects) {
      if (s.perKb <= SLOW_FACTOR * median) continue;
      const again = timeLint(lintRun, s.text, s.file, 3);
      const kb = Math.max(1, s.text.length / 1024);
      if (again > SLOW_FLOOR_MS && again / kb > SLOW_FACTOR * median) {
        slow++;
        keep({ what: `input slower than ${SLOW_FACTOR}× the median per KB: ${fmt(again)} ms for ${(s.text.length / 1024).toFixed(1)} KB (median ${median.toFixed(3)} ms/KB)`, text: s.text, file: s.file });
      }
    }
    // The slowest inputs as measured during the run, then measured again (best of three).
    const again = m.slowest.map((s) => {
      const kb = Math.max(1, s.size / 1024);
      const ms = timeLint(lintRun, s.text, s.file, 3);
      return { ...s, ms, perKb: ms / kb };
    });
    const w = again.reduce((a, b) => (b.perKb > a.perKb ? b : a), { perKb: 0, ms: 0, size: 0, how: '', input: -1, text: '' });
    const first = m.slowest[0];
    console.log(
      `mutations: ${perKb.length} linted of ${m.inputs} inputs (${(m.chars / 1048576).toFixed(0)} MB) from ${pool.length} seeds; median ${median.toFixed(3)} ms/KB; ${slow} slow; ` +
        `slowest as measured ${first ? `${first.perKb.toFixed(3)} ms/KB (input ${first.input})` : '-'}; slowest of the ${again.length} measured again ` +
        `${w.perKb.toFixed(3)} ms/KB (${fmt(w.ms)} ms for ${(w.size / 1024).toFixed(1)} KB, input ${w.input}: ${w.how})`,
    );
    console.log(`  CPU time: ${(m.makeMs / 1000).toFixed(1)} s making the inputs, ${(m.lintMs / 1000).toFixed(1)} s detecting and linting them; ${wall.toFixed(1)} s wall-clock`);
    summary = `${m.inputs} inputs${sharded} in ${wall.toFixed(0)} s, ${m.failures.length} crash(es), ${slow} stall(s), slowest ${w.perKb.toFixed(3)} ms/KB (input ${w.input}, median ${median.toFixed(3)} ms/KB)`;
  }

  console.log(`fuzz: ${((Date.now() - started) / 1000).toFixed(1)} s, ${failures.length} failure(s)${summary ? `; ${summary}` : ''}`);
  for (const f of failures) console.log(`  FAIL ${f.what}`);
  process.exitCode = failures.length ? 1 : 0;
}

main().catch((e) => {
  console.error(`fuzz: ${(e as Error).stack ?? e}`);
  process.exitCode = 1;
});
