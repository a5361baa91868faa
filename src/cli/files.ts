import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, parse as parsePath, resolve } from 'node:path';

/** A draft read from disk, decoded the way VS Code shows it. */
export interface DraftFile {
  /** Path as given on the command line (or joined under a given folder). */
  path: string;
  text: string;
  /** Byte order mark to write back with --fix. */
  bom: string;
  /** False when the bytes were not valid in their encoding and decoding replaced some. */
  lossless: boolean;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
}

/** Why a path yields no draft. */
export type ReadFailure = { path: string; reason: 'not-found' | 'binary' | 'unreadable' | 'no-drafts'; detail?: string };

/** Extensions the CLI picks up when given a folder. */
export const DRAFT_EXTENSIONS = new Set(['.html', '.htm', '.eml', '.txt', '.mjml', '.hbs', '.handlebars', '.liquid']);

/** Expands folders into the drafts they contain (sorted, skipping node_modules and dot folders). */
export function expandPaths(paths: string[]): { files: string[]; failures: ReadFailure[] } {
  const files: string[] = [];
  const failures: ReadFailure[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      failures.push({ path: p, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not-found' : 'unreadable', detail: (e as Error).message });
      continue;
    }
    if (!st.isDirectory()) {
      files.push(p);
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
        else if (DRAFT_EXTENSIONS.has(extname(ent.name).toLowerCase())) found.push(full);
      }
    }
    if (found.length === 0) failures.push({ path: p, reason: 'no-drafts' });
    files.push(...found.sort());
  }
  return { files, failures };
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

/** Reads and decodes a draft; UTF-16 with a BOM is honoured, UTF-8 is the default. */
export function readDraft(path: string): DraftFile | ReadFailure {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { path, reason: code === 'ENOENT' ? 'not-found' : 'unreadable', detail: code ?? (e as Error).message };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoded(path, bytes.subarray(2), 'utf-16le', '\uFEFF');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoded(path, bytes.subarray(2), 'utf-16be', '\uFEFF');
  if (looksBinary(bytes)) return { path, reason: 'binary' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return decoded(path, bom ? bytes.subarray(3) : bytes, 'utf-8', bom ? '\uFEFF' : '');
}

function decoded(path: string, bytes: Uint8Array, encoding: DraftFile['encoding'], bom: string): DraftFile {
  let text: string;
  let lossless = true;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder(encoding).decode(bytes);
    lossless = false;
  }
  return { path, text, bom, lossless, encoding };
}

/** Encodes text for writing back in the file's encoding. */
export function encodeDraft(file: DraftFile, text: string): Buffer {
  const full = file.bom + text;
  if (file.encoding === 'utf-8') return Buffer.from(full, 'utf8');
  const le = Buffer.from(full, 'utf16le');
  if (file.encoding === 'utf-16be') le.swap16();
  return le;
}

export const CONFIG_FILE = '.mailproofrc.json';

/** The nearest `.mailproofrc.json` from the file's folder up to the filesystem root. */
export function findConfig(filePath: string, cache: Map<string, string | null>): string | undefined {
  let dir = dirname(resolve(filePath));
  const visited: string[] = [];
  for (;;) {
    const hit = cache.get(dir);
    if (hit !== undefined) {
      for (const v of visited) cache.set(v, hit);
      return hit ?? undefined;
    }
    visited.push(dir);
    const candidate = join(dir, CONFIG_FILE);
    try {
      if (statSync(candidate).isFile()) {
        for (const v of visited) cache.set(v, candidate);
        return candidate;
      }
    } catch {
      // not here
    }
    const parent = dirname(dir);
    if (parent === dir || dir === parsePath(dir).root) {
      for (const v of visited) cache.set(v, null);
      return undefined;
    }
    dir = parent;
  }
}
