import { makeFix, textEdit } from '../fix';
import { defineRule } from '../rule';
import { textTargets } from '../text/targets';

export const exclamation = defineRule({
  id: 'exclamation',
  category: 'content',
  defaultSeverity: 'warning',
  weight: 0.4,
  fixable: true,
  options: {
    // SpamAssassin's PLING_PLING and subject rules fire on repeated marks; three in a whole
    // body is what deliverability guides (Mailchimp, Mailjet) give as the ceiling.
    maxInBody: { type: 'integer', default: 3, minimum: 0 },
    maxInSubject: { type: 'integer', default: 1, minimum: 0 },
  },
  check(ctx) {
    for (const { view, isSubject } of textTargets(ctx.model)) {
      const text = view.text;
      const marks: number[] = [];
      for (let i = text.indexOf('!'); i >= 0; i = text.indexOf('!', i + 1)) marks.push(i);
      if (marks.length === 0) continue;
      const runRe = /!{2,}/g;
      for (let m = runRe.exec(text); m; m = runRe.exec(text)) {
        const { start, end } = view.sourceRange(m.index, m.index + m[0].length);
        ctx.report({
          start,
          end,
          message: ctx.t('exclamation.run', { count: m[0].length }),
          fixes: [makeFix(ctx.t('fix.collapseExclamations'), [textEdit(view, m.index, m.index + m[0].length, '!')], true)].filter((f) => f !== undefined),
        });
      }
      const max = isSubject ? ctx.options.maxInSubject : ctx.options.maxInBody;
      if (marks.length > max) {
        const first = marks[max];
        const { start, end } = view.sourceRange(first, first + 1);
        ctx.report({
          start,
          end,
          message: ctx.t(isSubject ? 'exclamation.subject' : 'exclamation.body', { count: marks.length, max }),
          related: marks.slice(0, max).map((i) => ({ ...view.sourceRange(i, i + 1), message: ctx.t('exclamation.related') })),
        });
      }
    }
  },
});
