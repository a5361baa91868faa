import * as vscode from 'vscode';
import { validateConfig } from '../engine/config';
import { detectDraft } from '../engine/detect';
import { rules } from '../engine/rules/index';
import { findConfig } from '../node/configFile';
import { type ConfigPatterns, explainDecision, type FileDecision, FileFilter } from '../node/fileFilter';
import type { Locale } from '../engine/types';
import { readFileSync } from 'node:fs';

/** Extensions always linted: email-only formats. */
const ALWAYS = /\.(eml|mjml)$/i;
/** Extensions linted when their content looks like email, or when they match `mailproof.files`. */
const CANDIDATES = /\.(html?|txt|hbs|handlebars|liquid)$/i;

/** What the gate needs to know about a document's settings. */
export interface GateSettings {
  enable: boolean;
  files: string[];
}

/**
 * Decides which documents are email drafts, the way the CLI decides for files on disk:
 * forced files, then `.mailproofignore` and the `ignore`/`alwaysLint` lists of the nearest
 * `.mailproofrc.json` (local files only), then the content ("is this an email?"), and for
 * content that says neither, the `mailproof.files` globs. Decisions are kept per document
 * version, so typing does not scan the text twice.
 */
export class FileGate {
  private filter = new FileFilter();
  private readonly lookup = new Map<string, string | null>();
  private readonly patterns = new Map<string, ConfigPatterns | null>();
  private readonly decisions = new Map<string, { version: number; decision: FileDecision }>();

  /** Forgets cached ignore files and configurations (one of them changed). */
  reset(): void {
    this.filter = new FileFilter();
    this.lookup.clear();
    this.patterns.clear();
    this.decisions.clear();
  }

  forget(doc: vscode.TextDocument): void {
    this.decisions.delete(doc.uri.toString());
  }

  decide(doc: vscode.TextDocument, settings: GateSettings, forced: boolean): FileDecision {
    if (!settings.enable) return { lint: false, key: 'detect.disabled' };
    if (forced) return { lint: true, key: 'detect.forced' };
    const path = doc.uri.path;
    const eml = doc.languageId === 'eml' || ALWAYS.test(path);
    if (!eml && !CANDIDATES.test(path)) return { lint: false, key: 'detect.notDraftType' };
    const key = doc.uri.toString();
    const cached = this.decisions.get(key);
    if (cached && cached.version === doc.version) return cached.decision;
    const decision = this.decideNow(doc, settings, eml);
    this.decisions.set(key, { version: doc.version, decision });
    return decision;
  }

  private decideNow(doc: vscode.TextDocument, settings: GateSettings, eml: boolean): FileDecision {
    if (doc.uri.scheme === 'file') {
      const config = this.configPatterns(doc.uri.fsPath);
      const ignored = this.filter.ignoredBy(doc.uri.fsPath, config);
      if (ignored) return { lint: false, key: 'detect.ignored', params: ignored };
      const always = this.filter.alwaysLinted(doc.uri.fsPath, config);
      if (always) return { lint: true, key: 'detect.alwaysLint', params: always };
    }
    const verdict = detectDraft(doc.getText(), doc.uri.path);
    if (eml || verdict.verdict !== 'unknown') return { lint: eml || verdict.verdict === 'email', key: `detect.${eml ? 'email' : verdict.verdict}`, verdict };
    const inFiles = settings.files.some((pattern) => vscode.languages.match({ pattern }, doc) > 0);
    return { lint: inFiles, key: inFiles ? 'detect.filesSetting' : 'detect.notInFiles', verdict };
  }

  // The ignore and alwaysLint lists of the nearest .mailproofrc.json (read synchronously: they
  // are small, cached, and the decision is needed before the first lint).
  private configPatterns(fsPath: string): ConfigPatterns | undefined {
    const file = findConfig(fsPath, this.lookup);
    if (!file) return undefined;
    let p = this.patterns.get(file);
    if (p === undefined) {
      p = null;
      try {
        const { config } = validateConfig(JSON.parse(readFileSync(file, 'utf8')), rules);
        p = { file, ignore: config.ignore, alwaysLint: config.alwaysLint };
      } catch {
        // Settings log the broken file; without its lists nothing is ignored.
      }
      this.patterns.set(file, p);
    }
    return p ?? undefined;
  }
}

/** A decision as one line for the output channel. */
export function describeDecision(doc: vscode.TextDocument, d: FileDecision, locale: Locale): string {
  return `${vscode.workspace.asRelativePath(doc.uri)}: ${explainDecision(d, locale)}`;
}
