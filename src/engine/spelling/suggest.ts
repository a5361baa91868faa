import { makeSuggestion, textEdit } from '../fix';
import { type MessageParams, translate } from '../i18n';
import type { DraftModel } from '../model';
import type { Finding, Locale, Suggestion } from '../types';
import type { Speller } from './speller';

/** Where a spelling finding's word is: what the rule stores in `Finding.data`. */
export interface SpellingData {
  word: string;
  lang: 'fr' | 'en';
  view: string;
  from: number;
  to: number;
}

/** The spelling data of a finding, when it is a spelling finding with valid data. */
export function spellingData(finding: Finding): SpellingData | undefined {
  const d = finding.data;
  if (finding.ruleId !== 'spelling' || !d) return undefined;
  const { word, lang, view, from, to } = d;
  if (typeof word !== 'string' || (lang !== 'fr' && lang !== 'en') || typeof view !== 'string' || typeof from !== 'number' || typeof to !== 'number') return undefined;
  return { word, lang, view, from, to };
}

/**
 * Corrections of a spelling finding as suggestions (so fix-all and `--fix` leave them alone). Called when the quick-fix menu opens: Hunspell needs tens of
 * milliseconds per word to suggest. `model` is the parse the finding came from.
 */
export function spellingSuggestions(model: DraftModel, finding: Finding, speller: Speller, locale: Locale): Suggestion[] {
  const d = spellingData(finding);
  // A confusion the rule already corrected (`a` for `à`) carries its suggestion.
  if (!d || finding.suggestions?.length) return [];
  const view = d.view === 'subject' ? model.subject : model.parts[Number(d.view)]?.text;
  // The finding belongs to another parse: its offsets mean nothing here.
  if (!view || view.text.slice(d.from, d.to) !== d.word) return [];
  const t = (key: string, params?: MessageParams) => translate(locale, key, params);
  const out: Suggestion[] = [];
  for (const s of speller.suggest(d.word, d.lang)) {
    if (s === d.word) continue;
    const suggestion = makeSuggestion(t('fix.replaceWith', { text: s }), [textEdit(view, d.from, d.to, s)]);
    if (suggestion) out.push(suggestion);
  }
  return out;
}
