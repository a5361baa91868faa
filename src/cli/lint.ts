import { readFileSync, writeFileSync } from 'node:fs';
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
      const raw = JSON.parse(readFileSync(path, 'utf8'));
      const { config, problems } = validateConfig(raw, rules);
      for (const p of problems) io.err(`mailproof: ${cliText(locale, 'configProblem', { file: path, problem: translate(locale, p.key, p.params) })}\n`);
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
    const draft = readDraft(path);
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
      const fixed = fixFile(draft, run, config, locale, io);
      if (fixed) {
        text = fixed.text;
        run = fixed.run;
      }
    }
    const findings = cmd.quiet ? run.findings.filter((f) => f.severity === 'error') : run.findings;
    if (findings.some((f) => f.severity === 'error') && exit === 0) exit = 1;
    const { spamProbability, likelySpam, scoreBreakdown, mailType, mailTypeSource, bulkRequirements } = run;
    results.push({ file: path, kind: run.kind, score: run.score, findings, lines: run.lines, verdict: { spamProbability, likelySpam, scoreBreakdown, mailType, mailTypeSource, bulkRequirements } });
    const fail = cmd.failOnScore;
    if (fail !== undefined && (fail === 'likelySpam' ? run.likelySpam : run.score >= fail) && exit === 0) exit = 1;
  }
  if (results.length || cmd.format !== 'text') io.out(FORMATTERS[cmd.format](results, locale));
  return exit;
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
