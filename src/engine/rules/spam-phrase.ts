import { makeSuggestion, textEdit } from '../fix';
import { en } from '../lexicon/en';
import { placeAlternative } from '../lexicon/fit';
import { fr } from '../lexicon/fr';
import { compileMatcher, displayPhrase, type PhraseMatcher } from '../lexicon/matcher';
import { defineRule, type SharedSettings } from '../rule';
import { textTargets } from '../text/targets';
import { impersonatedBrand } from '../lexicon/brands';
import { addressesOf } from '../mail/address';

let cached: { key: string; matcher: PhraseMatcher } | undefined;

// Compiling the lexicons takes about 20 ms: do it once per phrase settings, not per keystroke.
function matcherFor(phrases: SharedSettings['phrases']): PhraseMatcher {
  // Most lints add and ignore no phrase: their key needs no JSON.
  const key = phrases.add.length === 0 && phrases.ignore.length === 0 ? '' : JSON.stringify(phrases);
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
  fixable: false,
  hasSuggestions: true,
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
        // Alternatives reword the writer's text: suggestions, offered only where they fit,
        // with the article before them made to agree (see placeAlternative).
        const french = m.entry.lang === 'fr' || (m.entry.lang === 'custom' && ctx.model.language === 'fr');
        const seen = new Set<string>();
        const suggestions = m.entry.alternatives.flatMap((alt) => {
          const p = placeAlternative(view.text, m, alt, french);
          if (!p || seen.has(p.text)) return [];
          seen.add(p.text);
          return [makeSuggestion(ctx.t('fix.replaceWith', { text: p.text }), [textEdit(view, p.from, m.to, p.text)])];
        });
        const { start, end } = view.sourceRange(m.from, m.to);
        ctx.report({
          start,
          end,
          message: ctx.t('spam-phrase.found', { phrase: written.replace(/\s+/g, ' '), category }),
          suggestions,
          data: { phrase: displayPhrase(m.entry.phrase), category: m.entry.category, lexicon: m.entry.lang },
        });
      }
    }
    // Brand impersonation: a sender name that claims a brand or a public body the address's
    // domain does not belong to (`"PayPal" <service@pay-secure.example>`).
    const from = ctx.model.header('from');
    const sender = from ? addressesOf(ctx.model.source, from)[0] : undefined;
    const lt = from ? from.value.indexOf('<') : -1;
    if (from && sender && lt > 0) {
      const name = from.value.slice(0, lt).replace(/["\\]/g, ' ').trim();
      const brand = impersonatedBrand(name, sender.domain);
      if (brand) {
        ctx.report({
          start: from.valueStart,
          end: from.valueEnd,
          message: ctx.t('spam-phrase.impersonation', { brand: brand.brand, domain: sender.domain }),
          data: { phrase: brand.brand, category: 'impersonation', lexicon: 'brand' },
        });
      }
    }
  },
});
