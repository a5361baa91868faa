/**
 * Grammar checking on Node: the paragraphs of a draft go to a grammar checker the user has,
 * Grammalecte (French, installed with `apt install python3-grammalecte`) or a LanguageTool
 * server they run, and the results go to `lint` as `LintOptions.grammar`.
 */
import type { GrammarIssue, GrammarResults } from '../engine/grammar/paragraphs';
import { grammarParagraphs } from '../engine/grammar/paragraphs';
import type { DraftModel } from '../engine/model';
import type { SpellLanguage } from '../engine/spelling/speller';

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
export async function checkGrammar(model: DraftModel, backends: readonly GrammarBackend[], forced?: SpellLanguage): Promise<GrammarResults> {
  const results = new Map<string, GrammarIssue[]>();
  const paragraphs = grammarParagraphs(model, forced);
  for (const backend of backends) {
    const mine = paragraphs.filter((p) => backend.languages.includes(p.lang) && !results.has(p.lang + p.text));
    if (mine.length === 0) continue;
    const answers = await backend.check(mine.map((p) => ({ text: p.text, lang: p.lang })));
    mine.forEach((p, i) => results.set(p.lang + p.text, answers[i] ?? []));
  }
  return { lookup: (text, lang) => results.get(lang + text) };
}
