import { readFileSync } from 'node:fs';
import { type MailproofConfig, validateConfig } from '../engine/config';
import { translate } from '../engine/i18n';
import { fixAllText, type FixType } from '../engine/fix';
import { lint } from '../engine/lint';
import { rules } from '../engine/rules/index';
import type { Locale, Severity } from '../engine/types';
import { DEFAULT_MAX_FILE_BYTES, type DraftFile, expandPaths, findConfig, type ReadFailure, readDraft, writeDraftAtomically } from './files';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';
import type { FileResult, Formatter } from './formatters/types';
import { createTwoFilesPatch } from 'diff';
import { explainDecision, FileFilter } from '../node/fileFilter';
import { cliText, counted } from './messages';
import { fileResources } from '../node/fileResources';

export const FORMATTERS: Record<string, Formatter> = { text: formatText, json: formatJson, sarif: formatSarif };

export interface LintCommand {
  files: string[];
  format: string;
  config?: string;
  locale: Locale;
  fix: boolean;
  quiet: boolean;
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

/** Runs `mailproof lint`; returns the exit code. */
export function runLint(cmd: LintCommand, io: Io): number {
  const { locale } = cmd;
  let exit = 0;
  const failWith = (msg: string) => {
    io.err(`mailproof: ${msg}\n`);
    exit = 2;
  };
  const configs = new Map<string, MailproofConfig | null>();
  const loadConfig = (path: string): MailproofConfig | null => {
    const cached = configs.get(path);
    if (cached !== undefined) return cached;
    let loaded: MailproofConfig | null = null;
    try {
      // Editors save JSON with a byte order mark; JSON.parse does not accept one.
      const raw = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
      const { config, problems } = validateConfig(raw, rules);
      // A mistake fails the run (exit 2), so that a typo cannot pass CI; files are still linted
      // with the valid part.
      for (const p of problems) failWith(cliText(locale, 'configProblem', { file: path, problem: translate(locale, p.key, p.params) }));
      loaded = config;
    } catch (e) {
      failWith(cliText(locale, e instanceof SyntaxError ? 'configInvalidJson' : 'unreadable', { file: path, reason: (e as Error).message }));
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
  const filter = new FileFilter();
  const minSeverity: Severity = cmd.quiet ? 'error' : cmd.minSeverity ?? 'info';
  const fixTypes = cmd.fixTypes ?? new Set<FixType>(['fix']);
  const results: FileResult[] = [];
  const diffs: string[] = [];
  let warnings = 0;
  for (const path of files) {
    const draft = readDraft(path, cmd.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    if ('reason' in draft) {
      failWith(failureText(draft, locale));
      continue;
    }
    let config: MailproofConfig | undefined;
    let configFile: string | undefined;
    if (explicit) {
      config = explicit;
      configFile = cmd.config;
    } else {
      configFile = findConfig(path, lookup);
      config = configFile ? loadConfig(configFile) ?? undefined : undefined;
    }
    // Ignored files and web pages are left alone, as the editor does; say why on stderr.
    const decision = filter.decide(path, draft.text, configFile ? { file: configFile, ignore: config?.ignore, alwaysLint: config?.alwaysLint } : undefined);
    if (!decision.lint) {
      if (decision.key !== 'detect.ignored') io.err(`mailproof: ${cliText(locale, 'skipped', { file: path, reason: explainDecision(decision, locale) })}\n`);
      continue;
    }
    let run = lint(draft.text, { fileName: path, config, locale, resources: fileResources });
    if (cmd.fix || cmd.fixDryRun) {
      const fixed = fixAllText(draft.text, run, (t) => lint(t, { fileName: path, config, locale, resources: fileResources }), fixTypes);
      if (fixed.fixed > 0) {
        // A unified diff from the `---` line on (the patch library's `Index:` banner is dropped).
        if (cmd.fixDryRun) diffs.push(createTwoFilesPatch(path, path, draft.text, fixed.text, undefined, undefined, { context: 3 }).replace(/^(?:Index:[^\n]*\n)?=+\n/, ''));
        // The report and the exit code describe the text as fixed (or as it would be).
        if (cmd.fixDryRun || writeFixed(draft, fixed.text, fixed.fixed, locale, io, cmd.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES)) run = fixed.run;
      }
    }
    warnings += run.findings.filter((f) => f.severity === 'warning').length;
    const findings = run.findings.filter((f) => RANK[f.severity] >= RANK[minSeverity]);
    const hidden = { error: 0, warning: 0, info: 0 };
    for (const f of run.findings) if (RANK[f.severity] < RANK[minSeverity]) hidden[f.severity]++;
    if (findings.some((f) => f.severity === 'error') && exit === 0) exit = 1;
    results.push({ file: path, kind: run.kind, score: run.score, findings, lines: run.lines, ...(minSeverity !== 'info' ? { hidden, minSeverity } : {}) });
  }
  if (cmd.maxWarnings !== undefined && warnings > cmd.maxWarnings) {
    io.err(`mailproof: ${cliText(locale, 'tooManyWarnings', { warnings: counted(locale, 'warnings', warnings), max: cmd.maxWarnings })}\n`);
    if (exit === 0) exit = 1;
  }
  if (cmd.fixDryRun) io.out(diffs.join(''));
  else if (results.length || cmd.format !== 'text') io.out(FORMATTERS[cmd.format](results, locale));
  return exit;
}

// Writes the fixed text back, atomically and only over the bytes that were linted; false when
// the file cannot be rewritten without losing bytes or changed meanwhile.
function writeFixed(draft: DraftFile, text: string, total: number, locale: Locale, io: Io, maxBytes: number): boolean {
  if (!draft.lossless) {
    io.err(`mailproof: ${cliText(locale, 'fixSkippedEncoding', { file: draft.path })}\n`);
    return false;
  }
  if (!writeDraftAtomically(draft, text, maxBytes)) {
    io.err(`mailproof: ${cliText(locale, 'fixSkippedChanged', { file: draft.path })}\n`);
    return false;
  }
  io.err(`${cliText(locale, 'fixed', { file: draft.path, fixes: counted(locale, 'fixes', total) })}\n`);
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
