import { fixAllText } from '../engine/fix';
import { lint, type LintOptions } from '../engine/lint';
import { snapshotOf } from '../engine/snapshot';
import type { Speller } from '../engine/spelling/speller';
import type { GrammarResults } from '../engine/grammar/paragraphs';
import { fileResources } from './fileResources';
import type { LintRequest, LintResponse } from './lintProtocol';

/**
 * Answers a {@link LintRequest} in this thread: what the lint worker runs, and the plain path it
 * is compared with. `speller` checks spelling and `grammar` holds the grammar results when the
 * request asks for them.
 */
export function serveLint(request: LintRequest, speller?: Speller, grammar?: GrammarResults): LintResponse {
  const { localFiles, spelling, grammar: checkGrammar, ...rest } = request.options;
  const options: LintOptions = {
    ...rest,
    resources: localFiles ? fileResources : undefined,
    speller: spelling ? speller : undefined,
    grammar: checkGrammar ? grammar : undefined,
  };
  const first = lint(request.text, options);
  if (!request.fix) return { snapshot: snapshotOf(first) };
  const types = request.fix.types ? new Set(request.fix.types) : undefined;
  const { text, run, fixed } = fixAllText(request.text, first, (t) => lint(t, options), types);
  if (fixed === 0) return { snapshot: snapshotOf(first), fixed: { count: 0 } };
  if (!request.fix.write) return { snapshot: snapshotOf(first), fixed: { count: fixed } };
  return { snapshot: snapshotOf(run), fixed: { count: fixed, text } };
}
