// Hostile or broken lists: each gives one clear message (or a warning and the rest of the
// list), never a crash, a hang or memory that grows with the input.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { analyzeStream } from '../../src/lists/files';
import { listText } from '../../src/lists/i18n';
import { MAX_COLUMNS, MAX_LINE_BYTES } from '../../src/lists/reader';
import { ListInputError, type RowResult } from '../../src/lists/types';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
let work: string;
before(() => {
  work = mkdtempSync(join(tmpdir(), 'mailproof-bad-lists-'));
});
after(() => rmSync(work, { recursive: true, force: true }));

async function analyze(chunks: Iterable<Buffer> | AsyncIterable<Buffer>) {
  const rows: RowResult[] = [];
  const { summary } = await analyzeStream(Readable.from(chunks), { file: 'liste.csv', onRow: (r) => rows.push(r) });
  return { rows, summary };
}

async function inputError(chunks: Iterable<Buffer>): Promise<ListInputError> {
  try {
    await analyze(chunks);
  } catch (e) {
    assert.ok(e instanceof ListInputError, `a ListInputError, not ${String(e)}`);
    return e;
  }
  assert.fail('expected the list to be refused');
}

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { env: { ...process.env, LANG: 'C', LC_ALL: '', MAILPROOF_DEBUG: '' }, timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('bad input', () => {
  it('refuses a binary file', async () => {
    const e = await inputError([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])]);
    assert.equal(listText('en', e.key, e.params), 'liste.csv: binary file, not a list of addresses');
  });

  it('refuses a NUL byte late in the file too', async () => {
    const e = await inputError([Buffer.from('email\njean@orange.fr\n'.repeat(1000)), Buffer.from('x\0y\n')]);
    assert.equal(e.key, 'input.binary');
  });

  it('refuses a CSV with 10,000 columns, naming the line and the count', async () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `col${i}`).join(',');
    const e = await inputError([Buffer.from(`${header}\n`)]);
    assert.equal(listText('en', e.key, e.params), `liste.csv: line 1 has 10,000 columns; at most ${MAX_COLUMNS.toLocaleString('en-US')} are read`);
    assert.equal(listText('fr', e.key, e.params), `liste.csv : la ligne 1 a 10\u202f000 colonnes ; ${MAX_COLUMNS.toLocaleString('fr-FR')} au plus sont lues`);
  });

  it('skips a 2 GB line from a generated stream with a warning, in bounded memory, and reads the rest', async () => {
    const block = Buffer.alloc(64 * 1024, 'a');
    const blocks = (2 * 1024 ** 3) / block.length;
    async function* generate() {
      yield Buffer.from('email\njean@orange.fr\n');
      for (let i = 0; i < blocks; i++) yield block;
      yield Buffer.from('\nmarie@free.fr\n');
    }
    const before = process.memoryUsage().rss;
    const { rows, summary } = await analyze(generate());
    const grown = process.memoryUsage().rss - before;
    assert.deepEqual(
      rows.map((r) => [r.line, r.address]),
      [
        [2, 'jean@orange.fr'],
        [4, 'marie@free.fr'],
      ],
    );
    assert.deepEqual(
      summary.warnings.map((w) => listText('en', w.key, w.params)),
      [`Line 3 is longer than ${MAX_LINE_BYTES / 1024 / 1024} MB and was skipped (2 GB or more)`],
    );
    assert.ok(grown < 200 * 1024 * 1024, `memory grew by ${Math.round(grown / 1024 / 1024)} MB`);
  });

  it('reads mixed UTF-8 and Windows-1252 lines, and says how many were not UTF-8', async () => {
    const { rows, summary } = await analyze([Buffer.from('email,nom\nélodie@exemple.fr,Élodie\n'), Buffer.from('zoe@exemple.fr,Zo\xe9 \x80\n', 'latin1'), Buffer.from('jean@exemple.fr,Jean\n')]);
    assert.deepEqual(
      rows.map((r) => r.address),
      ['élodie@exemple.fr', 'zoe@exemple.fr', 'jean@exemple.fr'],
    );
    assert.deepEqual(
      summary.warnings.map((w) => listText('en', w.key, w.params)),
      ['Lines read as Windows-1252 because they are not valid UTF-8: 1 (first: line 3)'],
    );
  });

  it('asks for UTF-8 when given UTF-16', async () => {
    const e = await inputError([Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('email\njean@orange.fr\n', 'utf16le')])]);
    assert.equal(listText('en', e.key, e.params), 'liste.csv: UTF-16 text; save the list as UTF-8 (CSV UTF-8) and try again');
  });

  it('stops at a quote that never closes', async () => {
    const e = await inputError([Buffer.from('email,note\njean@orange.fr,"oops\n' + 'x@y.fr,z\n'.repeat(200))]);
    assert.equal(listText('en', e.key, e.params), 'liste.csv: the quoted field opened on line 2 is not closed after 100 lines');
  });

  it('takes a line split across chunks, a multi-byte character cut in two included', async () => {
    const bytes = Buffer.from('email\nélodie@exemple.fr\n');
    const { rows } = await analyze([bytes.subarray(0, 7), bytes.subarray(7)]);
    assert.deepEqual(
      rows.map((r) => r.address),
      ['élodie@exemple.fr'],
    );
  });

  it('the command line prints one line for a binary file and exits 2', { skip: existsSync(cli) ? false : 'run npm run build first' }, async () => {
    const file = join(work, 'photo.csv');
    writeFileSync(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]));
    const r = await runCli(['list', file, '--no-dns']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `mailproof: ${file}: binary file, not a list of addresses\n`);
    const many = join(work, 'wide.csv');
    writeFileSync(many, `${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(';')}\n`);
    const w = await runCli(['list', many, '--no-dns', '--locale', 'fr']);
    assert.equal(w.code, 2);
    assert.match(w.stderr, /la ligne 1 a 10\u202f000 colonnes/);
  });
});
