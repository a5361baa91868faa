import { readFileSync } from 'node:fs';
import { type MailproofConfig, validateConfig } from '../engine/config';
import { translate } from '../engine/i18n';
import { fixAllText } from '../engine/fix';
import { lint } from '../engine/lint';
import { rules } from '../engine/rules/index';
import type { Locale } from '../engine/types';
import { DEFAULT_MAX_FILE_BYTES, type DraftFile, expandPaths, findConfig, type ReadFailure, readDraft, writeDraftAtomically } from './files';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';
import type { FileResult, Formatter } from './formatters/types';
import { cliText } from './messages';
import { fileResources } from '../node/fileResources';

export const FORMATTERS: Record<string, Formatter> = { text: formatText, json: formatJson, sarif: formatSarif };

export interface LintCommand {
  files: string[];
  format: string;
  config?: string;
  locale: Locale;
  fix: boolean;
  quiet: boolean;
  /** Bytes read at most per file (`--max-file-size`, in KB on the command line). */
  maxFileBytes?: number;
}

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
  const results: FileResult[] = [];
  for (const path of files) {
    const draft = readDraft(path, cmd.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    if ('reason' in draft) {
      failWith(failureText(draft, locale));
      continue;
    }
    let config: MailproofConfig | undefined;
    if (explicit) config = explicit;
    else {
      const found = findConfig(path, lookup);
      config = found ? loadConfig(found) ?? undefined : undefined;
    }
    let text = draft.text;
    let run = lint(text, { fileName: path, config, locale, resources: fileResources });
    if (cmd.fix) {
      const fixed = fixFile(draft, run, config, locale, io, cmd.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
      if (fixed) {
        text = fixed.text;
        run = fixed.run;
      }
    }
    const findings = cmd.quiet ? run.findings.filter((f) => f.severity === 'error') : run.findings;
    if (findings.some((f) => f.severity === 'error') && exit === 0) exit = 1;
    results.push({ file: path, kind: run.kind, score: run.score, findings, lines: run.lines });
  }
  if (results.length || cmd.format !== 'text') io.out(FORMATTERS[cmd.format](results, locale));
  return exit;
}

function fixFile(draft: DraftFile, first: ReturnType<typeof lint>, config: MailproofConfig | undefined, locale: Locale, io: Io, maxBytes: number) {
  const { text, run, fixed: total } = fixAllText(draft.text, first, (t) => lint(t, { fileName: draft.path, config, locale, resources: fileResources }));
  if (total === 0) return undefined;
  if (!draft.lossless) {
    io.err(`mailproof: ${cliText(locale, 'fixSkippedEncoding', { file: draft.path })}\n`);
    return undefined;
  }
  if (!writeDraftAtomically(draft, text, maxBytes)) {
    io.err(`mailproof: ${cliText(locale, 'fixSkippedChanged', { file: draft.path })}\n`);
    return undefined;
  }
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
