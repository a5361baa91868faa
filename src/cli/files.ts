import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';

/**
 * Bytes read at most per file unless `--max-file-size` says otherwise: Gmail accepts messages
 * of up to 25 MB, attachments included, so no real draft is larger. `/dev/zero` or a runaway
 * log named by mistake stops there instead of filling memory.
 */
export const DEFAULT_MAX_FILE_BYTES = 25 * 1024 * 1024;

/** A draft read from disk, decoded the way VS Code shows it. */
export interface DraftFile {
  /** Path as given on the command line (or joined under a given folder). */
  path: string;
  text: string;
  /** SHA-256 of the bytes read, to tell whether the file changed before --fix writes it (empty when not asked for). */
  digest: string;
  /** Byte order mark to write back with --fix. */
  bom: string;
  /** False when the bytes were not valid in their encoding and decoding replaced some. */
  lossless: boolean;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
}

/** Why a path yields no draft. */
export type ReadFailure = { path: string; reason: 'not-found' | 'binary' | 'unreadable' | 'no-drafts' | 'not-regular' | 'too-large'; detail?: string; size?: number; max?: number };

/** Extensions the CLI picks up when given a folder. */
export const DRAFT_EXTENSIONS = new Set(['.html', '.htm', '.eml', '.txt', '.mjml', '.hbs', '.handlebars', '.liquid']);

/**
 * Expands folders into the drafts they contain (sorted, skipping node_modules and dot folders).
 * A file named more than once (`a.html a.html`, or a folder and a file in it) is linted once,
 * where it first comes.
 */
export function expandPaths(paths: string[]): { files: string[]; failures: ReadFailure[] } {
  const files: string[] = [];
  const failures: ReadFailure[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      failures.push({ path: p, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not-found' : 'unreadable', detail: (e as Error).message });
      continue;
    }
    if (!st.isDirectory()) {
      // A FIFO, socket or device named on the command line: said, never opened (a FIFO blocks).
      if (st.isFile()) add(p);
      else failures.push({ path: p, reason: 'not-regular' });
      continue;
    }
    const found: string[] = [];
    const stack = [p];
    while (stack.length) {
      const dir = stack.pop()!;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        failures.push({ path: dir, reason: 'unreadable', detail: (e as Error).message });
        continue;
      }
      for (const ent of entries) {
        if (ent.name.startsWith('.') || ent.name === 'node_modules') continue;
        const full = join(dir, ent.name);
        if (ent.isDirectory()) stack.push(full);
        // Regular files only: a FIFO named `news.html` in a scanned folder is skipped.
        else if (DRAFT_EXTENSIONS.has(extname(ent.name).toLowerCase()) && (ent.isFile() || (ent.isSymbolicLink() && isRegular(full)))) found.push(full);
      }
    }
    if (found.length === 0) failures.push({ path: p, reason: 'no-drafts' });
    for (const f of found.sort()) add(f);
  }
  return { files, failures };
}

function isRegular(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

// Control bytes that never occur in text (NUL is the classic sign of a binary file).
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/**
 * Reads a regular file of at most `maxBytes` bytes. Opened without blocking and checked on the
 * open descriptor, so a FIFO or a device swapped in after the folder scan is refused too.
 */
export function readBytes(path: string, maxBytes: number): Buffer | ReadFailure {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { path, reason: code === 'ENOENT' ? 'not-found' : 'unreadable', detail: code ?? (e as Error).message };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { path, reason: 'not-regular' };
    if (st.size > maxBytes) return { path, reason: 'too-large', size: st.size, max: maxBytes };
    // The size can change while reading: read one byte past the limit to notice.
    const buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(st.size, 0) + 65536));
    let n = 0;
    for (;;) {
      if (n === buf.length) break;
      const k = readSync(fd, buf, n, buf.length - n, null);
      if (k === 0) break;
      n += k;
    }
    if (n > maxBytes) return { path, reason: 'too-large', size: n, max: maxBytes };
    return buf.subarray(0, n);
  } catch (e) {
    return { path, reason: 'unreadable', detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads and decodes a draft; UTF-16 with a BOM is honoured, UTF-8 is the default. The digest
 * that `--fix` compares before writing is computed only with `digest` (a lint that writes
 * nothing skips hashing every file).
 */
export function readDraft(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES, digest = true): DraftFile | ReadFailure {
  const read = readBytes(path, maxBytes);
  if (!Buffer.isBuffer(read)) return read;
  return decodeDraft(path, read, digest);
}

/** Decodes the bytes of a draft read from `path` (see {@link readDraft}). */
function decodeDraft(path: string, bytes: Buffer, withDigest = true): DraftFile | ReadFailure {
  const digest = withDigest ? createHash('sha256').update(bytes).digest('hex') : '';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoded(path, bytes.subarray(2), 'utf-16le', '\uFEFF', digest);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoded(path, bytes.subarray(2), 'utf-16be', '\uFEFF', digest);
  if (looksBinary(bytes)) return { path, reason: 'binary' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return decoded(path, bom ? bytes.subarray(3) : bytes, 'utf-8', bom ? '\uFEFF' : '', digest);
}

/**
 * Writes fixed text back only if the file still holds the bytes that were linted, through a
 * temporary file in the same folder renamed over it (atomic on POSIX file systems): an editor
 * saving meanwhile, or a crash halfway, never leaves a mix. False when the file changed.
 */
export function writeDraftAtomically(file: DraftFile, text: string, maxBytes = DEFAULT_MAX_FILE_BYTES): boolean {
  const now = readBytes(file.path, maxBytes);
  if (!Buffer.isBuffer(now) || createHash('sha256').update(now).digest('hex') !== file.digest) return false;
  const tmp = join(dirname(file.path), `.${basename(file.path)}.${process.pid}.${randomBytes(4).toString('hex')}.mailproof-tmp`);
  try {
    writeFileSync(tmp, encodeDraft(file, text), { flag: 'wx', mode: statSync(file.path).mode & 0o7777 });
    renameSync(tmp, file.path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return true;
}

function decoded(path: string, bytes: Uint8Array, encoding: DraftFile['encoding'], bom: string, digest: string): DraftFile {
  let text: string;
  let lossless = true;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder(encoding).decode(bytes);
    lossless = false;
  }
  return { path, text, digest, bom, lossless, encoding };
}

/** Encodes text for writing back in the file's encoding. */
export function encodeDraft(file: DraftFile, text: string): Buffer {
  const full = file.bom + text;
  if (file.encoding === 'utf-8') return Buffer.from(full, 'utf8');
  const le = Buffer.from(full, 'utf16le');
  if (file.encoding === 'utf-16be') le.swap16();
  return le;
}

