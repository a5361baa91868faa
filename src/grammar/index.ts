/**
 * Grammar checking on Node: the paragraphs of a draft go to a grammar checker the user has,
 * Grammalecte (French, installed with `apt install python3-grammalecte`) or a LanguageTool
 * server they run, and the results go to `lint` as `LintOptions.grammar`.
 */
import type { MailproofConfig } from '../engine/config';
import type { GrammarIssue, GrammarParagraph, GrammarResults } from '../engine/grammar/paragraphs';
import { grammarParagraphs } from '../engine/grammar/paragraphs';
import type { DraftModel } from '../engine/model';
import { buildModel } from '../engine/parse/index';
import type { SpellLanguage } from '../engine/spelling/speller';
import type { DraftKind } from '../engine/types';
import { startGrammalecte } from './grammalecte';
import { LANGUAGE_TOOL_LANGUAGES, languageToolBackend } from './languagetool';

/** A paragraph for a grammar checker. */
export interface GrammarRequest {
  text: string;
  lang: SpellLanguage;
}

/** A grammar checker: answers the issues of each paragraph, in UTF-16 offsets of its text. */
export interface GrammarBackend {
  readonly name: string;
  readonly languages: readonly SpellLanguage[];
  check(requests: GrammarRequest[]): Promise<GrammarIssue[][]>;
  close(): void;
}

/** Sends a draft's paragraphs to the backends that know their language; results for `lint`. */
export function checkGrammar(model: DraftModel, backends: readonly GrammarBackend[], forced?: SpellLanguage): Promise<GrammarResults> {
  return checkParagraphs(grammarParagraphs(model, forced), backends);
}

/** Sends paragraphs to the backends that know their language; the first backend to answer one keeps it. */
async function checkParagraphs(paragraphs: readonly GrammarParagraph[], backends: readonly GrammarBackend[]): Promise<GrammarResults> {
  const results = new Map<string, GrammarIssue[]>();
  for (const backend of backends) {
    const mine = paragraphs.filter((p) => backend.languages.includes(p.lang) && !results.has(p.lang + p.text));
    if (mine.length === 0) continue;
    const answers = await backend.check(mine.map((p) => ({ text: p.text, lang: p.lang })));
    mine.forEach((p, i) => results.set(p.lang + p.text, answers[i] ?? []));
  }
  return { lookup: (text, lang) => results.get(lang + text) };
}

/** The language a draft's configuration sets for every paragraph, if any. */
export function forcedLanguage(config: MailproofConfig | undefined): SpellLanguage | undefined {
  return config?.language === 'fr' || config?.language === 'en' ? config.language : undefined;
}

/** A lint with grammar results, as {@link GrammarCheckers.lint} returns it. */
export interface GrammarLint<R> {
  run: R;
  /** The results the run used (fix-all's re-lints need the same), if a checker answered. */
  grammar?: GrammarResults;
  /** Why the draft's grammar was not checked (a checker failed). */
  error?: string;
}

/**
 * The grammar checkers of one thread (the CLI's, or one lint worker's): the LanguageTool server
 * given by URL, and Grammalecte, started on the first paragraph in French (a run of English
 * drafts never starts Python), or ahead of it by {@link prestart}, as a lint worker does.
 * `lint` parses each draft once where it can: see there.
 */
export class GrammarCheckers {
  private grammalecte: Promise<GrammarBackend | undefined> | undefined;
  private grammalecteMissing = false;
  private readonly languageTool = new Map<string, GrammarBackend>();
  // Whether the last draft had paragraphs for a checker: the next one likely has too.
  private lastChecked = false;

  constructor(private readonly startFrench: () => Promise<GrammarBackend | undefined> = () => startGrammalecte().catch(() => undefined)) {}

  /**
   * Lints a draft with its grammar results; `lintWith` is the caller's lint (its run must keep
   * the model), given the model of the text when there is one already (`LintOptions.model`). A
   * grammar checker runs before the lint (it cannot answer synchronously), and which paragraphs
   * it reads, and in which language, needs the draft's model:
   * - a draft after one without paragraphs to check (English drafts with Grammalecte alone) is
   *   linted first; its model gives the paragraphs, and when none needs a checker that run is
   *   the answer;
   * - after a draft with such paragraphs, the model is built first for the checkers, then the
   *   draft linted with their results.
   * Either way the text is parsed once, and the run is the one `lint` gives with every result:
   * no checker, no issue.
   */
  async lint<R extends { model: DraftModel }>(
    text: string,
    kind: DraftKind,
    config: MailproofConfig | undefined,
    languageToolUrl: string | undefined,
    lintWith: (grammar: GrammarResults | undefined, model?: DraftModel) => R,
  ): Promise<GrammarLint<R>> {
    const forced = forcedLanguage(config);
    const languages = new Set<SpellLanguage>(this.grammalecteMissing ? [] : ['fr']);
    if (languageToolUrl !== undefined) for (const l of LANGUAGE_TOOL_LANGUAGES) languages.add(l);
    if (languages.size === 0) return { run: lintWith(undefined) };
    let first: R | undefined;
    let model: DraftModel;
    if (this.lastChecked) model = buildModel(text, kind);
    else {
      first = lintWith(undefined);
      model = first.model;
    }
    const wanted = grammarParagraphs(model, forced).filter((p) => languages.has(p.lang));
    this.lastChecked = wanted.length > 0;
    if (wanted.length === 0) return { run: first ?? lintWith(undefined, model) };
    let grammar: GrammarResults | undefined;
    let error: string | undefined;
    try {
      const backends = await this.backends(languageToolUrl, new Set(wanted.map((p) => p.lang)));
      if (backends.length) grammar = await checkParagraphs(wanted, backends);
    } catch (e) {
      error = (e as Error)?.message ?? String(e);
    }
    if (!grammar) return { run: first ?? lintWith(undefined, model), error };
    return { run: lintWith(grammar, model), grammar };
  }

  /**
   * Starts Grammalecte now, without waiting for it: a lint worker does so on its first draft
   * with grammar on, so that its first French paragraph does not wait half a second (and hold
   * up the drafts behind it in the CLI's output order) for Python to load the rules.
   */
  prestart(): void {
    if (!this.grammalecteMissing) this.grammalecte ??= this.startFrench();
  }

  private async backends(languageToolUrl: string | undefined, languages: ReadonlySet<SpellLanguage>): Promise<GrammarBackend[]> {
    const out: GrammarBackend[] = [];
    if (languageToolUrl !== undefined) {
      let lt = this.languageTool.get(languageToolUrl);
      if (!lt) this.languageTool.set(languageToolUrl, (lt = languageToolBackend(languageToolUrl)));
      out.push(lt);
    }
    if (languages.has('fr') && !this.grammalecteMissing) {
      // Silently none when Grammalecte is not installed (an optional Debian package).
      const g = await (this.grammalecte ??= this.startFrench());
      if (g) out.push(g);
      else this.grammalecteMissing = true;
    }
    return out;
  }

  /** Ends Grammalecte's process and LanguageTool's requests. */
  async close(): Promise<void> {
    for (const lt of this.languageTool.values()) lt.close();
    this.languageTool.clear();
    (await this.grammalecte)?.close();
  }
}
