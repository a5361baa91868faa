import { readFileSync, writeFileSync } from 'node:fs';
import { type MailproofConfig, resolveRule, validateConfig } from '../engine/config';
import { translate } from '../engine/i18n';
import { fixAllText } from '../engine/fix';
import { detectKind, lint } from '../engine/lint';
import { rules } from '../engine/rules/index';
import { spelling } from '../engine/rules/spelling';
import type { Speller } from '../engine/spelling/speller';
import { grammar as grammarRule } from '../engine/rules/grammar';
import { buildModel } from '../engine/parse/index';
import type { GrammarResults } from '../engine/grammar/paragraphs';
import { startGrammalecte } from '../grammar/grammalecte';
import { checkGrammar, type GrammarBackend } from '../grammar/index';
import { languageToolBackend, parseLanguageToolUrl } from '../grammar/languagetool';
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
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/**
 * Loads the Hunspell speller (dist/spelling.js) on the first draft whose configuration keeps
 * the spelling rule on; a draft linted without it gets no spelling findings, and one line on
 * stderr says why.
 */
function spellerLoader(io: Io, locale: Locale): (config: MailproofConfig | undefined) => Promise<Speller | undefined> {
  let loaded: Promise<Speller | undefined> | undefined;
  return (config) => {
    if (resolveRule(spelling, config).severity === 'off') return Promise.resolve(undefined);
    loaded ??= import('../spelling/index').then(
      (m) => m.loadSpeller(),
      (e: unknown) => {
        io.err(`mailproof: ${cliText(locale, 'spellingUnavailable', { reason: (e as Error)?.message ?? String(e) })}\n`);
        return undefined;
      },
    );
    return loaded;
  };
}

/**
 * Grammar checkers for the drafts whose configuration keeps the grammar rule on: Grammalecte
 * when installed, and the LanguageTool server in `MAILPROOF_LANGUAGETOOL_URL` when set.
 * Started once, on the first such draft; `close` ends the Grammalecte process.
 */
function grammarLoader(io: Io, locale: Locale, env: NodeJS.ProcessEnv) {
  let backends: Promise<GrammarBackend[]> | undefined;
  const start = async (): Promise<GrammarBackend[]> => {
    const out: GrammarBackend[] = [];
    const lt = env.MAILPROOF_LANGUAGETOOL_URL;
    if (lt) {
      const parsed = parseLanguageToolUrl(lt);
      if ('url' in parsed) out.push(languageToolBackend(parsed.url));
      else io.err(`mailproof: ${cliText(locale, 'grammarUnavailable', { reason: parsed.error })}\n`);
    }
    const g = await startGrammalecte().catch(() => undefined);
    if (g) out.push(g);
    return out;
  };
  return {
    async resultsFor(text: string, path: string, config: MailproofConfig | undefined): Promise<GrammarResults | undefined> {
      if (resolveRule(grammarRule, config).severity === 'off') return undefined;
      const list = await (backends ??= start());
      if (list.length === 0) return undefined;
      try {
        const model = buildModel(text, detectKind(path, text));
        return await checkGrammar(model, list, config?.language === 'fr' || config?.language === 'en' ? config.language : undefined);
      } catch (e) {
        io.err(`mailproof: ${cliText(locale, 'grammarUnavailable', { reason: (e as Error)?.message ?? String(e) })}\n`);
        return undefined;
      }
    },
    async close() {
      for (const b of backends ? await backends : []) b.close();
    },
  };
}

/** Runs `mailproof lint`; returns the exit code. */
export async function runLint(cmd: LintCommand, io: Io): Promise<number> {
  const spellerFor = spellerLoader(io, cmd.locale);
  const grammar = grammarLoader(io, cmd.locale, process.env);
  try {
    return await lintFiles(cmd, io, spellerFor, grammar);
  } finally {
    await grammar.close();
  }
}

async function lintFiles(cmd: LintCommand, io: Io, spellerFor: ReturnType<typeof spellerLoader>, grammar: ReturnType<typeof grammarLoader>): Promise<number> {
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
    const speller = await spellerFor(config);
    let run = lint(text, { fileName: path, config, locale, resources: fileResources, speller, grammar: await grammar.resultsFor(text, path, config) });
    if (cmd.fix) {
      const fixed = fixFile(draft, run, config, locale, io, speller);
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

function fixFile(draft: DraftFile, first: ReturnType<typeof lint>, config: MailproofConfig | undefined, locale: Locale, io: Io, speller: Speller | undefined) {
  const { text, run, fixed: total } = fixAllText(draft.text, first, (t) => lint(t, { fileName: draft.path, config, locale, resources: fileResources, speller }));
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
