import { fixAllText } from '../engine/fix';
import { lint, type LintOptions } from '../engine/lint';
import { snapshotOf } from '../engine/snapshot';
import { fileResources } from './fileResources';
import type { LintRequest, LintResponse } from './lintProtocol';

/** Answers a {@link LintRequest} in this thread: what the lint worker runs, and the plain path it is compared with. */
export function serveLint(request: LintRequest): LintResponse {
  const { localFiles, ...rest } = request.options;
  const options: LintOptions = { ...rest, resources: localFiles ? fileResources : undefined };
  const first = lint(request.text, options);
  if (!request.fix) return { snapshot: snapshotOf(first) };
  const types = request.fix.types ? new Set(request.fix.types) : undefined;
  const { text, run, fixed } = fixAllText(request.text, first, (t) => lint(t, options), types);
  if (fixed === 0) return { snapshot: snapshotOf(first), fixed: { count: 0 } };
  if (!request.fix.write) return { snapshot: snapshotOf(first), fixed: { count: fixed } };
  return { snapshot: snapshotOf(run), fixed: { count: fixed, text } };
}
