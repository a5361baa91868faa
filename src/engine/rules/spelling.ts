import { makeSuggestion, textEdit } from '../fix';
import { defineRule } from '../rule';
import { findMisspellings } from '../spelling/check';

/**
 * Misspelled words in the visible text and the subject, in French and English. Needs a spell
 * checker from the host (`LintOptions.speller`); without one it reports nothing. Corrections
 * are computed when asked for (`spellingSuggestions`), not during the lint.
 */
export const spelling = defineRule({
  id: 'spelling',
  category: 'content',
  // As in cspell: misspellings are advice, shown without drowning the deliverability findings.
  defaultSeverity: 'info',
  // Counts only when raised to warning: filters see typos as one signal among many.
  weight: 0.3,
  fixable: false,
  hasSuggestions: true,
  check(ctx) {
    const speller = ctx.speller;
    if (!speller) return;
    const { misspellings, truncated } = findMisspellings(ctx.model, {
      speller,
      language: ctx.settings.language,
      words: ctx.settings.words,
    });
    const langName = (lang: string) => ctx.t(`spelling.language.${lang}`);
    let last = { start: 0, end: 0 };
    for (const m of misspellings) {
      const view = m.view === 'subject' ? ctx.model.subject : ctx.model.parts[Number(m.view)]?.text;
      if (!view || (m.lang !== 'fr' && m.lang !== 'en') || !speller.has(m.lang)) continue;
      const { start, end } = view.sourceRange(m.from, m.to);
      last = { start, end };
      const data = { word: m.word, lang: m.lang, view: m.view, from: m.from, to: m.to, ...(m.intended !== undefined ? { intended: m.intended } : {}) };
      if (m.intended !== undefined) {
        // A real word out of place: the likely word is offered when the quick-fix menu opens.
        ctx.report({ start, end, message: ctx.t('spelling.realWord', { word: m.word, intended: m.intended }), data });
      } else if (m.replacement !== undefined) {
        const suggestion = makeSuggestion(ctx.t('fix.replaceWith', { text: m.replacement }), [textEdit(view, m.from, m.to, m.replacement)]);
        ctx.report({ start, end, message: ctx.t('spelling.accent', { word: m.word, replacement: m.replacement }), data, suggestions: [suggestion] });
      } else {
        ctx.report({ start, end, message: ctx.t('spelling.unknown', { word: m.word, language: langName(m.lang) }), data });
      }
    }
    if (truncated) ctx.report({ ...last, message: ctx.t('spelling.truncated', { count: misspellings.length }) });
  },
});
