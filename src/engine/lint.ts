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
  /** Findings kept per rule; the rest become one summary finding. `MAX_FINDINGS_PER_RULE` by default. */
  maxFindingsPerRule?: number;
  /** False skips the spam model (training reads features itself). */
  score?: boolean;
  /**
   * The model of this very text and kind, built beforehand by `buildModel` (the grammar
   * checkers need one before the lint): used instead of parsing the text again.
   */
  model?: DraftModel;
}

/**
 * Findings each rule reports per file before the rest are summed up in one information finding
 * (cspell caps a document at 100 problems, `maxNumberOfProblems`). 300 KB of `€` would otherwise
 * give 33,000 findings: megabytes of JSON and SARIF, and a Problems panel nobody can read.
 */
export const MAX_FINDINGS_PER_RULE = 100;

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
  if (leadingHeaderFields(head) >= 2 && /^(from|subject|mime-version|received|return-path|date|to|message-id):/im.test(head)) return 'eml';
  if (/<(!doctype|html|body|table|div|p|br|a|img|mjml)\b/i.test(head)) return 'html';
  return 'text';
}

// How many `name: value` fields (with their folded continuation lines, each ended by a line
// break) open the text. A scan by index: the regular expression it replaces let `[^\n]*` and
// `\r?` share the CR of every CRLF line, which made it exponential.
function leadingHeaderFields(head: string): number {
  let count = 0;
  let pos = 0;
  for (;;) {
    let i = pos;
    while (i < head.length && isFieldNameChar(head.charCodeAt(i))) i++;
    if (i === pos || head[i] !== ':') return count;
    let nl = head.indexOf('\n', i);
    if (nl < 0) return count;
    count++;
    pos = nl + 1;
    while (head[pos] === ' ' || head[pos] === '\t') {
      nl = head.indexOf('\n', pos);
      if (nl < 0) return count;
      pos = nl + 1;
    }
  }
}

// `[\w-]`: ASCII letters, digits, `_` and `-`.
function isFieldNameChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
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
  const given = options.model;
  const model = given && given.source === text && given.kind === kind ? given : buildModel(text, kind);
  const lines = new LineIndex(text);
  const settings = sharedSettings(config);
  const mailTypeSource = model.declaredMailType ? 'declared' : config.mailType ? 'config' : 'detected';
  const mailType = model.declaredMailType ?? config.mailType ?? detectMailType(model);
  const t = (key: string, params?: MessageParams) => translate(locale, key, params);
  const findings: Finding[] = [];
  const suppressions = parseDirectives(model, lines);
  const cap = options.maxFindingsPerRule ?? MAX_FINDINGS_PER_RULE;
  const summaries: Finding[] = [];
  const ran: Rule[] = [];

  // One settings object and one message function for every rule of the run; one small context
  // object per rule, of a class (an object literal with a getter takes V8's slow path each time).
  const ruleSettings = { ...settings, mailType: mailType === 'personal' ? ('transactional' as const) : mailType };
  const shared: RunShared = { model, settings: ruleSettings, locale, fileName: options.fileName, resources: options.resources, speller: options.speller, grammar: options.grammar, t, findings, suppressions, cap, length: text.length };
  for (const rule of rules) {
    if (rule.kinds && !rule.kinds.includes(kind)) continue;
    if (rule.bulkOnly && mailType !== 'bulk') continue;
    const { severity, options: ruleOptions } = resolveRule(rule as Rule, config);
    if (severity === 'off') continue;
    ran.push(rule as Rule);
    const ctx = new RuleRun(shared, rule.id, severity, ruleOptions);
    (rule.check as (c: RuleContext<Record<string, unknown>>) => void)(ctx);
    if (ctx.more) {
      const params = { count: ctx.reported - cap, rule: rule.id, max: cap };
      summaries.push({ ruleId: rule.id, severity: 'info', message: t('lint.moreFindings', params), start: ctx.more.start, end: ctx.more.end, data: { moreFindings: ctx.reported - cap } });
    }
  }

  // The score counts the findings themselves, not the summaries of those left out.
  const order = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId);
  findings.sort(order);
  const kept = summaries.length ? findings.concat(summaries).sort(order) : findings;
  const verdict = options.score === false ? undefined : verdictOf(model, findings, ran);
  return {
    kind,
    findings: kept,
    score: verdict?.score ?? 0,
    spamProbability: verdict?.spamProbability ?? 0,
    likelySpam: verdict?.likelySpam ?? false,
    scoreBreakdown: verdict?.contributors ?? [],
    mailType,
    mailTypeSource,
    bulkRequirements: mailType === 'bulk' ? bulkRequirements(findings, ran.filter((r) => !r.kinds || r.kinds.includes(kind))) : undefined,
    language: model.language,
    model,
    lines,
  };
}

// What every rule of one lint run shares.
interface RunShared {
  model: DraftModel;
  settings: RuleContext['settings'];
  locale: Locale;
  fileName?: string;
  resources?: Resources;
  speller?: Speller;
  grammar?: GrammarResults;
  t: (key: string, params?: MessageParams) => string;
  findings: Finding[];
  suppressions: ReturnType<typeof parseDirectives>;
  cap: number;
  length: number;
}

// The context one rule checks the draft with: its findings go to the run's list, up to the cap,
// and the rest are counted for the summary.
class RuleRun implements RuleContext<Record<string, unknown>> {
  readonly model: DraftModel;
  readonly settings: RuleContext['settings'];
  readonly locale: Locale;
  readonly fileName?: string;
  readonly resources?: Resources;
  readonly speller?: Speller;
  readonly grammar?: GrammarResults;
  readonly t: (key: string, params?: MessageParams) => string;
  reported = 0;
  more: Finding | undefined = undefined;

  constructor(
    private readonly run: RunShared,
    private readonly ruleId: string,
    private readonly severity: Finding['severity'],
    readonly options: Record<string, unknown>,
  ) {
    this.model = run.model;
    this.settings = run.settings;
    this.locale = run.locale;
    this.fileName = run.fileName;
    this.resources = run.resources;
    this.speller = run.speller;
    this.grammar = run.grammar;
    this.t = run.t;
  }

  report(r: Report): void {
    const run = this.run;
    if (this.more !== undefined) {
      // Past the cap, with the first finding beyond it kept: what is left is only counted.
      if (!run.suppressions.isSuppressed(this.ruleId, Math.max(0, Math.min(r.start, run.length)))) this.reported++;
      return;
    }
    const f = toFinding(this.ruleId, r.severity ?? this.severity, r, run.length);
    if (run.suppressions.isSuppressed(f.ruleId, f.start)) return;
    if (this.reported++ < run.cap) run.findings.push(f);
    else this.more ??= f;
  }

  get full(): boolean {
    return this.reported >= this.run.cap;
  }
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
