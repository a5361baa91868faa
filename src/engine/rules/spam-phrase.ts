import { makeFix, textEdit } from '../fix';
import { elide } from '../lexicon/elision';
import { en } from '../lexicon/en';
import { fr } from '../lexicon/fr';
import { compileMatcher, displayPhrase, inflect, matchCase, type PhraseMatcher } from '../lexicon/matcher';
import { defineRule, type SharedSettings } from '../rule';
import { textTargets } from '../text/targets';

let cached: { key: string; matcher: PhraseMatcher } | undefined;

// Compiling the lexicons takes about 20 ms: do it once per phrase settings, not per keystroke.
function matcherFor(phrases: SharedSettings['phrases']): PhraseMatcher {
  const key = JSON.stringify(phrases);
  if (cached?.key !== key) {
    cached = { key, matcher: compileMatcher([{ lang: 'fr', entries: fr }, { lang: 'en', entries: en }], phrases.add, phrases.ignore) };
  }
  return cached.matcher;
}

export const spamPhrase = defineRule({
  id: 'spam-phrase',
  category: 'content',
  defaultSeverity: 'warning',
  weight: 0.5,
  fixable: true,
  check(ctx) {
    const matcher = matcherFor(ctx.settings.phrases);
    for (const { view } of textTargets(ctx.model, { alt: true })) {
      for (const m of matcher.find(view, ctx.model.language)) {
        if (ctx.full) {
          ctx.report({ ...view.sourceRange(m.from, m.to), message: '' }); // counted, not shown
          continue;
        }
        const written = view.text.slice(m.from, m.to);
        const category = ctx.t(`category.${m.entry.category}`);
        // French alternatives may change the elision of the word before (`la` → `l’`).
        const french = m.entry.lang === 'fr' || (m.entry.lang === 'custom' && ctx.model.language === 'fr');
        const edits = m.entry.alternatives.flatMap((alt) => {
          const replacement = matchCase(written, inflect(alt, m.choices));
          const edit = french ? elide(view.text, m.from, replacement) : { from: m.from, text: replacement };
          return edit ? [edit] : [];
        });
        const fixes = edits.map((e, i) => makeFix(ctx.t('fix.replaceWith', { text: e.text }), [textEdit(view, e.from, m.to, e.text)], i === 0));
        const { start, end } = view.sourceRange(m.from, m.to);
        ctx.report({
          start,
          end,
          message: ctx.t('spam-phrase.found', { phrase: written.replace(/\s+/g, ' '), category }),
          fixes: fixes.filter((f) => f !== undefined),
          data: { phrase: displayPhrase(m.entry.phrase), category: m.entry.category, lexicon: m.entry.lang },
        });
      }
    }
  },
});
