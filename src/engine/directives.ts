import type { DraftModel } from './model';
import type { LineIndex } from './position';
import { fileCommentInsert, headerInsert, type PlacementTarget } from './placement';
import type { Fix } from './types';
import type { MessageParams } from './i18n';

/**
 * Inline directives:
 *   <!-- mailproof-disable rule-a, rule-b -->   … <!-- mailproof-enable rule-a -->
 *   <!-- mailproof-disable-next-line rule -->   <!-- mailproof-disable-line rule -->
 * and, for `.eml` drafts, the header `X-Mailproof-Disable: rule-a, rule-b` (front matter
 * `mailproof-disable:` in HTML/text drafts). Without rule ids they apply to every rule.
 */
const DIRECTIVE_RE = /<!--\s*mailproof-(disable-next-line|disable-line|disable|enable)\b/g;
const ALL = '*';

/** Answers whether a finding is switched off by a directive. */
export interface Suppressions {
  isSuppressed(ruleId: string, offset: number): boolean;
}

function ruleList(text: string): string[] {
  const ids = text.split(/[\s,]+/).filter((s) => /^[a-z][a-z0-9-]*$/.test(s));
  return ids.length ? ids : [ALL];
}

/** Collects the directives of a draft. */
export function parseDirectives(model: DraftModel, lines: LineIndex): Suppressions {
  const source = model.source;
  const fileWide = new Set<string>();
  for (const h of model.headers) if (h.key === 'x-mailproof-disable' || h.key === 'mailproof-disable') for (const id of ruleList(h.value)) fileWide.add(id);
  const lineRules = new Map<number, Set<string>>();
  const ranges: Array<{ rule: string; from: number; to: number }> = [];
  if (model.mentionsMailproof !== false && source.includes('mailproof-')) {
    const open = new Map<string, number>();
    DIRECTIVE_RE.lastIndex = 0;
    // The rule list runs to the comment's `-->`, which must be the first `>` after the keyword.
    // The next `>` is looked up once for all the directives before it: searching it again from
    // each one made a run of unclosed directives quadratic.
    let gt = -1;
    for (let m = DIRECTIVE_RE.exec(source); m; m = DIRECTIVE_RE.exec(source)) {
      const after = m.index + m[0].length;
      if (gt < after) gt = source.indexOf('>', after);
      if (gt < 0) break;
      if (gt < after + 2 || source[gt - 1] !== '-' || source[gt - 2] !== '-') continue;
      const ids = ruleList(source.slice(after, gt - 2));
      const kind = m[1];
      const end = gt + 1;
      DIRECTIVE_RE.lastIndex = end;
      if (kind === 'disable-next-line' || kind === 'disable-line') {
        const line = lines.positionAt(end).line + (kind === 'disable-next-line' ? 1 : 0);
        let set = lineRules.get(line);
        if (!set) lineRules.set(line, (set = new Set()));
        for (const id of ids) set.add(id);
      } else if (kind === 'disable') {
        for (const id of ids) if (!open.has(id)) open.set(id, end);
      } else {
        for (const id of ids) {
          if (id === ALL) {
            for (const [rule, from] of open) ranges.push({ rule, from, to: m.index });
            open.clear();
          } else if (open.has(id)) {
            ranges.push({ rule: id, from: open.get(id)!, to: m.index });
            open.delete(id);
          }
        }
      }
    }
    for (const [rule, from] of open) ranges.push({ rule, from, to: source.length + 1 });
  }
  if (fileWide.size === 0 && lineRules.size === 0 && ranges.length === 0) return { isSuppressed: () => false };
  const byRule = disjointRanges(ranges);
  return {
    isSuppressed(ruleId, offset) {
      if (fileWide.has(ALL) || fileWide.has(ruleId)) return true;
      if (lineRules.size) {
        const set = lineRules.get(lines.positionAt(offset).line);
        if (set && (set.has(ALL) || set.has(ruleId))) return true;
      }
      return inRanges(byRule.get(ALL), offset) || inRanges(byRule.get(ruleId), offset);
    },
  };
}

// Disabled ranges per rule, sorted and merged, so that each finding is one binary search
// (a scan of every range made thousands of directives times thousands of findings quadratic).
function disjointRanges(ranges: Array<{ rule: string; from: number; to: number }>): Map<string, number[]> {
  const grouped = new Map<string, Array<[number, number]>>();
  for (const r of ranges) {
    let list = grouped.get(r.rule);
    if (!list) grouped.set(r.rule, (list = []));
    list.push([r.from, r.to]);
  }
  const out = new Map<string, number[]>();
  for (const [rule, list] of grouped) {
    list.sort((a, b) => a[0] - b[0]);
    const flat: number[] = [];
    for (const [from, to] of list) {
      if (flat.length && from <= flat[flat.length - 1]) flat[flat.length - 1] = Math.max(flat[flat.length - 1], to);
      else flat.push(from, to);
    }
    out.set(rule, flat);
  }
  return out;
}

// Whether `offset` lies in one of the half-open ranges `[flat[2k], flat[2k + 1])`.
function inRanges(flat: number[] | undefined, offset: number): boolean {
  if (!flat) return false;
  let lo = 0;
  let hi = flat.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < flat[2 * mid]) hi = mid - 1;
    else if (offset >= flat[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

type Translate = (key: string, params?: MessageParams) => string;

/**
 * "Disable for this line" and "Disable for this file" fixes for a finding. In `.eml` drafts a
 * comment could show in a text part, so only the header form is offered there.
 */
export function disableFixes(model: PlacementTarget & Pick<DraftModel, 'kind'>, lines: Pick<LineIndex, 'positionAt' | 'lineStart' | 'lineEnd'>, ruleId: string, offset: number, t: Translate): Fix[] {
  const fixes: Fix[] = [];
  const source = model.source;
  if (model.kind === 'eml') {
    const existing = model.headers.find((h) => h.key === 'x-mailproof-disable');
    const edit = existing
      ? { start: existing.valueEnd, end: existing.valueEnd, newText: `${existing.value.trim() ? ', ' : ''}${ruleId}` }
      : headerInsert(model, `X-Mailproof-Disable: ${ruleId}`);
    fixes.push({ title: t('fix.disableFile', { rule: ruleId }), edits: [edit] });
    return fixes;
  }
  const line = lines.positionAt(offset).line;
  const lineStart = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(source.slice(lineStart, lines.lineEnd(line)))![0];
  if (lineStart >= model.preambleEnd) {
    fixes.push({
      title: t('fix.disableLine', { rule: ruleId }),
      edits: [{ start: lineStart, end: lineStart, newText: `${indent}<!-- mailproof-disable-next-line ${ruleId} -->${model.eol}` }],
    });
  }
  fixes.push({ title: t('fix.disableFile', { rule: ruleId }), edits: [fileCommentInsert(model, `<!-- mailproof-disable ${ruleId} -->`)] });
  return fixes;
}
