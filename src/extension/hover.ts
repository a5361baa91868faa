import * as vscode from 'vscode';
import { translate } from '../engine/i18n';
import { toLocale } from '../engine/i18n';
import type { Linter } from './linter';

/** Explains a finding: why it hurts deliverability and what to do, with a link to the docs. */
export class Hover implements vscode.HoverProvider {
  constructor(private readonly linter: Linter) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const diagnostics = this.linter.collection.get(doc.uri) ?? [];
    const here = diagnostics.filter((d) => d.source === 'mailproof' && d.range.contains(position) && typeof d.code === 'object');
    if (here.length === 0) return undefined;
    const locale = toLocale(vscode.env.language);
    const md = new vscode.MarkdownString();
    md.isTrusted = { enabledCommands: ['mailproof.openRuleDocs'] };
    const seen = new Set<string>();
    for (const d of here) {
      const ruleId = String((d.code as { value: string | number }).value);
      if (seen.has(ruleId)) continue;
      seen.add(ruleId);
      if (seen.size > 1) md.appendMarkdown('\n\n---\n\n');
      md.appendMarkdown('**');
      md.appendText(`Mailproof · ${ruleId}`);
      md.appendMarkdown('** — ');
      md.appendText(translate(locale, `rule.${ruleId}.description`));
      md.appendMarkdown('\n\n');
      md.appendText(translate(locale, `rule.${ruleId}.why`));
      const args = encodeURIComponent(JSON.stringify([ruleId]));
      md.appendMarkdown(`\n\n[${escapeLink(translate(locale, 'fix.learnMore', { rule: ruleId }))}](command:mailproof.openRuleDocs?${args})`);
    }
    return new vscode.Hover(md, here[0].range);
  }
}

function escapeLink(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&');
}
