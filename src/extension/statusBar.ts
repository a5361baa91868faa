import * as vscode from 'vscode';
import { formatNumber, translate } from '../engine/i18n';
import { contributorLabel, mailTypeLabel, signedPoints } from '../engine/score/explain';
import type { Linter } from './linter';

/** One status bar item with the active draft's spam score; hidden outside drafts. */
export class ScoreStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mailproof.score', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly linter: Linter) {
    this.item.name = vscode.l10n.t('Mailproof spam score');
    this.item.command = 'mailproof.showScoreContributors';
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
    const { score, scoreBreakdown, likelySpam, spamProbability } = state.run;
    const locale = state.locale;
    this.item.text = `$(mail) ${formatNumber(score, locale)}`;
    // The theme's warning colour, the one status bar colour VS Code's guidelines allow for attention.
    this.item.backgroundColor = likelySpam ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const md = new vscode.MarkdownString();
    md.appendText(vscode.l10n.t('Spam score {0} (5 or more: likely spam)', formatNumber(score, locale)));
    md.appendText(` · ${translate(locale, 'score.probability', { percent: String(Math.round(100 * spamProbability)) })} · ${mailTypeLabel(state.run, locale)}`);
    if (likelySpam) md.appendText(`\n\n${vscode.l10n.t('This draft would likely be filtered as spam.')}`);
    const raising = scoreBreakdown.filter((c) => c.points > 0).slice(0, 6);
    const lowering = scoreBreakdown.filter((c) => c.points < 0).slice(0, 3);
    if (raising.length) {
      md.appendMarkdown('\n\n');
      md.appendText(`${translate(locale, 'score.raisedBy')}:`);
      md.appendMarkdown('\n');
      for (const c of raising) {
        md.appendMarkdown('- ');
        md.appendText(`${contributorLabel(c, locale)} ${signedPoints(c.points, locale)}${c.ruleId ? ` — ${translate(locale, `rule.${c.ruleId}.description`)}` : ''}`);
        md.appendMarkdown('\n');
      }
    } else {
      md.appendText(`\n\n${vscode.l10n.t('No spam signals found.')}`);
    }
    if (lowering.length) {
      md.appendMarkdown('\n');
      md.appendText(`${translate(locale, 'score.loweredBy')}: ${lowering.map((c) => `${contributorLabel(c, locale)} ${signedPoints(c.points, locale)}`).join(', ')}`);
    }
    md.appendMarkdown('\n\n');
    md.appendText(vscode.l10n.t('Click to show what raises the score in the draft.'));
    this.item.tooltip = md;
    this.item.accessibilityInformation = { label: vscode.l10n.t('Mailproof spam score {0}', formatNumber(score, locale)) };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
