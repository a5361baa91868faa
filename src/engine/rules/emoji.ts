import { makeFix, textEdit } from '../fix';
import { defineRule } from '../rule';
import { findEmoji } from '../text/emoji';
import { textTargets } from '../text/targets';
import { BLOCK_BREAK, type TextView } from '../text/view';
import type { Edit } from '../types';
import { wordsOf } from '../text/words';

type Span = { from: number; to: number };

export const emoji = defineRule({
  id: 'emoji',
  category: 'content',
  defaultSeverity: 'warning',
  weight: 0.4,
  fixable: true,
  hasSuggestions: true,
  options: {
    // One emoji in a subject can lift opens; several look like promotional spam
    // (Gmail's Promotions tab and SpamAssassin's subject emoji rules).
    maxInBody: { type: 'integer', default: 3, minimum: 0 },
    maxInSubject: { type: 'integer', default: 1, minimum: 0 },
  },
  check(ctx) {
    for (const { view, isSubject } of textTargets(ctx.model)) {
      // Most texts hold no code unit an emoji needs: no scan (see Words.mayHoldEmoji).
      const all = wordsOf(view).mayHoldEmoji ? findEmoji(view.text) : [];
      if (all.length === 0) continue;
      // Runs: emoji separated by nothing but spaces.
      let run: Span[] = [all[0]];
      const flush = () => {
        if (run.length >= 2) {
          const from = run[0].from;
          const to = run[run.length - 1].to;
          const { start, end } = view.sourceRange(from, to);
          // A fix only when the run repeats one emoji (🎉🎉🎉): dropping different ones
          // (🎁🤩🍰) removes what the writer chose, so that is a suggestion.
          const first = view.text.slice(run[0].from, run[0].to);
          const same = run.every((e) => view.text.slice(e.from, e.to) === first);
          const fix = makeFix(ctx.t('fix.keepFirstEmoji'), [textEdit(view, run[0].to, to, '')], same);
          ctx.report({ start, end, message: ctx.t('emoji.run', { count: run.length }), fixes: [fix].filter((f) => f !== undefined) });
        }
      };
      for (let i = 1; i < all.length; i++) {
        const gap = view.text.slice(all[i - 1].to, all[i].from);
        if (/^[ \t\u00a0\uFE0F]*$/.test(gap) && !gap.includes(BLOCK_BREAK)) run.push(all[i]);
        else {
          flush();
          run = [all[i]];
        }
      }
      flush();

      const max = isSubject ? ctx.options.maxInSubject : ctx.options.maxInBody;
      if (all.length > max) {
        const surplus = all.slice(max);
        const kept = new Set(all.slice(0, max).map((x) => view.text.slice(x.from, x.to)));
        const { start, end } = view.sourceRange(surplus[0].from, surplus[0].to);
        const edits = surplus.map((s) => removal(view, s));
        ctx.report({
          start,
          end,
          message: ctx.t(isSubject ? 'emoji.subject' : 'emoji.body', { count: all.length, max }),
          // A fix only when every emoji removed repeats one that stays; otherwise a suggestion.
          fixes: [makeFix(ctx.t('fix.removeSurplusEmoji', { count: surplus.length }), edits, surplus.every((x) => kept.has(view.text.slice(x.from, x.to))))].filter((f) => f !== undefined),
          related: surplus.slice(1).map((s) => ({ ...view.sourceRange(s.from, s.to), message: ctx.t('emoji.related') })),
        });
      }
    }
  },
});

// Removes an emoji with one neighbouring space, so no double space is left behind.
function removal(view: TextView, s: Span): Edit[] | undefined {
  const text = view.text;
  let { from, to } = s;
  if (text[to] === ' ' && (from === 0 || /[\s\u2029]/.test(text[from - 1]))) to++;
  else if (from > 0 && text[from - 1] === ' ') from--;
  return textEdit(view, from, to, '');
}
