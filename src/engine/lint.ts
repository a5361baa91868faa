import { mergeConfigs, type MailproofConfig, resolveRule, sharedSettings } from './config';
import { parseDirectives } from './directives';
import { type MessageParams, translate } from './i18n';
import { buildModel } from './parse/index';
import type { DraftModel } from './model';
import { LineIndex } from './position';
import type { Resources } from './resources';
import type { Speller } from './spelling/speller';
import type { GrammarResults } from './grammar/paragraphs';
import type { Report, Rule, RuleContext } from './rule';
import { rules as registry } from './rules/index';
import { detectMailType } from './mail/type';
import { bulkRequirements, verdictOf } from './score/verdict';
import type { DraftKind, Finding, Fix, LintResult, Locale, Suggestion } from './types';

/** Options of a lint run. */
export interface LintOptions {
  /** The draft's kind; guessed from `fileName` and the content when omitted. */
  kind?: DraftKind;
  fileName?: string;
  config?: MailproofConfig;
  /** Language of the messages. */
  locale?: Locale;
  /** The rules to run; the full registry by default. */
  rules?: readonly Rule[];
  /**
   * Access to local files referenced by the draft (image sizes), resolved relative to
   * `fileName`. The CLI passes one backed by the file system; without it, rules that need
   * files (image-size) check only what the draft itself holds (`data:` URIs).
   */
  resources?: Resources;
  /**
   * A spell checker with its dictionaries loaded (Node: `loadSpeller` in `src/spelling/`).
   * Without one, the `spelling` rule reports nothing.
   */
  speller?: Speller;
  /**
   * Grammar issues per paragraph, computed by the host beforehand from `grammarParagraphs`
   * (Grammalecte, LanguageTool). Without them, the `grammar` rule reports nothing.
   */
  grammar?: GrammarResults;
  /** False skips the spam model (training reads features itself). */
  score?: boolean;
}

const HTML_EXT = /\.(html?|xhtml|mjml|hbs|handlebars|liquid|njk|twig|mustache|ejs)$/i;
const TEXT_EXT = /\.(txt|text|md|markdown)$/i;
const EML_EXT = /\.(eml|msg|mbox)$/i;

/** Guesses a draft's kind from its file name, else from its first bytes. */
export function detectKind(fileName: string | undefined, text: string): DraftKind {
  if (fileName) {
    if (EML_EXT.test(fileName)) return 'eml';
    if (HTML_EXT.test(fileName)) return 'html';
    if (TEXT_EXT.test(fileName)) return 'text';
  }
  const head = text.slice(0, 2000);
  if (/^(?:[\w-]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*){2,}/.test(head) && /^(from|subject|mime-version|received|return-path|date|to|message-id):/im.test(head)) return 'eml';
  if (/<(!doctype|html|body|table|div|p|br|a|img|mjml)\b/i.test(head)) return 'html';
  return 'text';
}

/** Everything a lint run produced, plus the parse, for adapters that need more (fix-all, disable fixes). */
export interface LintRun extends LintResult {
  model: DraftModel;
  lines: LineIndex;
}

/**
 * Lints a draft: parses it once, runs every enabled rule over the model, drops findings
 * switched off by inline directives and computes the spam score.
 */
export function lint(text: string, options: LintOptions = {}): LintRun {
  const kind = options.kind ?? detectKind(options.fileName, text);
  const locale = options.locale ?? 'en';
  const rules = options.rules ?? registry;
  const config = mergeConfigs(options.config);
  const model = buildModel(text, kind);
  const lines = new LineIndex(text);
  const settings = sharedSettings(config);
  const mailTypeSource = model.declaredMailType ? 'declared' : config.mailType ? 'config' : 'detected';
  const mailType = model.declaredMailType ?? config.mailType ?? detectMailType(model);
  const t = (key: string, params?: MessageParams) => translate(locale, key, params);
  const findings: Finding[] = [];
  const ran: Rule[] = [];

  for (const rule of rules) {
    if (rule.kinds && !rule.kinds.includes(kind)) continue;
    if (rule.bulkOnly && mailType !== 'bulk') continue;
    const { severity, options: ruleOptions } = resolveRule(rule as Rule, config);
    if (severity === 'off') continue;
    ran.push(rule as Rule);
    const ctx: RuleContext<Record<string, unknown>> = {
      model,
      options: ruleOptions,
      settings: { ...settings, mailType: mailType === 'personal' ? 'transactional' : mailType },
      locale,
      fileName: options.fileName,
      resources: options.resources,
      speller: options.speller,
      grammar: options.grammar,
      t,
      report(r: Report) {
        findings.push(toFinding(rule.id, r.severity ?? severity, r, text.length));
      },
    };
    (rule.check as (c: typeof ctx) => void)(ctx);
  }

  const suppressions = parseDirectives(model, lines);
  const kept = findings.filter((f) => !suppressions.isSuppressed(f.ruleId, f.start));
  kept.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  const verdict = options.score === false ? undefined : verdictOf(model, kept, ran);
  return {
    kind,
    findings: kept,
    score: verdict?.score ?? 0,
    spamProbability: verdict?.spamProbability ?? 0,
    likelySpam: verdict?.likelySpam ?? false,
    scoreBreakdown: verdict?.contributors ?? [],
    mailType,
    mailTypeSource,
    bulkRequirements: mailType === 'bulk' ? bulkRequirements(kept, ran.filter((r) => !r.kinds || r.kinds.includes(kind))) : undefined,
    language: model.language,
    model,
    lines,
  };
}

function toFinding(ruleId: string, severity: Finding['severity'], r: Report, length: number): Finding {
  const start = Math.max(0, Math.min(r.start, length));
  const end = Math.max(start, Math.min(r.end, length));
  const f: Finding = { ruleId, severity, message: r.message, start, end };
  // At most one fix, the first one flagged preferred; the other fixes become suggestions.
  let fix: Fix | undefined;
  const suggestions: Suggestion[] = [];
  for (const x of r.fixes ?? []) {
    if (!x) continue;
    if (x.preferred && !fix) fix = x;
    else suggestions.push({ title: x.title, edits: x.edits });
  }
  for (const x of r.suggestions ?? []) if (x) suggestions.push({ title: x.title, edits: x.edits });
  if (fix) f.fixes = [fix];
  if (suggestions.length) f.suggestions = suggestions;
  if (r.related?.length) f.related = r.related;
  if (r.data) f.data = r.data;
  return f;
}
