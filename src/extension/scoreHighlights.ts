import * as vscode from 'vscode';
import { contributorLabel, signedPoints } from '../engine/score/explain';
import type { Linter } from './linter';

// Only contributions this large (log-odds units) are highlighted: smaller ones would paint
// every other word of a newsletter.
const MIN_HIGHLIGHT_POINTS = 0.1;

/**
 * "Mailproof: Show What Raises the Score": highlights, in the active draft, the words whose
 * weight raises the spam score, each with a hover giving its share. The highlights follow the
 * draft as it is re-linted, until the command is run again.
 */
export class ScoreHighlights implements vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.findMatchForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  private readonly shown = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly linter: Linter) {
    this.disposables.push(
      this.decoration,
      vscode.commands.registerCommand('mailproof.showScoreContributors', () => this.toggle()),
      linter.onDidLint((doc) => this.refresh(doc)),
      vscode.window.onDidChangeActiveTextEditor((e) => e && this.refresh(e.document)),
    );
  }

  private toggle(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const key = editor.document.uri.toString();
    if (this.shown.has(key)) this.shown.delete(key);
    else this.shown.add(key);
    this.refresh(editor.document);
  }

  private refresh(doc: vscode.TextDocument): void {
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document === doc);
    if (!editors.length) return;
    const state = this.linter.state(doc);
    const options: vscode.DecorationOptions[] = [];
    if (state && this.shown.has(doc.uri.toString())) {
      for (const c of state.run.scoreBreakdown) {
        if (c.kind !== 'word' || c.points < MIN_HIGHLIGHT_POINTS || !c.ranges) continue;
        const hover = new vscode.MarkdownString();
        hover.appendText(vscode.l10n.t('Raises the spam score: {0} {1}', contributorLabel(c, state.locale), signedPoints(c.points, state.locale)));
        for (const r of c.ranges) options.push({ range: new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end)), hoverMessage: hover });
      }
    }
    for (const e of editors) e.setDecorations(this.decoration, options);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
