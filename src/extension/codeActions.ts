import * as vscode from 'vscode';
import { disableFixes } from '../engine/directives';
import { preferredEdits } from '../engine/fix';
import { translate } from '../engine/i18n';
import type { Edit, Finding, Fix, Suggestion } from '../engine/types';
import type { LineIndex } from '../engine/position';
import type { DraftState, Linter } from './linter';

/** `source.fixAll.mailproof`, for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('mailproof');

/** Quick fixes from the engine's exact edits, plus fix-all, disable comments and docs. */
export class CodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly linter: Linter) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    if (context.only && FIX_ALL_KIND.intersects(context.only) && !vscode.CodeActionKind.QuickFix.contains(context.only)) {
      // Fix-all runs on save, often within the debounce after the last keystroke: it lints
      // the current text rather than finding nothing to do.
      const state = await this.linter.current(doc);
      const all = state && state.version === doc.version ? await this.fixAll(doc, state) : undefined;
      return all ? [all] : [];
    }
    const state = this.linter.state(doc);
    // Edits were computed on an older text: offering them would corrupt the document.
    if (!state || state.version !== doc.version) return [];
    const actions: vscode.CodeAction[] = [];
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return actions;

    const t = (key: string, params?: Record<string, string | number>) => translate(state.locale, key, params);
    // What the disable comments need of the draft, read from the document only when asked.
    let placement: Parameters<typeof disableFixes>[0] | undefined;
    const lines = documentLines(doc);
    // Diagnostics handed back by VS Code are normally the objects the linter created; the key
    // lookup covers any copy, and is built only if one shows up.
    let byKey: Map<string, Finding> | undefined;
    const findingFor = (d: vscode.Diagnostic) =>
      this.linter.findingOf.get(d) ?? (byKey ??= new Map(state.run.findings.map((f) => [findingKey(doc, f), f]))).get(diagnosticKey(d));
    const perRule: vscode.CodeAction[] = [];
    const seenRules = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'mailproof') continue;
      const finding = findingFor(diagnostic);
      if (!finding) continue;
      // The fix first (preferred), then each suggestion, one code action each.
      for (const fix of finding.fixes ?? []) actions.push(this.quickFix(doc, fix, diagnostic));
      for (const suggestion of finding.suggestions ?? []) actions.push(this.quickFix(doc, suggestion, diagnostic));
      if (seenRules.has(finding.ruleId)) continue;
      seenRules.add(finding.ruleId);
      const fixable = state.run.findings.filter((f) => f.ruleId === finding.ruleId && f.fixes?.some((x) => x.preferred));
      if (fixable.length > 1) {
        const { edits } = preferredEdits(fixable);
        const a = new vscode.CodeAction(t('fix.all', { rule: finding.ruleId }), vscode.CodeActionKind.QuickFix);
        a.edit = toWorkspaceEdit(doc, edits);
        a.diagnostics = [diagnostic];
        perRule.push(a);
      }
      placement ??= { ...state.run.facts, source: doc.getText() };
      for (const fix of disableFixes(placement, lines, finding.ruleId, finding.start, t)) {
        const a = this.quickFix(doc, fix, diagnostic);
        a.isPreferred = false;
        perRule.push(a);
      }
      const learn = new vscode.CodeAction(t('fix.learnMore', { rule: finding.ruleId }), vscode.CodeActionKind.QuickFix);
      learn.command = { title: learn.title, command: 'mailproof.openRuleDocs', arguments: [finding.ruleId] };
      learn.diagnostics = [diagnostic];
      perRule.push(learn);
    }
    // Preferred fixes first, then the alternatives, then per-rule actions.
    actions.sort((a, b) => Number(!!b.isPreferred) - Number(!!a.isPreferred));
    return [...actions, ...perRule];
  }

  private quickFix(doc: vscode.TextDocument, fix: Fix | Suggestion, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const a = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    a.edit = toWorkspaceEdit(doc, fix.edits);
    a.diagnostics = [diagnostic];
    a.isPreferred = 'preferred' in fix && !!fix.preferred;
    return a;
  }

  /** Every preferred fix, applied pass after pass, as one minimal edit of the document. */
  private async fixAll(doc: vscode.TextDocument, state: DraftState): Promise<vscode.CodeAction | undefined> {
    const original = doc.getText();
    const text = await this.linter.fixAllText(doc, original, state);
    // The document changed while a worker fixed it: its edit would land on another text.
    if (text === undefined || text === original || doc.version !== state.version) return undefined;
    const a = new vscode.CodeAction(vscode.l10n.t('Fix all Mailproof problems'), FIX_ALL_KIND);
    a.edit = toWorkspaceEdit(doc, [minimalEdit(original, text)]);
    return a;
  }
}

/** One edit covering only what differs between two texts (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string): Edit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  return { start, end: endB, newText: after.slice(start, endA) };
}

function toWorkspaceEdit(doc: vscode.TextDocument, edits: readonly Edit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) we.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  return we;
}

// Line lookups on the document itself, so that no line table of the draft is kept.
function documentLines(doc: vscode.TextDocument): Pick<LineIndex, 'positionAt' | 'lineStart' | 'lineEnd'> {
  return {
    positionAt: (offset) => doc.positionAt(offset),
    lineStart: (line) => doc.offsetAt(new vscode.Position(line, 0)),
    lineEnd: (line) => doc.offsetAt(doc.lineAt(Math.max(0, Math.min(line, doc.lineCount - 1))).range.end),
  };
}

function findingKey(doc: vscode.TextDocument, f: Finding): string {
  const s = doc.positionAt(f.start);
  const e = doc.positionAt(f.end);
  return `${s.line}:${s.character}:${e.line}:${e.character}:${f.ruleId}:${f.message}`;
}

function diagnosticKey(d: vscode.Diagnostic): string {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return `${d.range.start.line}:${d.range.start.character}:${d.range.end.line}:${d.range.end.character}:${code}:${d.message}`;
}
