import type { BodyPart } from '../model';
import { defineRule } from '../rule';
import { foldedText } from '../text/words';

// Words that carry content: three letters or more, not numbers (dates, prices, ids differ
// freely), compared without case or accents. Runs once per message, over its bodies only.
// A run of letters and digits is matched whole, then kept if it holds a letter: a pattern that
// looked for the letter inside the run rescanned a run of digits from each of its characters.
const WORD_RUN = /[\p{L}\p{N}]+/gu;
const LETTER = /\p{L}/u;

function contentWords(parts: BodyPart[]): string[] {
  const out: string[] = [];
  for (const p of parts) for (const w of foldedText(p.text).match(WORD_RUN) ?? []) if (w.length >= 3 && LETTER.test(w)) out.push(w);
  return out;
}

// An HTML body this short says too little to compare.
const MIN_HTML_DISTINCT_WORDS = 10;
// A text version with under a tenth of the HTML's words is a placeholder ("View this email in
// your browser"); SpamAssassin's MIME_HTML_MOSTLY looks at a similar text/HTML imbalance.
const NEARLY_EMPTY_RATIO = 0.1;

export const textAlternative = defineRule({
  id: 'text-alternative',
  category: 'message',
  defaultSeverity: 'warning',
  // SpamAssassin MIME_HTML_ONLY (0.1–0.7 depending on the score set), MPART_ALT_DIFF (0.6–2.2).
  weight: 0.5,
  fixable: false,
  kinds: ['eml'],
  options: {
    // SpamAssassin MPART_ALT_DIFF fires at 99–100% difference; we warn earlier, at 90%, because
    // a draft can still be fixed and a text version that shares a tenth of the HTML's words is
    // not the same message.
    maxDifferencePercent: { type: 'integer', default: 90, minimum: 0, maximum: 100 },
  },
  check(ctx) {
    const html = ctx.model.parts.filter((p) => p.type === 'html');
    if (html.length === 0) return;
    const text = ctx.model.parts.filter((p) => p.type === 'text');
    const anchorOf = (p: BodyPart) => p.headerRange ?? { start: p.start, end: p.start };
    if (text.length === 0) {
      ctx.report({ ...anchorOf(html[0]), message: ctx.t('text-alternative.htmlOnly') });
      return;
    }
    const htmlWords = contentWords(html);
    const htmlSet = new Set(htmlWords);
    if (htmlSet.size < MIN_HTML_DISTINCT_WORDS) return;
    const textWords = contentWords(text);
    if (textWords.length < htmlWords.length * NEARLY_EMPTY_RATIO) {
      ctx.report({ ...anchorOf(text[0]), message: ctx.t('text-alternative.nearlyEmpty', { textWords: textWords.length, htmlWords: htmlWords.length }) });
      return;
    }
    const textSet = new Set(textWords);
    let missing = 0;
    for (const w of htmlSet) if (!textSet.has(w)) missing++;
    const percent = Math.round((missing / htmlSet.size) * 100);
    if (percent > ctx.options.maxDifferencePercent) {
      ctx.report({ ...anchorOf(text[0]), message: ctx.t('text-alternative.differs', { percent }) });
    }
  },
});
