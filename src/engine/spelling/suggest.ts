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
  /** For a real word out of place (`vote` for `votre`), the word the context calls for. */
  intended?: string;
}

/** The spelling data of a finding, when it is a spelling finding with valid data. */
export function spellingData(finding: Finding): SpellingData | undefined {
  const d = finding.data;
  if (finding.ruleId !== 'spelling' || !d) return undefined;
  const { word, lang, view, from, to, intended } = d;
  if (typeof word !== 'string' || (lang !== 'fr' && lang !== 'en') || typeof view !== 'string' || typeof from !== 'number' || typeof to !== 'number') return undefined;
  return { word, lang, view, from, to, ...(typeof intended === 'string' ? { intended } : {}) };
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
  // A real word out of place: the word its context calls for, and no other (Hunspell would
  // offer the word's own neighbours in the dictionary, the word itself being right).
  const candidates = d.intended !== undefined ? [d.intended] : speller.suggest(d.word, d.lang);
  for (const s of candidates) {
    if (s === d.word) continue;
    const suggestion = makeSuggestion(t('fix.replaceWith', { text: s }), [textEdit(view, d.from, d.to, s)]);
    if (suggestion) out.push(suggestion);
  }
  return out;
}
