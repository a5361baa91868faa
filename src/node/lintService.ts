import { fixAllText } from '../engine/fix';
import { lint, type LintOptions, type LintRun } from '../engine/lint';
import { snapshotOf } from '../engine/snapshot';
import type { Speller } from '../engine/spelling/speller';
import type { GrammarResults } from '../engine/grammar/paragraphs';
import { fileResources } from './fileResources';
import type { FileLintResult, LintRequest, LintResponse } from './lintProtocol';

/** The engine's options for a {@link LintRequest}, with the speller and grammar results it asks for. */
export function lintOptions(request: LintRequest, speller?: Speller, grammar?: GrammarResults): LintOptions {
  const { localFiles, spelling, grammar: checkGrammar, ...rest } = request.options;
  return {
    ...rest,
    resources: localFiles ? fileResources : undefined,
    speller: spelling ? speller : undefined,
    grammar: checkGrammar ? grammar : undefined,
  };
}

/**
 * Answers a {@link LintRequest} in this thread: what the lint worker runs, and the plain path it
 * is compared with. `speller` checks spelling and `grammar` holds the grammar results when the
 * request asks for them; `first`, when given, is the lint of the request's text with those
 * options, already run.
 */
export function serveLint(request: LintRequest, speller?: Speller, grammar?: GrammarResults, first?: LintRun): LintResponse {
  return serveWith(request, snapshotOf, speller, grammar, first);
}

/** {@link serveLint} keeping `keep(run)` of the lint that answers (the CLI keeps only what it prints). */
export function serveWith<S>(request: LintRequest, keep: (run: LintRun) => S, speller?: Speller, grammar?: GrammarResults, first?: LintRun): { snapshot: S; fixed?: LintResponse['fixed'] } {
  const options = lintOptions(request, speller, grammar);
  first ??= lint(request.text, options);
  if (!request.fix) return { snapshot: keep(first) };
  const types = request.fix.types ? new Set(request.fix.types) : undefined;
  const { text, run, fixed } = fixAllText(request.text, first, (t) => lint(t, options), types);
  if (fixed === 0) return { snapshot: keep(first), fixed: { count: 0 } };
  if (!request.fix.write) return { snapshot: keep(first), fixed: { count: fixed } };
  return { snapshot: keep(run), fixed: { count: fixed, text } };
}

/** What the CLI prints of a lint run: the result without the model, its line index or the language. */
export function printedResult(run: LintRun): FileLintResult {
  const { model: _model, lines: _lines, language: _language, ...result } = run;
  return result;
}
