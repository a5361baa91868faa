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

/** One feature's share of the spam score (see docs/score.md). */
export interface ScoreContributor {
  /** A word or word pair of the text (`s:` prefix: of the subject), a rule, or a structural measure. */
  kind: 'word' | 'rule' | 'structure';
  /** The folded token, the rule id or the measure's name. */
  id: string;
  /** Share of the score in log-odds units: positive raises it, negative lowers it. */
  points: number;
  /** Rules: the rule id (as before the learned model) and how many findings it had. */
  ruleId?: string;
  count?: number;
  /** Words: where they are in the source, UTF-16 offsets (the first few places). */
  ranges?: Array<{ start: number; end: number }>;
}

/** One item of the bulk-mail requirements checklist, checked by a bulk rule. */
export interface BulkRequirement {
  id: 'unsubscribe-link' | 'one-click-unsubscribe' | 'postal-address';
  ruleId: string;
  /** `unchecked`: the rule is off, or does not apply to this kind of draft. */
  state: 'met' | 'unmet' | 'unchecked';
}

/** The result of linting one draft. */
export interface LintResult {
  kind: DraftKind;
  findings: Finding[];
  /** The spam score, 0–10 (higher is worse, 5 and more: likely spam), monotone in `spamProbability`. */
  score: number;
  /** The model's probability that the draft is spam, assuming spam and legitimate mail equally likely. */
  spamProbability: number;
  /** True when the probability passes the threshold that at most 1% of legitimate training mail reaches. */
  likelySpam: boolean;
  /** What raises and lowers the score, largest first. */
  scoreBreakdown: ScoreContributor[];
  /** Bulk mail, transactional mail or personal mail, and whether it was detected or declared. */
  mailType: 'bulk' | 'transactional' | 'personal';
  mailTypeSource: 'detected' | 'declared' | 'config';
  /** The bulk-mail requirements (unsubscribe, one-click unsubscribe, postal address); bulk mail only. */
  bulkRequirements?: BulkRequirement[];
  /** The language the draft seems to be written in. */
  language: Locale;
}
