import { applyEdits } from '../src/engine/fix';
import { lint, type LintOptions } from '../src/engine/lint';
import type { Finding } from '../src/engine/types';

/** Lints a string and returns the findings of one rule (all rules run, as in real use). */
export function findings(text: string, ruleId: string, options: LintOptions = {}): Finding[] {
  return lint(text, { kind: 'html', ...options }).findings.filter((f) => f.ruleId === ruleId);
}

/** The source text a finding points at. */
export function at(text: string, f: Finding): string {
  return text.slice(f.start, f.end);
}

/**
 * The text after applying the edit at `index` of a finding's fix followed by its suggestions
 * (by default its fix, else its first suggestion).
 */
export function fixed(text: string, f: Finding, index = 0): string {
  const fix = [...(f.fixes ?? []), ...(f.suggestions ?? [])][index];
  if (!fix) throw new Error(`finding ${f.ruleId} "${at(text, f)}" has no such fix`);
  return applyEdits(text, fix.edits);
}

/** The titles of a finding's fix and suggestions, marked `fix:` and `suggestion:`. */
export function offers(f: Finding): string[] {
  return [...(f.fixes ?? []).map((x) => `fix: ${x.title}`), ...(f.suggestions ?? []).map((x) => `suggestion: ${x.title}`)];
}
