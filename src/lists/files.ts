// Reading list files from disk as streams, and writing the clean and suppressed exports
// atomically (a temporary file beside the target, renamed when complete).
import { closeSync, createReadStream, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ListAnalyzer, type AnalyzeOptions } from './analyze';
import type { CsvRecord } from './reader';
import { ListInputError, type ListSummary } from './types';

// Large reads: the line splitter's cost is per chunk, the disk's per call.
const READ_CHUNK_BYTES = 256 * 1024;

/** Size and modification time, to notice a file that changes between two passes. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export function stampOf(path: string, file: string): FileStamp {
  try {
    const s = statSync(path);
    if (s.isDirectory()) throw new ListInputError('input.unreadable', { file, reason: 'EISDIR' });
    return { size: s.size, mtimeMs: s.mtimeMs };
  } catch (e) {
    if (e instanceof ListInputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ListInputError('input.notFound', { file });
    throw new ListInputError('input.unreadable', { file, reason: code ?? (e as Error).message });
  }
}

/** Feeds a byte stream through an analyser; returns its summary. */
export async function analyzeStream(stream: AsyncIterable<Buffer> | Readable, options: AnalyzeOptions): Promise<{ analyzer: ListAnalyzer; summary: ListSummary }> {
  const analyzer = new ListAnalyzer(options);
  const reader = analyzer.reader();
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) reader.push(chunk);
  } finally {
    (stream as Readable).destroy?.();
  }
  reader.end();
  return { analyzer, summary: analyzer.summary() };
}

/** One pass over a file; fails if the file changed since `stamp` was taken. */
export async function analyzeFile(path: string, options: AnalyzeOptions, stamp: FileStamp): Promise<{ analyzer: ListAnalyzer; summary: ListSummary }> {
  let stream: Readable;
  try {
    stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  } catch (e) {
    throw new ListInputError('input.unreadable', { file: options.file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  let result;
  try {
    result = await analyzeStream(stream, options);
  } catch (e) {
    if (e instanceof ListInputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ListInputError('input.notFound', { file: options.file });
    if (code) throw new ListInputError('input.unreadable', { file: options.file, reason: code });
    throw e;
  }
  const now = stampOf(path, options.file);
  if (now.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs) throw new ListInputError('input.changed', { file: options.file });
  return result;
}

/** Whether two paths name the same file: same real path, or same inode (a hard link). */
export function sameFile(a: string, b: string): boolean {
  if (canonicalPath(a) === canonicalPath(b)) return true;
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

/** The real path of a file, or its absolute path when it does not exist yet. */
export function canonicalPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

// Write in blocks: a million rows are a million small strings.
const WRITE_BLOCK_CHARS = 64 * 1024;

/**
 * A CSV export written to a temporary file and renamed over `target` on `commit()`: a reader
 * of `target` sees the old file or the whole new one, never half. Rows keep every column as in
 * the source (their original text), with the source's line endings and BOM.
 */
export class AtomicExport {
  private readonly tmp: string;
  private fd: number;
  private buffer = '';
  count = 0;

  constructor(
    readonly target: string,
    private readonly eol: string,
    bom: boolean,
  ) {
    this.tmp = join(dirname(resolve(target)), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    // 'wx': never follow or reuse an existing file at the temporary name. Owner-only, as the
    // export holds personal data.
    this.fd = openSync(this.tmp, 'wx', 0o600);
    if (bom) this.buffer = '\uFEFF';
  }

  header(record: CsvRecord): void {
    this.write(record.text);
  }

  row(record: CsvRecord): void {
    this.count++;
    this.write(record.text);
  }

  private write(text: string): void {
    this.buffer += (text.indexOf('\n') === -1 || this.eol === '\n' ? text : text.split('\n').join(this.eol)) + this.eol;
    if (this.buffer.length >= WRITE_BLOCK_CHARS) this.flush();
  }

  private flush(): void {
    if (this.buffer) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  commit(): void {
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
    renameSync(this.tmp, this.target);
  }

  abort(): void {
    if (this.fd !== -1) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = -1;
    }
    try {
      unlinkSync(this.tmp);
    } catch {
      // already gone
    }
  }
}
