import * as vscode from 'vscode';
import { CodeActions, FIX_ALL_KIND } from './codeActions';
import { DeliverabilityController } from './deliverability';
import { Hover } from './hover';
import { registerFilters } from './filters';
import { registerLists } from './lists';
import { startLoopProbe } from './loopProbe';
import { DRAFT_SCHEMES, Linter } from './linter';
import { describeDecision } from './fileGate';
import { toLocale } from '../engine/i18n';
import { Settings } from './settings';
import { ScoreHighlights } from './scoreHighlights';
import { ScoreStatus } from './statusBar';

/** Activated by VS Code for contributed languages and commands (implicit activation). */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Mailproof', { log: true });
  const settings = new Settings(log);
  const docsUri = (ruleId: string) => vscode.Uri.joinPath(context.extensionUri, 'dist', 'docs', 'rules', `${ruleId}.md`);
  const linter = new Linter(settings, context.workspaceState, docsUri, log);
  const deliverability = new DeliverabilityController(context, linter, log);
  const selector: vscode.DocumentSelector = DRAFT_SCHEMES.map((scheme) => ({ scheme }));

  context.subscriptions.push(
    log,
    settings,
    linter,
    new ScoreStatus(linter),
    new ScoreHighlights(linter),
    vscode.languages.registerCodeActionsProvider(selector, new CodeActions(linter), CodeActions.metadata),
    vscode.languages.registerHoverProvider(selector, new Hover(linter)),
    vscode.commands.registerCommand('mailproof.lintFile', async (uri?: vscode.Uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!doc) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a file to lint it as an email.'));
        return;
      }
      await linter.force(doc);
    }),
    vscode.commands.registerCommand('mailproof.stopLintingFile', async (uri?: vscode.Uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (doc) await linter.unforce(doc);
    }),
    vscode.commands.registerCommand('mailproof.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor) await vscode.commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL_KIND.value, apply: 'first' });
    }),
    vscode.commands.registerCommand('mailproof.openRuleDocs', async (ruleId: string) => {
      if (typeof ruleId !== 'string' || !/^[a-z0-9-]+$/.test(ruleId)) return;
      await vscode.commands.executeCommand('markdown.showPreview', docsUri(ruleId));
    }),
    vscode.commands.registerCommand('mailproof.showOutput', () => log.show()),
    vscode.commands.registerCommand('mailproof.explainFile', async (uri?: vscode.Uri) => {
      // Says in the output channel why the file is linted or not, and how to change it.
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!doc) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a file to see whether Mailproof lints it.'));
        return;
      }
      const line = describeDecision(doc, linter.decision(doc), toLocale(vscode.env.language));
      log.info(line);
      log.show(true);
      return line;
    }),
    deliverability,
    vscode.commands.registerCommand('mailproof.checkDeliverability', () => deliverability.command()),
    vscode.commands.registerCommand('mailproof.setSmtpPassword', () => deliverability.setPassword()),
    vscode.commands.registerCommand('mailproof.clearSmtpPassword', () => deliverability.clearPassword()),
    registerFilters(context, linter, log),
    registerLists(context, log),
  );
  const probe = process.env.MAILPROOF_BENCH_LOOP_FILE;
  if (probe) context.subscriptions.push(startLoopProbe(probe));
  log.info('Mailproof activated');
}

export function deactivate(): void {}
