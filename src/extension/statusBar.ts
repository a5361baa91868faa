import * as vscode from 'vscode';
import { formatNumber, translate } from '../engine/i18n';
import { SPAM_THRESHOLD } from '../engine/score';
import type { Linter } from './linter';

/** One status bar item with the active draft's spam score; hidden outside drafts. */
export class ScoreStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mailproof.score', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly linter: Linter) {
    this.item.name = vscode.l10n.t('Mailproof spam score');
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      linter.onDidLint((doc) => {
        if (doc === vscode.window.activeTextEditor?.document) this.update();
      }),
    );
    this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const state = doc && this.linter.state(doc);
    if (!doc || !state) {
      this.item.hide();
      return;
    }
    const { score, scoreBreakdown } = state.run;
    const locale = state.locale;
    this.item.text = `$(mail) ${formatNumber(score, locale)}`;
    const md = new vscode.MarkdownString();
    md.appendText(vscode.l10n.t('Spam score {0} (5 or more: likely spam)', formatNumber(score, locale)));
    if (score >= SPAM_THRESHOLD) md.appendText(`\n\n${vscode.l10n.t('This draft would likely be filtered as spam.')}`);
    if (scoreBreakdown.length) {
      md.appendMarkdown('\n\n');
      for (const b of scoreBreakdown.slice(0, 5)) {
        md.appendMarkdown('- ');
        md.appendText(`${b.ruleId}: +${formatNumber(b.points, locale)} (${b.count}) — ${translate(locale, `rule.${b.ruleId}.description`)}`);
        md.appendMarkdown('\n');
      }
    } else {
      md.appendText(`\n\n${vscode.l10n.t('No spam signals found.')}`);
    }
    this.item.tooltip = md;
    this.item.accessibilityInformation = { label: vscode.l10n.t('Mailproof spam score {0}', formatNumber(score, locale)) };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
