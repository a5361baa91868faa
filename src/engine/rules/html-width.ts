import { makeSuggestion, sourceEdit } from '../fix';
import { stylesheetRules, inlineStyle } from '../html/styles';
import { attrLength, attrValueEdit, cssLength, type Length } from '../html/values';
import type { BodyPart } from '../model';
import type { CssDeclaration } from '../parse/css';
import { htmlParts } from '../html/parts';
import { defineRule, type RuleContext } from '../rule';

// Reading panes and mobile screens show 600–800 px: Litmus, Email on Acid and the ESPs
// (Mailchimp, Campaign Monitor) advise a 600 px layout and no more than 800 px.
const MAX_WIDTH_PX = 800;
/** The width the quick fix sets: the most common email layout width. */
export const SAFE_WIDTH_PX = 600;

// Elements whose `width` attribute sizes the layout, including MJML's body, columns and images.
const WIDTH_TAGS = ['table', 'td', 'th', 'div', 'img', 'col', 'center', 'mj-body', 'mj-column', 'mj-image', 'mj-wrapper'];
// CSS properties that force a width; max-width only caps it and is fine.
const WIDTH_PROPERTIES = new Set(['width', 'min-width']);

export const htmlWidth = defineRule({
  id: 'html-width',
  category: 'html',
  defaultSeverity: 'warning',
  weight: 0.1,
  fixable: false,
  hasSuggestions: true,
  options: {
    maxWidth: { type: 'integer', default: MAX_WIDTH_PX, minimum: 320 },
  },
  check(ctx) {
    const { source } = ctx.model;
    const max = ctx.options.maxWidth;
    for (const part of htmlParts(ctx.model)) {
      const doc = part.html;
      for (const tag of WIDTH_TAGS) {
        for (const el of doc.byName(tag)) {
          for (const a of el.attrs) {
            if (a.name !== 'width') continue;
            const len = attrLength(a.value);
            if (!len || len.unit !== 'px' || len.value <= max) continue;
            const edit = attrValueEdit(part, source, a, len.numberStart, len.numberEnd, String(SAFE_WIDTH_PX));
            report(ctx, a.start, a.end, len, edit);
          }
        }
      }
      for (const el of doc.elements) {
        if (el.attrs.length === 0) continue;
        const style = inlineStyle(doc, source, el);
        for (const d of style.declarations) checkDeclaration(ctx, part, d, max);
      }
      for (const rule of stylesheetRules(doc)) {
        for (const d of rule.declarations) checkDeclaration(ctx, part, d, max);
      }
    }
  },
});

function checkDeclaration(ctx: RuleContext<{ maxWidth: number }>, part: BodyPart, d: CssDeclaration, max: number): void {
  if (!WIDTH_PROPERTIES.has(d.property)) return;
  const len = cssLength(d.value);
  if (!len || len.unit !== 'px' || len.value <= max) return;
  // Edit only the number (and a `pt` unit, which becomes px), and only when the source spells
  // the value out where the parse says.
  const points = /^pt/i.test(d.value.slice(len.numberEnd));
  const start = d.valueStart + len.numberStart;
  const end = d.valueStart + len.numberEnd + (points ? 2 : 0);
  const written = d.value.slice(len.numberStart, len.numberEnd + (points ? 2 : 0));
  const edit = ctx.model.source.slice(start, end) === written ? sourceEdit(part, start, end, points ? `${SAFE_WIDTH_PX}px` : String(SAFE_WIDTH_PX)) : undefined;
  report(ctx, d.start, d.end, len, edit);
}

function report(ctx: RuleContext<{ maxWidth: number }>, start: number, end: number, len: Length, edit: ReturnType<typeof sourceEdit>): void {
  // A suggestion: a narrower container can reflow a layout built for the wider one.
  const suggestion = makeSuggestion(ctx.t('fix.setWidth', { width: SAFE_WIDTH_PX }), [edit]);
  ctx.report({
    start,
    end,
    message: ctx.t('html-width.tooWide', { width: Math.round(len.value), max: ctx.options.maxWidth }),
    suggestions: [suggestion],
    data: { width: Math.round(len.value) },
  });
}
