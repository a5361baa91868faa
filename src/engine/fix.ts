import type { Encoder, TextView } from './text/view';
import type { Edit, Finding, Fix, Suggestion } from './types';

/** Something whose source can be edited: a body part or a text view. */
export interface EditTarget {
  editable: boolean;
  encode: Encoder;
}

/** An edit of the source range `[start, end)`, encoded for the target; undefined when the target is read-only. */
export function sourceEdit(target: EditTarget, start: number, end: number, newText: string): Edit | undefined {
  return target.editable ? { start, end, newText: target.encode(newText, start, end) } : undefined;
}

/** An insertion at a source offset. */
export function insertAt(target: EditTarget, offset: number, text: string): Edit | undefined {
  return sourceEdit(target, offset, offset, text);
}

/**
 * Edits replacing the text range `[from, to)` of a view. When the range spans markup
 * (`<b>sans</b> frais`), the first piece of text takes the new text and the others are emptied,
 * so tags stay balanced. Undefined when the view is read-only.
 */
export function textEdit(view: TextView, from: number, to: number, newText: string): Edit[] | undefined {
  if (!view.editable) return undefined;
  const segments = view.segments(from, to);
  if (segments.length === 0) {
    const at = view.sourceRange(from, from).start;
    return [{ start: at, end: at, newText: view.encode(newText, at, at) }];
  }
  return segments.map((s, i) => ({ start: s.start, end: s.end, newText: i === 0 ? view.encode(newText, s.start, s.end) : '' }));
}

/** A fix from edits, dropping the fix when any edit is impossible. */
export function makeFix(title: string, edits: Array<Edit | Edit[] | undefined>, preferred = false): Fix | undefined {
  if (edits.length === 0 || edits.some((e) => e === undefined)) return undefined;
  return { title, edits: (edits as Array<Edit | Edit[]>).flat(), ...(preferred ? { preferred: true } : {}) };
}

/** A suggestion from edits, dropped when any edit is impossible. */
export function makeSuggestion(title: string, edits: Array<Edit | Edit[] | undefined>): Suggestion | undefined {
  if (edits.length === 0 || edits.some((e) => e === undefined)) return undefined;
  return { title, edits: (edits as Array<Edit | Edit[]>).flat() };
}

/** What a bulk fix applies: the safe fixes only (the default), or also each finding's first suggestion. */
export type FixType = 'fix' | 'suggestion';

/** The edits of a finding that a bulk run of the given types applies, if any. */
export function editsToApply(f: Finding, types: ReadonlySet<FixType> = FIX_ONLY): Edit[] | undefined {
  if (types.has('fix')) {
    const fix = f.fixes?.find((x) => x.preferred);
    if (fix) return fix.edits;
  }
  if (types.has('suggestion') && f.suggestions?.length) return f.suggestions[0].edits;
  return undefined;
}

const FIX_ONLY: ReadonlySet<FixType> = new Set(['fix']);

/** Applies edits to a text; overlapping edits after the first are skipped. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) continue;
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/**
 * Picks the fix of each finding (and with `types` containing `suggestion`, the first
 * suggestion of a finding without a fix), skipping any fix that overlaps one already taken
 * (the next lint pass picks it up), and returns the edits to apply.
 */
export function preferredEdits(findings: readonly Finding[], types: ReadonlySet<FixType> = FIX_ONLY): { edits: Edit[]; fixed: number } {
  // Taken edits are kept sorted and never overlap, so an edit is checked against its
  // neighbours only: a draft with thousands of findings stays linear-ish, not quadratic.
  const taken: Edit[] = [];
  let fixed = 0;
  const position = (e: Edit) => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid].start < e.start || (taken[mid].start === e.start && taken[mid].end < e.end)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const clashes = (e: Edit) => {
    const i = position(e);
    for (let k = Math.max(0, i - 1); k <= i + 1 && k < taken.length; k++) if (overlaps(e, taken[k])) return true;
    return false;
  };
  for (const f of findings) {
    const edits = editsToApply(f, types);
    if (!edits) continue;
    if (edits.some(clashes)) continue;
    for (const e of edits) taken.splice(position(e), 0, e);
    fixed++;
  }
  return { edits: taken, fixed };
}

function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

// ESLint applies fixes in up to 10 passes: a fix can make room for another.
export const MAX_FIX_PASSES = 10;

/**
 * Applies the fixes (by default; see {@link FixType}) pass after pass (re-linting in between with `relint`) until none
 * is left or MAX_FIX_PASSES is reached. Returns the fixed text, its last lint and how many
 * fixes were applied.
 */
export function fixAllText<R extends { findings: readonly Finding[] }>(
  text: string,
  first: R,
  relint: (text: string) => R,
  types: ReadonlySet<FixType> = FIX_ONLY,
): { text: string; run: R; fixed: number } {
  let run = first;
  let total = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { edits, fixed } = preferredEdits(run.findings, types);
    if (fixed === 0) break;
    text = applyEdits(text, edits);
    total += fixed;
    run = relint(text);
  }
  return { text, run, fixed: total };
}
