import { makeSuggestion, textEdit } from '../fix';
import { grammarParagraphs } from '../grammar/paragraphs';
import { defineRule } from '../rule';
import { MERGE_TAG_MASK } from '../text/view';

// Like spelling: the first findings matter, a flood means the checker misread the draft.
const MAX_GRAMMAR_FINDINGS = 200;
const MAX_GRAMMAR_SUGGESTIONS = 5;

/**
 * Grammar problems found by a grammar checker the user has (Grammalecte for French, or a
 * LanguageTool server they run), computed by the host before the lint and passed in
 * `LintOptions.grammar`. Without results, it reports nothing.
 */
export const grammar = defineRule({
  id: 'grammar',
  category: 'content',
  defaultSeverity: 'info',
  weight: 0.3,
  fixable: false,
  hasSuggestions: true,
  check(ctx) {
    const results = ctx.grammar;
    if (!results) return;
    let count = 0;
    for (const p of grammarParagraphs(ctx.model, ctx.settings.language)) {
      const issues = results.lookup(p.text, p.lang);
      if (!issues) continue;
      const view = p.view === 'subject' ? ctx.model.subject : ctx.model.parts[Number(p.view)]?.text;
      if (!view) continue;
      for (const issue of issues) {
        if (issue.end <= issue.start || issue.end > p.text.length) continue;
        const from = p.from + issue.start;
        const to = p.from + issue.end;
        // Never on a merge tag: the checker saw only placeholders there.
        if (view.text.slice(from, to).includes(MERGE_TAG_MASK)) continue;
        if (++count > MAX_GRAMMAR_FINDINGS) return;
        const { start, end } = view.sourceRange(from, to);
        const suggestions = issue.suggestions.slice(0, MAX_GRAMMAR_SUGGESTIONS).map((s) => makeSuggestion(ctx.t('fix.replaceWith', { text: s }), [textEdit(view, from, to, s)]));
        ctx.report({ start, end, message: ctx.t('grammar.issue', { message: issue.message.replace(/\.$/, '') }), suggestions, data: { rule: issue.rule } });
      }
    }
  },
});
