import { readFileSync } from 'node:fs';
import { type MailproofConfig, validateConfig } from '../engine/config';
import { translate } from '../engine/i18n';
import { fixAllText, type FixType } from '../engine/fix';
import { detectKind, lint, type LintOptions, type LintRun } from '../engine/lint';
import { resolveRule } from '../engine/config';
import { spelling } from '../engine/rules/spelling';
import type { Speller } from '../engine/spelling/speller';
import { grammar as grammarRule } from '../engine/rules/grammar';
import type { GrammarResults } from '../engine/grammar/paragraphs';
import { GrammarCheckers, type GrammarLint } from '../grammar/index';
import { parseLanguageToolUrl } from '../grammar/languagetool';
import { rules } from '../engine/rules/index';
import type { DraftModel } from '../engine/model';
import type { DraftKind, Locale, Severity } from '../engine/types';
import { DEFAULT_MAX_FILE_BYTES, type DraftFile, expandPaths, type ReadFailure, readDraft, writeDraftAtomically } from './files';
import { findConfig } from '../node/configFile';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';
import type { FileResult, Formatter } from './formatters/types';
import type { FileLintRequest, FileLintResponse } from '../node/lintProtocol';
import { decideByContent } from '../node/contentDecision';
import { LineTable } from '../node/lineTable';
import { createTwoFilesPatch } from 'diff';
import { explainDecision, FileFilter } from '../node/fileFilter';
import { cliText, counted } from './messages';
import { fileResources } from '../node/fileResources';
import { spellingModule } from '../node/spellingModule';
import type { LintPool } from '../node/lintPool';
import { LineIndex } from '../engine/position';
import { existsSync } from 'node:fs';
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
  /** Exit 1 when a draft's score reaches this number, or when it is likely spam. */
  failOnScore?: number | 'likelySpam';
  /** What `--fix` and `--fix-dry-run` apply (default: fixes only). */
  fixTypes?: ReadonlySet<FixType>;
  /** Print the changes as a unified diff instead of writing them (and instead of the report). */
  fixDryRun?: boolean;
  /** Findings below this severity are not reported (`--quiet` is `error`). */
  minSeverity?: Severity;
  /** Exit 1 when more warnings than this are found. */
  maxWarnings?: number;
  /** Bytes read at most per file (`--max-file-size`, in KB on the command line). */
  maxFileBytes?: number;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/**
 * Loads the Hunspell speller (dist/spelling.js) on the first draft whose configuration keeps
 * the spelling rule on; a draft linted without it gets no spelling findings, and one line on
 * that draft's `err` says why.
 */
function spellerLoader(locale: Locale): (config: MailproofConfig | undefined, err: (text: string) => void) => Promise<Speller | undefined> {
  let loaded: Promise<Speller | undefined> | undefined;
  return (config, err) => {
    if (resolveRule(spelling, config).severity === 'off') return Promise.resolve(undefined);
    loaded ??= spellingModule()
      .then((m) => m.loadSpeller())
      .catch((e: unknown) => {
        err(`mailproof: ${cliText(locale, 'spellingUnavailable', { reason: (e as Error)?.message ?? String(e) })}\n`);
        return undefined;
      });
    return loaded;
  };
}

/**
 * Grammar for the drafts whose configuration keeps the grammar rule on: Grammalecte when
 * installed (started on the first French paragraph), and the LanguageTool server in
 * `MAILPROOF_LANGUAGETOOL_URL` when set (a bad URL is said once, at the first such draft).
 * `close` ends the Grammalecte process.
 */
function grammarLoader(locale: Locale, env: NodeJS.ProcessEnv) {
  const checkers = new GrammarCheckers();
  const lt = env.MAILPROOF_LANGUAGETOOL_URL ? parseLanguageToolUrl(env.MAILPROOF_LANGUAGETOOL_URL) : undefined;
  let ltReported = false;
  return {
    on: (config: MailproofConfig | undefined) => resolveRule(grammarRule, config).severity !== 'off',
    /** The draft's lint with its grammar results (see {@link GrammarCheckers.lint}); why a check failed goes to `err`. */
    async lint(
      text: string,
      kind: DraftKind,
      config: MailproofConfig | undefined,
      lintWith: (grammar: GrammarResults | undefined, model?: DraftModel) => LintRun,
      err: (text: string) => void,
    ): Promise<GrammarLint<LintRun>> {
      const say = (reason: string) => err(`mailproof: ${cliText(locale, 'grammarUnavailable', { reason })}\n`);
      if (lt && 'error' in lt && !ltReported) {
        ltReported = true;
        say(lt.error);
      }
      const checked = await checkers.lint(text, kind, config, lt && 'url' in lt ? lt.url : undefined, lintWith);
      if (checked.error !== undefined) say(checked.error);
      return checked;
    },
    close: () => checkers.close(),
  };
}

/** Runs `mailproof lint`; returns the exit code. */
export function runLint(cmd: LintCommand, io: Io): number | Promise<number> {
  const { locale } = cmd;
  let exit = 0;
  const failWith = (msg: string, err: (text: string) => void = io.err) => {
    err(`mailproof: ${msg}\n`);
    exit = 2;
  };
  const configs = new Map<string, { config: MailproofConfig | null; problems: string[]; said: boolean }>();
  /** A configuration file and what is wrong with it, read once; nothing is said yet. */
  const readConfig = (path: string) => {
    let read = configs.get(path);
    if (read) return read;
    read = { config: null, problems: [], said: false };
    try {
      // Editors save JSON with a byte order mark; JSON.parse does not accept one.
      const raw = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
      const { config, problems } = validateConfig(raw, rules);
      read.problems = problems.map((p) => cliText(locale, 'configProblem', { file: path, problem: translate(locale, p.key, p.params) }));
      read.config = config;
    } catch (e) {
      read.problems = [cliText(locale, e instanceof SyntaxError ? 'configInvalidJson' : 'unreadable', { file: path, reason: (e as Error).message })];
    }
    configs.set(path, read);
    return read;
  };
  /**
   * A configuration file, its problems said on `err` the first time: with the first draft read
   * that uses it. A mistake fails the run (exit 2), so that a typo cannot pass CI; files are
   * still linted with the valid part.
   */
  const loadConfig = (path: string, err: (text: string) => void = io.err): MailproofConfig | null => {
    const read = readConfig(path);
    if (!read.said) {
      read.said = true;
      for (const p of read.problems) failWith(p, err);
    }
    return read.config;
  };

  let explicit: MailproofConfig | null | undefined;
  if (cmd.config) {
    explicit = loadConfig(cmd.config);
    if (explicit === null) return 2;
  }

  const { files, failures } = expandPaths(cmd.files);
  for (const f of failures) failWith(failureText(f, locale));
  const lookup = new Map<string, string | null>();
  /** The configuration that applies to `path` and its file: `--config`, else the nearest one, read with `read`. */
  const configFor = (path: string, read: (file: string) => MailproofConfig | null) => {
    if (explicit) return { config: explicit, configFile: cmd.config };
    const configFile = findConfig(path, lookup);
    return { config: configFile ? read(configFile) ?? undefined : undefined, configFile };
  };
  const filter = new FileFilter();
  const minSeverity: Severity = cmd.quiet ? 'error' : cmd.minSeverity ?? 'info';
  const fixTypes = cmd.fixTypes ?? new Set<FixType>(['fix']);
  const results: FileResult[] = [];
  const diffs: string[] = [];
  let warnings = 0;
  /** Reads a draft, finds its configuration and decides whether to lint it; messages go to `err`. */
  const prepare = (path: string, err: (text: string) => void): Prepared | undefined => {
    const draft = readDraft(path, cmd.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, !!(cmd.fix || cmd.fixDryRun));
    if ('reason' in draft) {
      failWith(failureText(draft, locale), err);
      return undefined;
    }
    const { config, configFile } = configFor(path, (file) => loadConfig(file, err));
    // Ignored files and web pages are left alone, as the editor does; say why on stderr.
    const decision = filter.decide(path, draft.text, configFile ? { file: configFile, ignore: config?.ignore, alwaysLint: config?.alwaysLint } : undefined);
    if (!decision.lint) {
      if (decision.key !== 'detect.ignored') err(`mailproof: ${cliText(locale, 'skipped', { file: path, reason: explainDecision(decision, locale) })}\n`);
      return undefined;
    }
    return { draft, config };
  };
  /** Writes or shows the fixes of a linted draft and keeps its result; messages go to `err`. */
  const finish = (path: string, first: Linted, fixed: Fixed | undefined, err: (text: string) => void) => {
    let run = first;
    if (fixed && fixed.count > 0) {
      const { draft } = fixed;
      // A unified diff from the `---` line on (the patch library's `Index:` banner is dropped).
      if (cmd.fixDryRun) diffs.push(createTwoFilesPatch(path, path, draft.text, fixed.text, undefined, undefined, { context: 3 }).replace(/^(?:Index:[^\n]*\n)?=+\n/, ''));
      // The report and the exit code describe the text as fixed (or as it would be).
      if (cmd.fixDryRun || writeFixed(draft, fixed.text, fixed.count, locale, err, cmd.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES)) run = fixed.run;
    }
    warnings += run.findings.filter((f) => f.severity === 'warning').length;
    const findings = run.findings.filter((f) => RANK[f.severity] >= RANK[minSeverity]);
    const hidden = { error: 0, warning: 0, info: 0 };
    for (const f of run.findings) if (RANK[f.severity] < RANK[minSeverity]) hidden[f.severity]++;
    if (findings.some((f) => f.severity === 'error') && exit === 0) exit = 1;
    const { spamProbability, likelySpam, scoreBreakdown, mailType, mailTypeSource, bulkRequirements } = run;
    const verdict = { spamProbability, likelySpam, scoreBreakdown, mailType, mailTypeSource, bulkRequirements };
    results.push({ file: path, kind: run.kind, score: run.score, findings, lines: run.lines, verdict, ...(minSeverity !== 'info' ? { hidden, minSeverity } : {}) });
    const fail = cmd.failOnScore;
    if (fail !== undefined && (fail === 'likelySpam' ? run.likelySpam : run.score >= fail) && exit === 0) exit = 1;
  };
  const report = () => {
    if (cmd.maxWarnings !== undefined && warnings > cmd.maxWarnings) {
      io.err(`mailproof: ${cliText(locale, 'tooManyWarnings', { warnings: counted(locale, 'warnings', warnings), max: cmd.maxWarnings })}\n`);
      if (exit === 0) exit = 1;
    }
    if (cmd.fixDryRun) io.out(diffs.join(''));
    else if (results.length || cmd.format !== 'text') io.out(FORMATTERS[cmd.format](results, locale));
    return exit;
  };

  // The worker is a bundle of its own beside dist/cli.js; run from sources, lint in this thread.
  const workerScript = join(__dirname, 'lintWorker.js');
  const workers = existsSync(workerScript) ? workerCount(files.length, process.env.MAILPROOF_WORKERS) : 0;
  const languageChecks = resolveRule(spelling, explicit ?? undefined).severity !== 'off' || resolveRule(grammarRule, explicit ?? undefined).severity !== 'off';
  if (workers > 0) {
    // Each worker loads the speller and starts Grammalecte itself, on its first draft that
    // checks them: the language checks run on every core too.
    // Loaded only here: worker_threads costs a one-file run start-up time for nothing.
    return import('../node/lintPool')
      .then(({ LintPool }) => lintInWorkers(new LintPool(workerScript, workers, false, LINTS_IN_FLIGHT_PER_WORKER)))
      .then(report);
  }

  if (!languageChecks) {
    for (const path of files) {
      const prepared = prepare(path, io.err);
      if (prepared) lintOne(prepared, (options) => lint(prepared.draft.text, options))();
    }
    return report();
  }
  const spellerFor = spellerLoader(locale);
  const grammar = grammarLoader(locale, process.env);
  type Ahead = { messages: string[]; chars: number; done?: Promise<(() => void) | undefined> };
  /**
   * Reads and lints a draft with its language checks; resolves to what writes its result. Its
   * messages go to its own list, written when its turn comes; its length is known on return.
   */
  const checkOne = async (path: string, entry: Ahead): Promise<(() => void) | undefined> => {
    const err = (text: string) => entry.messages.push(text);
    const prepared = prepare(path, err);
    if (!prepared) return undefined;
    const { draft, config } = prepared;
    entry.chars = draft.text.length;
    const speller = await spellerFor(config, err);
    if (!grammar.on(config)) return lintOne(prepared, (options) => lint(draft.text, { ...options, speller }));
    // Grammar results are per paragraph text: a re-lint after fixes keeps those of the paragraphs left unchanged.
    const checked = await grammar.lint(draft.text, detectKind(path, draft.text), config, (g, model) => lint(draft.text, { ...baseOptions(prepared), speller, grammar: g, model }), err);
    return lintOne(prepared, () => checked.run, { speller, grammar: checked.grammar });
  };
  return (async () => {
    // While Grammalecte (another process) checks a draft's French paragraphs, this thread reads
    // and lints the next drafts instead of waiting; each draft's messages and result are written
    // in input order, as one draft at a time wrote them.
    // How far ahead is bounded in drafts and in characters: each draft waiting keeps its lint.
    // With --fix, none: a file reached by two names (a link) is read again after its first fix is written.
    const maxAhead = cmd.fix && !cmd.fixDryRun ? 1 : DRAFTS_AHEAD_IN_THREAD;
    const ahead: Ahead[] = [];
    let aheadChars = 0;
    const writeNext = async () => {
      const next = ahead.shift()!;
      aheadChars -= next.chars;
      const write = await next.done;
      for (const m of next.messages) io.err(m);
      write?.();
    };
    try {
      for (const path of files) {
        const entry: Ahead = { messages: [], chars: 0 };
        entry.done = checkOne(path, entry);
        ahead.push(entry);
        aheadChars += entry.chars;
        while (ahead.length >= maxAhead || aheadChars > CHARS_AHEAD_IN_THREAD) await writeNext();
      }
      while (ahead.length) await writeNext();
    } finally {
      // A failed lint rejects its promise; the others must not be left unobserved.
      for (const a of ahead) a.done?.catch(() => undefined);
      await grammar.close();
    }
    return report();
  })();

  function baseOptions({ draft, config }: Prepared): LintOptions {
    return { fileName: draft.path, config, locale, resources: fileResources };
  }

  /**
   * Lints a prepared draft (its first run from `first`) and applies its fixes if asked; returns
   * what writes the fixed file and keeps the result, to call in input order.
   */
  function lintOne(prepared: Prepared, first: (options: LintOptions) => LintRun, extra?: Partial<LintOptions>): () => void {
    const { draft } = prepared;
    const options = { ...baseOptions(prepared), ...extra };
    const run = first(options);
    let fixed: Fixed | undefined;
    if (cmd.fix || cmd.fixDryRun) {
      const f = fixAllText(draft.text, run, (t) => lint(t, options), fixTypes);
      fixed = { draft, count: f.fixed, text: f.text, run: f.run };
    }
    return () => finish(draft.path, run, fixed, io.err);
  }

  /**
   * Lints the files in worker threads, which (when there are several) also read them and tell
   * drafts from web pages; this thread finds each file's configuration and ignore rules, then
   * writes messages (read failures, skipped files, configuration problems, fixes) and results
   * in input order, exactly as the in-thread loop writes them.
   */
  async function lintInWorkers(pool: LintPool): Promise<void> {
    const fixing = !!(cmd.fix || cmd.fixDryRun);
    // The in-thread loop says once that the speller did not load and once that the LanguageTool
    // URL is not usable, at the first draft that asks for them, then why a grammar check failed;
    // these messages come after the draft's own and before its fixes.
    let spellingReported = false;
    const ltSetting = process.env.MAILPROOF_LANGUAGETOOL_URL;
    const lt = ltSetting ? parseLanguageToolUrl(ltSetting) : undefined;
    let ltReported = !lt || 'url' in lt;
    const languageToolUrl = lt && 'url' in lt ? lt.url : undefined;
    const say = (key: 'spellingUnavailable' | 'grammarUnavailable', reason: string) => io.err(`mailproof: ${cliText(locale, key, { reason })}\n`);
    type Pending = { path: string; configFile?: string; grammar: boolean; draft?: DraftFile; done: Promise<FileLintResponse> };
    const pending: Pending[] = [];
    const flush = async () => {
      const next = pending.shift()!;
      const response = await next.done;
      if ('failure' in response) return failWith(failureText(response.failure, locale));
      if (next.configFile && !explicit) loadConfig(next.configFile);
      if ('skipped' in response) {
        // Ignored files and web pages are left alone, as the editor does; say why on stderr.
        if (response.skipped.key !== 'detect.ignored') io.err(`mailproof: ${cliText(locale, 'skipped', { file: next.path, reason: explainDecision(response.skipped, locale) })}\n`);
        return;
      }
      if (response.spellingUnavailable !== undefined && !spellingReported) {
        spellingReported = true;
        say('spellingUnavailable', response.spellingUnavailable);
      }
      if (next.grammar && !ltReported && lt && 'error' in lt) {
        ltReported = true;
        say('grammarUnavailable', lt.error);
      }
      if (response.grammarUnavailable !== undefined) say('grammarUnavailable', response.grammarUnavailable);
      const { result, lines, fixed } = response;
      const draft = next.draft ?? response.draft;
      if (!fixing || !draft) return finish(next.path, { ...result, lines: new LineTable(lines!.starts, lines!.length) }, undefined, io.err);
      // With the fixed text, the result is the fixed draft's, and `finish` uses only that one;
      // without it (the file cannot be rewritten, or nothing was fixed), it is the first lint's.
      const linted = (text: string): Linted => ({ ...result, lines: new LineIndex(text) });
      const first = linted(draft.text);
      const fixedRun = fixed && (fixed.text !== undefined ? { draft, count: fixed.count, text: fixed.text, run: linted(fixed.text) } : { draft, count: fixed.count, text: '', run: first });
      finish(next.path, first, fixedRun, io.err);
    };
    const maxBytes = cmd.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const fix = fixing ? { dryRun: !!cmd.fixDryRun, types: [...fixTypes] } : undefined;
    // One worker leaves this thread a core of its own: it reads and sorts the files there, beside
    // the lints (reading and telling drafts from web pages is about a quarter of a file's work).
    // More workers read their own files, or this thread would hold them up.
    const readHere = pool.size === 1;
    try {
      for (const path of files) {
        // A configuration's problems are said with the first draft read that uses it (see flush).
        const { config, configFile } = configFor(path, (file) => readConfig(file).config);
        const decided = filter.decideByPath(path, configFile ? { file: configFile, ignore: config?.ignore, alwaysLint: config?.alwaysLint } : undefined);
        const spellingOn = resolveRule(spelling, config).severity !== 'off';
        const grammarOn = resolveRule(grammarRule, config).severity !== 'off';
        const request: FileLintRequest = {
          path,
          maxBytes,
          decided: decided && (decided.lint ? 'lint' : 'ignored'),
          options: { config, locale, localFiles: true, spelling: spellingOn, grammar: grammarOn ? { languageToolUrl } : undefined },
          fix,
        };
        if (!readHere) pending.push({ path, configFile, grammar: grammarOn, done: pool.lintFile(request) });
        else {
          // What the worker would answer before linting, answered here.
          const draft = readDraft(path, maxBytes, fixing);
          if ('reason' in draft) {
            pending.push({ path, configFile, grammar: grammarOn, done: Promise.resolve({ failure: draft }) });
          } else {
            const decision = decided ?? decideByContent(path, draft.text);
            const done: Promise<FileLintResponse> = decision.lint ? pool.lintFile({ ...request, read: { text: draft.text, lossless: draft.lossless } }) : Promise.resolve({ skipped: decision });
            pending.push({ path, configFile, grammar: grammarOn, draft, done });
          }
        }
        if (pending.length >= pool.size * RESULTS_AHEAD_PER_WORKER) await flush();
      }
      while (pending.length) await flush();
    } finally {
      // A failed lint rejects its promise; the others must not be left unobserved.
      for (const p of pending) p.done.catch(() => undefined);
      await pool.close();
    }
  }
}

type Prepared = { draft: DraftFile; config: MailproofConfig | undefined };
type Linted = Pick<FileResult, 'kind' | 'score' | 'findings' | 'lines'> & FileResult['verdict'];
/** A draft's fixes: how many, the fixed text and its lint. */
type Fixed = { draft: DraftFile; count: number; text: string; run: Linted };

// Drafts read and linted ahead of the output in this thread while a grammar checker answers
// (measured on 2,000 templates: with 4, this thread still waited for Grammalecte a sixth of the
// run; with 32, 3%), and their characters at most, beyond the draft being written.
const DRAFTS_AHEAD_IN_THREAD = 32;
const CHARS_AHEAD_IN_THREAD = 4 * 1024 * 1024;
// Below this many files, starting workers (about 50 ms each) costs more than it saves.
const MIN_FILES_PER_WORKER = 32;
// Lints handed to a worker at once: the next waits in the worker, not for this thread to answer
// the last (measured: with one at a time, each worker sat idle a third of the run).
const LINTS_IN_FLIGHT_PER_WORKER = 3;
// Files asked of the workers ahead of the output: enough to keep them busy, few enough to
// bound the results held in memory.
const RESULTS_AHEAD_PER_WORKER = 8;

/**
 * How many lint workers to use for `files` files: none (lint in this thread) for a few files or
 * up to two cores, else one per core but one. `MAILPROOF_WORKERS` sets the number (0 = in this
 * thread).
 *
 * One core is left to this thread and to V8's collector and optimising compiler, which run
 * beside each lint: on 2 cores, a run in this thread or with one worker already keeps about
 * 1.4 cores busy, and two workers took a third more CPU time (each optimises the engine again)
 * for no shorter a run (2,000 templates with spelling and grammar off: 3.4–3.5 s in this
 * thread or with one worker, 3.5–3.8 s with two).
 */
export function workerCount(files: number, setting: string | undefined, cores = availableParallelism()): number {
  if (setting !== undefined && setting.trim() !== '') {
    const n = Number(setting);
    if (Number.isInteger(n) && n >= 0) return Math.min(n, 64);
  }
  const n = Math.min(cores - 1, Math.floor(files / MIN_FILES_PER_WORKER));
  return n >= 2 ? n : 0;
}

// Writes the fixed text back, atomically and only over the bytes that were linted; false when
// the file cannot be rewritten without losing bytes or changed meanwhile.
function writeFixed(draft: DraftFile, text: string, total: number, locale: Locale, err: (text: string) => void, maxBytes: number): boolean {
  if (!draft.lossless) {
    err(`mailproof: ${cliText(locale, 'fixSkippedEncoding', { file: draft.path })}\n`);
    return false;
  }
  if (!writeDraftAtomically(draft, text, maxBytes)) {
    err(`mailproof: ${cliText(locale, 'fixSkippedChanged', { file: draft.path })}\n`);
    return false;
  }
  err(`${cliText(locale, 'fixed', { file: draft.path, fixes: counted(locale, 'fixes', total) })}\n`);
  return true;
}

function failureText(f: ReadFailure, locale: Locale): string {
  switch (f.reason) {
    case 'not-found':
      return cliText(locale, 'notFound', { file: f.path });
    case 'binary':
      return cliText(locale, 'binary', { file: f.path });
    case 'no-drafts':
      return cliText(locale, 'noDrafts', { file: f.path });
    case 'not-regular':
      return cliText(locale, 'notRegular', { file: f.path });
    case 'too-large':
      return cliText(locale, 'tooLarge', { file: f.path, size: kb(f.size ?? 0), max: kb(f.max ?? 0) });
    default:
      return cliText(locale, 'unreadable', { file: f.path, reason: f.detail ?? '' });
  }
}

function kb(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}
