import type { LineIndex } from '../../engine/position';
import type { DraftKind, Finding, LintResult, Locale } from '../../engine/types';

/** One linted file, as formatters see it. */
export interface FileResult {
  /** Path as given on the command line. */
  file: string;
  kind: DraftKind;
  score: number;
  findings: Finding[];
  /** Positions in the linted text (a lint worker sends its line starts, not the text). */
  lines: Lines;
  /** The spam verdict and its explanation (see docs/score.md). */
  verdict: Pick<LintResult, 'spamProbability' | 'likelySpam' | 'scoreBreakdown' | 'mailType' | 'mailTypeSource' | 'bulkRequirements'>;
  /** Findings left out by `--min-severity` or `--quiet`, by severity. */
  hidden?: { error: number; warning: number; info: number };
  /** The lowest severity shown, when findings were left out. */
  minSeverity?: 'warning' | 'error';
}

/** What formatters need of a text's line index. */
export type Lines = Pick<LineIndex, 'positionAt'>;

/** A formatter turns results into the text written to stdout. */
export type Formatter = (results: FileResult[], locale: Locale) => string;

/** 1-based line and column of an offset. */
export function lineCol(lines: Lines, offset: number): { line: number; column: number } {
  const p = lines.positionAt(offset);
  return { line: p.line + 1, column: p.character + 1 };
}
