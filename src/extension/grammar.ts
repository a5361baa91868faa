import * as vscode from 'vscode';
import { resolveRule } from '../engine/config';
import { type GrammarIssue, grammarParagraphs as paragraphsOf, type GrammarResults } from '../engine/grammar/paragraphs';
import { lint } from '../engine/lint';
import { buildModel } from '../engine/parse/index';
import type { Rule } from '../engine/rule';
import { grammar } from '../engine/rules/grammar';
import { startGrammalecte } from '../grammar/grammalecte';
import { checkGrammar, type GrammarBackend } from '../grammar/index';
import { languageToolBackend, parseLanguageToolUrl } from '../grammar/languagetool';
import { kindOf, type Linter } from './linter';

// Grammar re-checks a draft when it is opened or saved, never while typing (a LanguageTool
// server is network); between saves, paragraphs that did not change keep their issues.
// Past this size the draft is not checked (the checkers take seconds per 100 KB).
const MAX_GRAMMAR_DRAFT_CHARS = 300_000;
const GRAMMAR_START_DELAY_MS = 2000;
// Issues remembered per document, by paragraph text.
const MAX_REMEMBERED_PARAGRAPHS = 5000;

/**
 * The optional `grammar` rule in the editor: Grammalecte when installed, and the LanguageTool
 * server of `mailproof.grammar.languageToolUrl` when set. Both are started on first use.
 */
export class GrammarService implements vscode.Disposable {
  private grammalecte: Promise<GrammarBackend | undefined> | undefined;
  private languageTool: { url: string; backend: GrammarBackend } | undefined;
  private readonly issues = new Map<string, Map<string, GrammarIssue[]>>();
  private readonly merged = new WeakMap<object, true>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly linter: Linter,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      linter.onDidLint((doc) => this.reapply(doc)),
      // After the first squiggles: starting Grammalecte takes a core for half a second.
      vscode.workspace.onDidOpenTextDocument((doc) => {
        setTimeout(() => void this.refresh(doc), GRAMMAR_START_DELAY_MS).unref?.();
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => void this.refresh(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.issues.delete(doc.uri.toString())),
    );
    // Drafts already open at activation: after the first squiggles, not during activation.
    const timer = setTimeout(() => {
      for (const doc of vscode.workspace.textDocuments) void this.refresh(doc);
    }, GRAMMAR_START_DELAY_MS);
    timer.unref?.();
    this.disposables.push({ dispose: () => clearTimeout(timer) });
  }

  private backends(): Promise<GrammarBackend[]> {
    const raw = vscode.workspace.getConfiguration('mailproof').get<string>('grammar.languageToolUrl', '').trim();
    if (this.languageTool && this.languageTool.url !== raw) {
      this.languageTool.backend.close();
      this.languageTool = undefined;
    }
    if (raw && !this.languageTool) {
      const parsed = parseLanguageToolUrl(raw);
      if ('url' in parsed) this.languageTool = { url: raw, backend: languageToolBackend(parsed.url) };
      else this.log.warn(`mailproof.grammar.languageToolUrl: ${parsed.error}`);
    }
    this.grammalecte ??= (async () => {
      // Debian's interpreter, then the one on PATH; a failed start means "not installed".
      for (const python of ['/usr/bin/python3', 'python3']) {
        const b = await startGrammalecte(python).catch(() => undefined);
        if (b) {
          this.log.info(`Grammalecte started (${python})`);
          return b;
        }
      }
      this.log.info('Grammalecte is not installed (apt install python3-grammalecte): French grammar is not checked');
      return undefined;
    })();
    return this.grammalecte.then((g) => [...(this.languageTool ? [this.languageTool.backend] : []), ...(g ? [g] : [])]);
  }

  /** Asks the checkers about a draft's paragraphs (on open and save). */
  private async refresh(doc: vscode.TextDocument): Promise<void> {
    const state = await this.linter.current(doc).catch(() => undefined);
    if (!state || resolveRule(grammar as unknown as Rule, state.config).severity === 'off') return;
    if (doc.getText().length > MAX_GRAMMAR_DRAFT_CHARS) return;
    try {
      const backends = await this.backends();
      if (backends.length === 0) return;
      const forced = state.config.language === 'fr' || state.config.language === 'en' ? state.config.language : undefined;
      // The linter keeps a snapshot, not the parse: parse the text the snapshot belongs to again.
      const text = doc.getText();
      if (doc.version !== state.version) return;
      const model = buildModel(text, kindOf(doc, text));
      const results = await checkGrammar(model, backends, forced);
      // Only paragraphs with issues: the others need no second pass after each lint.
      const remembered = new Map<string, GrammarIssue[]>();
      for (const p of paragraphsOf(model, forced)) {
        if (remembered.size >= MAX_REMEMBERED_PARAGRAPHS) break;
        const found = results.lookup(p.text, p.lang);
        if (found?.length) remembered.set(p.lang + p.text, found);
      }
      this.issues.set(doc.uri.toString(), remembered);
      this.merged.delete(state.run);
      this.reapply(doc);
    } catch (e) {
      this.log.error(`grammar check failed for ${doc.uri.toString()}: ${(e as Error)?.message ?? e}`);
    }
  }

  /** After every lint: the remembered issues of the paragraphs that did not change. */
  private reapply(doc: vscode.TextDocument): void {
    const state = this.linter.state(doc);
    const remembered = this.issues.get(doc.uri.toString());
    if (!state || !remembered || this.merged.has(state.run) || state.version !== doc.version) return;
    this.merged.set(state.run, true);
    if (remembered.size === 0) {
      // Nothing to add; drop what an earlier check added to this run.
      if (state.run.findings.some((f) => f.ruleId === 'grammar')) this.linter.mergeFindings(doc, state.version, 'grammar', []);
      return;
    }
    const results: GrammarResults = { lookup: (text, lang) => remembered.get(lang + text) };
    const text = doc.getText();
    const run = lint(text, { kind: kindOf(doc, text), config: state.config, locale: state.locale, rules: [grammar as unknown as Rule], grammar: results });
    this.linter.mergeFindings(doc, state.version, 'grammar', run.findings);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.languageTool?.backend.close();
    void this.grammalecte?.then((g) => g?.close());
  }
}
