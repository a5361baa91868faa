/** Severity of a finding, as users configure it. */
export type Severity = 'error' | 'warning' | 'info';

/** A severity setting: a severity, or `off` to disable the rule. */
export type SeveritySetting = Severity | 'off';

/** The kinds of draft the engine reads. */
export type DraftKind = 'html' | 'text' | 'eml';

/** Languages of the messages (and of the lexicons). */
export type Locale = 'en' | 'fr';

/** One exact text replacement on the draft's source, in UTF-16 offsets, half-open `[start, end)`. */
export interface Edit {
  start: number;
  end: number;
  newText: string;
}

/**
 * A fix: one or more edits applied together. A finding's fix (`Finding.fixes`) keeps the
 * meaning and is right in every context, so "fix all", fix on save and `--fix` apply it.
 */
export interface Fix {
  /** Localized title, shown as the code action's label. */
  title: string;
  edits: Edit[];
  /** Set on a finding's fix (the one "fix all" and `--fix` apply); never on a suggestion. */
  preferred?: boolean;
}

/**
 * A suggestion: edits that rewrite the writer's words or guess their intent (an alternative
 * phrase, sentence case, `alt` text, `https`). Offered one at a time, never applied in bulk;
 * the CLI applies them only with `--fix-type suggestion`.
 */
export interface Suggestion {
  /** Localized title, shown as the code action's label. */
  title: string;
  edits: Edit[];
}

/** A secondary location that explains a finding (for example the other emoji of a run). */
export interface RelatedLocation {
  start: number;
  end: number;
  message: string;
}

/** One problem found in a draft. Offsets are UTF-16 offsets into the source text. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** At most one fix, always safe (see {@link Fix}). */
  fixes?: Fix[];
  /** Any number of suggestions, best first (see {@link Suggestion}). */
  suggestions?: Suggestion[];
  related?: RelatedLocation[];
  /** Machine-readable details for hovers and formatters (e.g. the matched phrase). */
  data?: Record<string, string | number>;
}

/** The result of linting one draft. */
export interface LintResult {
  kind: DraftKind;
  findings: Finding[];
  /** SpamAssassin-like spam score: the sum of rule weights, 5 or more means likely spam. */
  score: number;
  /** Each rule's share of the score, largest first. */
  scoreBreakdown: Array<{ ruleId: string; points: number; count: number }>;
  /** The language the draft seems to be written in. */
  language: Locale;
}
