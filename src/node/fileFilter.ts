import ignore, { type Ignore } from 'ignore';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { type DraftVerdict, signalList } from '../engine/detect';
import { decideByContent } from './contentDecision';
import { translate } from '../engine/i18n';
import type { Locale } from '../engine/types';

/** The ignore file: gitignore syntax, relative to its folder; it applies to that folder's tree. */
export const IGNORE_FILE = '.mailproofignore';

// A `.mailproofignore` larger than this is not read (the rest of the file would be ignored silently otherwise).
const MAX_IGNORE_FILE_BYTES = 256 * 1024;

/** Patterns of a configuration file: `ignore` and `alwaysLint`, relative to its folder. */
export interface ConfigPatterns {
  /** The `.mailproofrc.json` path. */
  file: string;
  ignore?: string[];
  alwaysLint?: string[];
}

/** Why a file is or is not linted, as a message key and its parameters. */
export interface FileDecision {
  lint: boolean;
  key: string;
  params?: Record<string, string>;
  verdict?: DraftVerdict;
}

interface PatternSet {
  ig: Ignore;
  base: string;
  file: string;
}

/**
 * Decides which files on disk are linted: `.mailproofignore` files (in the file's folder and
 * every folder above it, up to the repository root or the file-system root), the `ignore` and
 * `alwaysLint` lists of the configuration, then the content (see detectDraft).
 */
export class FileFilter {
  private readonly ignoreFiles = new Map<string, PatternSet | null>();
  private readonly folderSets = new Map<string, PatternSet[]>();
  private readonly configSets = new Map<string, { ignore?: PatternSet; always?: PatternSet }>();

  /** The ignore rule that matches a path, if any. */
  ignoredBy(path: string, config?: ConfigPatterns): { pattern: string; file: string } | undefined {
    const abs = resolve(path);
    const sets = this.ignoreSetsFor(abs);
    const fromConfig = config && this.configSet(config).ignore;
    if (fromConfig) sets.push(fromConfig);
    for (const set of sets) {
      const rel = relative(set.base, abs).split(sep).join('/');
      if (!rel || rel.startsWith('..')) continue;
      const r = set.ig.test(rel);
      if (r.ignored) return { pattern: r.rule?.pattern ?? rel, file: set.file };
    }
    return undefined;
  }

  /** The `alwaysLint` pattern of the configuration that matches a path, if any. */
  alwaysLinted(path: string, config?: ConfigPatterns): { pattern: string; file: string } | undefined {
    const set = config && this.configSet(config).always;
    if (!set) return undefined;
    const rel = relative(set.base, resolve(path)).split(sep).join('/');
    if (!rel || rel.startsWith('..')) return undefined;
    const r = set.ig.test(rel);
    return r.ignored ? { pattern: r.rule?.pattern ?? rel, file: set.file } : undefined;
  }

  /** Whether to lint a file, and why. `text` is its content. */
  decide(path: string, text: string, config?: ConfigPatterns): FileDecision {
    return this.decideByPath(path, config) ?? decideByContent(path, text);
  }

  /**
   * The decision that the path alone makes (ignore patterns, then `alwaysLint`), or undefined
   * when the content decides (see {@link decideByContent}).
   */
  decideByPath(path: string, config?: ConfigPatterns): FileDecision | undefined {
    const ignored = this.ignoredBy(path, config);
    if (ignored) return { lint: false, key: 'detect.ignored', params: { pattern: ignored.pattern, file: ignored.file } };
    const always = this.alwaysLinted(path, config);
    if (always) return { lint: true, key: 'detect.alwaysLint', params: { pattern: always.pattern, file: always.file } };
    return undefined;
  }

  private configSet(config: ConfigPatterns) {
    let sets = this.configSets.get(config.file);
    if (!sets) {
      const base = dirname(resolve(config.file));
      const make = (patterns?: string[]) => (patterns?.length ? { ig: ignore().add(patterns), base, file: config.file } : undefined);
      sets = { ignore: make(config.ignore), always: make(config.alwaysLint) };
      this.configSets.set(config.file, sets);
    }
    return sets;
  }

  // The `.mailproofignore` files that apply to a file, nearest first.
  private ignoreSetsFor(abs: string): PatternSet[] {
    // The sets of a folder's files, found once per folder like the ignore files themselves:
    // the walk up stats every folder above for `.git`.
    const folder = dirname(abs);
    const cached = this.folderSets.get(folder);
    if (cached) return [...cached];
    const out: PatternSet[] = [];
    let dir = folder;
    for (;;) {
      const set = this.ignoreFileIn(dir);
      if (set) out.push(set);
      if (isRepoRoot(dir)) break;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    this.folderSets.set(folder, out);
    return [...out];
  }

  private ignoreFileIn(dir: string): PatternSet | null {
    const cached = this.ignoreFiles.get(dir);
    if (cached !== undefined) return cached;
    let set: PatternSet | null = null;
    const file = join(dir, IGNORE_FILE);
    try {
      const st = statSync(file);
      if (st.isFile() && st.size <= MAX_IGNORE_FILE_BYTES) set = { ig: ignore().add(readFileSync(file, 'utf8')), base: dir, file };
    } catch {
      // none here
    }
    this.ignoreFiles.set(dir, set);
    return set;
  }
}

function isRepoRoot(dir: string): boolean {
  try {
    statSync(join(dir, '.git'));
    return true;
  } catch {
    return false;
  }
}

/** A decision as one readable sentence in the locale. */
export function explainDecision(d: FileDecision, locale: Locale): string {
  const t = (key: string) => translate(locale, key);
  if (d.verdict && (d.key === 'detect.email' || d.key === 'detect.web')) return translate(locale, d.key, { signals: signalList(d.verdict, t) });
  return translate(locale, d.key, d.params);
}
