import { makeFix, textEdit } from '../fix';
import { en } from '../lexicon/en';
import { fr } from '../lexicon/fr';
import { compileMatcher, displayPhrase, matchCase, type PhraseMatcher } from '../lexicon/matcher';
import { defineRule, type SharedSettings } from '../rule';
import { textTargets } from '../text/targets';

let cached: { key: string; matcher: PhraseMatcher } | undefined;

// Compiling the lexicons takes a few milliseconds: do it once per phrase settings.
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
      for (const m of matcher.find(view)) {
        const written = view.text.slice(m.from, m.to);
        const category = ctx.t(`category.${m.entry.category}`);
        const fixes = m.entry.alternatives.map((alt, i) => {
          const replacement = matchCase(written, alt);
          return makeFix(ctx.t('fix.replaceWith', { text: replacement }), [textEdit(view, m.from, m.to, replacement)], i === 0);
        });
        const { start, end } = view.sourceRange(m.from, m.to);
        ctx.report({
          start,
          end,
          message: ctx.t('spam-phrase.found', { phrase: written.replace(/\s+/g, ' '), category }),
          fixes: fixes.filter((f) => f !== undefined),
          data: { phrase: displayPhrase(m.entry.phrase), category: m.entry.category },
        });
      }
    }
  },
});
