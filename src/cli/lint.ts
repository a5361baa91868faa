import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { type MailproofConfig, validateConfig } from '../engine/config';
import { translate } from '../engine/i18n';
import { fixAllText } from '../engine/fix';
import { lint } from '../engine/lint';
import { rules } from '../engine/rules/index';
import type { Locale } from '../engine/types';
import { type DraftFile, encodeDraft, expandPaths, findConfig, type ReadFailure, readDraft } from './files';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';
import type { FileResult, Formatter } from './formatters/types';
import { cliText } from './messages';
import { fileResources } from '../node/fileResources';
import type { LintPool } from '../node/lintPool';
import { LineIndex } from '../engine/position';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

export const FORMATTERS: Record<string, Formatter> = { text: formatText, json: formatJson, sarif: formatSarif };

export interface LintCommand {
  files: string[];
  format: string;
  config?: string;
  locale: Locale;
  fix: boolean;
  quiet: boolean;
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Runs `mailproof lint`; returns the exit code. */
export function runLint(cmd: LintCommand, io: Io): number | Promise<number> {
  const { locale } = cmd;
  let exit = 0;
  const failWith = (msg: string, err: (text: string) => void = io.err) => {
    err(`mailproof: ${msg}\n`);
    exit = 2;
  };
  const configs = new Map<string, MailproofConfig | null>();
  const loadConfig = (path: string, err: (text: string) => void = io.err): MailproofConfig | null => {
    const cached = configs.get(path);
    if (cached !== undefined) return cached;
    let loaded: MailproofConfig | null = null;
    try {
      const raw = JSON.parse(readFileSync(path, 'utf8'));
      const { config, problems } = validateConfig(raw, rules);
      for (const p of problems) err(`mailproof: ${cliText(locale, 'configProblem', { file: path, problem: translate(locale, p.key, p.params) })}\n`);
      loaded = config;
    } catch (e) {
      failWith(cliText(locale, e instanceof SyntaxError ? 'configInvalidJson' : 'unreadable', { file: path, reason: (e as Error).message }), err);
    }
    configs.set(path, loaded);
    return loaded;
  };

  let explicit: MailproofConfig | null | undefined;
  if (cmd.config) {
    explicit = loadConfig(cmd.config);
    if (explicit === null) return 2;
  }

  const { files, failures } = expandPaths(cmd.files);
  for (const f of failures) failWith(failureText(f, locale));
  const lookup = new Map<string, string | null>();
  /** Reads a draft and finds its configuration; messages go to `err`. */
  const prepare = (path: string, err: (text: string) => void): { draft: DraftFile; config: MailproofConfig | undefined } | undefined => {
    const draft = readDraft(path);
    if ('reason' in draft) {
      failWith(failureText(draft, locale), err);
      return undefined;
    }
    let config: MailproofConfig | undefined;
    if (explicit) config = explicit;
    else {
      const found = findConfig(path, lookup);
      config = found ? loadConfig(found, err) ?? undefined : undefined;
    }
    return { draft, config };
  };
  const results: FileResult[] = [];
  const collect = (path: string, run: Omit<FileResult, 'file'>) => {
    const findings = cmd.quiet ? run.findings.filter((f) => f.severity === 'error') : run.findings;
    if (findings.some((f) => f.severity === 'error') && exit === 0) exit = 1;
    results.push({ file: path, kind: run.kind, score: run.score, findings, lines: run.lines });
  };
  const report = () => {
    if (results.length || cmd.format !== 'text') io.out(FORMATTERS[cmd.format](results, locale));
    return exit;
  };

  // The worker is a bundle of its own beside dist/cli.js; run from sources, lint in this thread.
  const workerScript = join(__dirname, 'lintWorker.js');
  const workers = existsSync(workerScript) ? workerCount(files.length, process.env.MAILPROOF_WORKERS) : 0;
  if (workers > 0) {
    // Loaded only here: worker_threads costs a one-file run start-up time for nothing.
    return import('../node/lintPool').then(({ LintPool }) => lintInWorkers(cmd, io, files, new LintPool(workerScript, workers), prepare, collect)).then(report);
  }

  for (const path of files) {
    const prepared = prepare(path, io.err);
    if (!prepared) continue;
    const { draft, config } = prepared;
    let text = draft.text;
    let run = lint(text, { fileName: path, config, locale, resources: fileResources });
    if (cmd.fix) {
      const fixed = fixFile(draft, run, config, locale, io);
      if (fixed) {
        text = fixed.text;
        run = fixed.run;
      }
    }
    collect(path, run);
  }
  return report();
}

// Below this many files, starting workers (about 50 ms each) costs more than it saves.
const MIN_FILES_PER_WORKER = 32;
// Drafts read ahead of the workers: enough to keep them busy, few enough to bound memory.
const READ_AHEAD_PER_WORKER = 4;

/**
 * How many lint workers to use for `files` files: none (lint in this thread) for a few files or
 * one core, else up to one per core. `MAILPROOF_WORKERS` sets the number (0 = in this thread).
 */
export function workerCount(files: number, setting: string | undefined): number {
  if (setting !== undefined && setting.trim() !== '') {
    const n = Number(setting);
    if (Number.isInteger(n) && n >= 0) return Math.min(n, 64);
  }
  const cores = availableParallelism();
  if (cores < 2) return 0;
  const n = Math.min(cores, Math.floor(files / MIN_FILES_PER_WORKER));
  return n >= 2 ? n : 0;
}

/**
 * Lints files in worker threads, reading them in this one in order: messages of each file
 * (read failures, configuration problems, fixes) and results come out in input order, exactly
 * as the in-thread loop writes them.
 */
async function lintInWorkers(
  cmd: LintCommand,
  io: Io,
  files: string[],
  pool: LintPool,
  prepare: (path: string, err: (text: string) => void) => { draft: DraftFile; config: MailproofConfig | undefined } | undefined,
  collect: (path: string, run: Omit<FileResult, 'file'>) => void,
): Promise<void> {
  const { locale } = cmd;
  type Pending = { path: string; messages: string[]; done: Promise<Omit<FileResult, 'file'> | undefined> };
  const pending: Pending[] = [];
  const flush = async () => {
    const next = pending.shift()!;
    const run = await next.done;
    for (const m of next.messages) io.err(m);
    if (run) collect(next.path, run);
  };
  try {
    for (const path of files) {
      const messages: string[] = [];
      const err = (text: string) => void messages.push(text);
      const prepared = prepare(path, err);
      const done = prepared ? lintOne(pool, prepared.draft, prepared.config, cmd, err) : Promise.resolve(undefined);
      pending.push({ path, messages, done });
      if (pending.length >= pool.size * READ_AHEAD_PER_WORKER) await flush();
    }
    while (pending.length) await flush();
  } finally {
    // A failed lint rejects its promise; the others must not be left unobserved.
    for (const p of pending) p.done.catch(() => undefined);
    await pool.close();
  }

  async function lintOne(pool: LintPool, draft: DraftFile, config: MailproofConfig | undefined, cmd: LintCommand, err: (text: string) => void) {
    const response = (await pool.lint({
      text: draft.text,
      options: { fileName: draft.path, config, locale, localFiles: true },
      fix: cmd.fix ? { write: draft.lossless } : undefined,
    }))!;
    let text = draft.text;
    const fixed = response.fixed;
    if (fixed && fixed.count > 0) {
      if (fixed.text === undefined) err(`mailproof: ${cliText(locale, 'fixSkippedEncoding', { file: draft.path })}\n`);
      else {
        text = fixed.text;
        writeFileSync(draft.path, encodeDraft(draft, text));
        err(`${cliText(locale, 'fixed', { file: draft.path, count: fixed.count })}\n`);
      }
    }
    const { snapshot } = response;
    return { kind: snapshot.kind, score: snapshot.score, findings: snapshot.findings, lines: new LineIndex(text) };
  }
}

function fixFile(draft: DraftFile, first: ReturnType<typeof lint>, config: MailproofConfig | undefined, locale: Locale, io: Io) {
  const { text, run, fixed: total } = fixAllText(draft.text, first, (t) => lint(t, { fileName: draft.path, config, locale, resources: fileResources }));
  if (total === 0) return undefined;
  if (!draft.lossless) {
    io.err(`mailproof: ${cliText(locale, 'fixSkippedEncoding', { file: draft.path })}\n`);
    return undefined;
  }
  writeFileSync(draft.path, encodeDraft(draft, text));
  io.err(`${cliText(locale, 'fixed', { file: draft.path, count: total })}\n`);
  return { text, run };
}

function failureText(f: ReadFailure, locale: Locale): string {
  switch (f.reason) {
    case 'not-found':
      return cliText(locale, 'notFound', { file: f.path });
    case 'binary':
      return cliText(locale, 'binary', { file: f.path });
    case 'no-drafts':
      return cliText(locale, 'noDrafts', { file: f.path });
    default:
      return cliText(locale, 'unreadable', { file: f.path, reason: f.detail ?? '' });
  }
}
