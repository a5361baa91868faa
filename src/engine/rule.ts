import type { MessageParams } from './i18n';
import type { DraftModel, MailType } from './model';
import type { PhraseInput } from './lexicon/types';
import type { Resources } from './resources';
import type { Speller } from './spelling/speller';
import type { GrammarResults } from './grammar/paragraphs';
import type { DraftKind, Fix, Locale, RelatedLocation, Severity, Suggestion } from './types';

/** Groups rules in docs, settings and the report. */
export type RuleCategory = 'content' | 'html' | 'images' | 'links' | 'bulk' | 'sender' | 'message';

/** A user-tunable option of a rule (a threshold, a list). */
export type OptionSpec =
  | { type: 'integer' | 'number'; default: number; minimum?: number; maximum?: number }
  | { type: 'boolean'; default: boolean }
  | { type: 'string[]'; default: string[] };

type OptionValue<S> = S extends { type: 'integer' | 'number' } ? number : S extends { type: 'boolean' } ? boolean : string[];

/** Option values of a rule, typed from its option specs. */
export type OptionsOf<S extends Record<string, OptionSpec>> = { [K in keyof S]: OptionValue<S[K]> };

/** Settings shared by several rules, resolved from the configuration. */
export interface SharedSettings {
  phrases: { add: PhraseInput[]; ignore: string[] };
  acronyms: string[];
  mailType: MailType;
  /** Sender address from settings, used when the draft has no From. */
  sender?: string;
  /** Correct words the dictionaries lack (brands, names), from `words`. */
  words: string[];
  /** Language of the text for spelling, when forced by the configuration. */
  language?: 'fr' | 'en';
}

/** What a rule reports: a range of the source, a message and optional fixes. */
export interface Report {
  start: number;
  end: number;
  message: string;
  /**
   * The safe fix, flagged `preferred` (at most one is kept). Fixes without the flag are
   * offered as suggestions.
   */
  fixes?: Fix[];
  /** Rewordings and guesses, offered one at a time and never applied in bulk. */
  suggestions?: Array<Suggestion | undefined>;
  related?: RelatedLocation[];
  data?: Record<string, string | number>;
  /** Overrides the configured severity for this finding (e.g. an executable attachment). */
  severity?: Severity;
}

/** What a rule's check receives. */
export interface RuleContext<O = Record<string, never>> {
  readonly model: DraftModel;
  readonly options: O;
  readonly settings: SharedSettings;
  readonly locale: Locale;
  /** The draft's file name as given to `lint`, if any. */
  readonly fileName?: string;
  /** Local files next to the draft, when the host provides them (see `LintOptions.resources`). */
  readonly resources?: Resources;
  /** The host's spell checker, when it loaded one (see `LintOptions.speller`). */
  readonly speller?: Speller;
  /** Grammar results the host computed before the lint (see `LintOptions.grammar`). */
  readonly grammar?: GrammarResults;
  /** The message for `key` in the user's locale. */
  t(key: string, params?: MessageParams): string;
  report(report: Report): void;
  /**
   * True once the rule has reported as many findings as a file keeps (`maxFindingsPerRule`):
   * later reports are only counted for the summary, so a rule with many findings may report
   * just their range and skip building messages and fixes.
   */
  readonly full: boolean;
}

/** A rule: its metadata and its check. */
export interface Rule<S extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  /** Kebab-case id: the file name, the docs slug and the settings key. */
  id: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** Points each warning or error adds to the spam score. */
  weight: number;
  /** True when some of its findings carry a fix (safe, applied by fix-all and `--fix`). */
  fixable: boolean;
  /** True when some of its findings carry suggestions (offered one at a time, never in bulk). */
  hasSuggestions?: boolean;
  /** Draft kinds the rule applies to; all when omitted. */
  kinds?: DraftKind[];
  /** Skipped for transactional mail. */
  bulkOnly?: boolean;
  options?: S;
  check(ctx: RuleContext<OptionsOf<S>>): void;
}

/** Declares a rule; the identity function, here for type inference. */
export function defineRule<S extends Record<string, OptionSpec> = Record<string, never>>(rule: Rule<S>): Rule<S> {
  return rule;
}

/** The docs page of a rule. Derived here only, so every surface links the same page. */
export function docsUrl(ruleId: string, base = DOCS_BASE_URL): string {
  return `${base}/${ruleId}.md`;
}

/** Where rule docs are published. */
export const DOCS_BASE_URL = 'https://github.com/mailproof/mailproof/blob/main/docs/rules';
