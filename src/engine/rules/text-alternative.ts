import type { BodyPart } from '../model';
import { defineRule } from '../rule';
import type { TextView } from '../text/view';
import { foldCode, FOLD_BUFFER_MIN_LENGTH, foldSlice } from '../text/normalize';
import { foldedText, type Words, wordsOf } from '../text/words';

// Words that carry content: three letters or more, not numbers (dates, prices, ids differ
// freely), compared without case or accents. Runs once per message, over its bodies only.
// The bodies' word columns (shared with the other rules) are compared by their folded hashes;
// a folded word is folded from the text as it is read (one code unit at a time, as folding a long
// text does) and compared to the words seen with the same hash, to tell apart words that share one.
const LETTER = /\p{L}/u;

/** The distinct content words of some bodies, by hash, and how many content words they hold. */
class ContentWords {
  readonly byHash = new Map<number, string | string[]>();
  distinct = 0;
  total = 0;

  add(view: TextView): void {
    const words = wordsOf(view);
    const text = view.text;
    const hashes = words.hashes();
    const { from, to } = words;
    // A short view's folded text is cheap and shared; a long one's words are folded as read,
    // with no folded copy of the whole body (fold works per code unit at that length).
    const folded = text.length < FOLD_BUFFER_MIN_LENGTH ? foldedText(view) : undefined;
    // True when word `i` folds to `w` (the folded text keeps the view's offsets).
    const is = (i: number, w: string) =>
      w.length === to[i] - from[i] && (folded ? folded.startsWith(w, from[i]) : foldsTo(text, from[i], w));
    const spelt = (i: number) => (folded ? folded.slice(from[i], to[i]) : foldSlice(text, from[i], to[i]));
    for (let i = 0; i < words.count; i++) {
      if (to[i] - from[i] < 3 || !hasLetter(words, i)) continue;
      this.total++;
      const h = hashes[i];
      const known = this.byHash.get(h);
      if (known === undefined) {
        this.byHash.set(h, spelt(i));
        this.distinct++;
      } else if (typeof known === 'string') {
        if (!is(i, known)) {
          this.byHash.set(h, [known, spelt(i)]);
          this.distinct++;
        }
      } else if (!known.some((w) => is(i, w))) {
        known.push(spelt(i));
        this.distinct++;
      }
    }
  }

  has(hash: number, folded: string): boolean {
    const known = this.byHash.get(hash);
    return known !== undefined && (typeof known === 'string' ? known === folded : known.includes(folded));
  }
}

// True when the code units of `text` from `at` fold to `w`.
function foldsTo(text: string, at: number, w: string): boolean {
  for (let k = 0; k < w.length; k++) if (foldCode(text.charCodeAt(at + k)) !== w.charCodeAt(k)) return false;
  return true;
}

// A word of letters has a cased letter, or else it is a run of digits or of caseless letters (CJK).
function hasLetter(words: Words, i: number): boolean {
  if (words.upper[i] + words.lower[i] > 0) return true;
  const w = words.text(i);
  for (let k = 0; k < w.length; k++) if (w.charCodeAt(k) >= 0x80) return LETTER.test(w);
  return false;
}

function contentWords(parts: BodyPart[]): ContentWords {
  const out = new ContentWords();
  for (const p of parts) out.add(p.text);
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
    if (htmlWords.distinct < MIN_HTML_DISTINCT_WORDS) return;
    const textWords = contentWords(text);
    if (textWords.total < htmlWords.total * NEARLY_EMPTY_RATIO) {
      ctx.report({ ...anchorOf(text[0]), message: ctx.t('text-alternative.nearlyEmpty', { textWords: textWords.total, htmlWords: htmlWords.total }) });
      return;
    }
    let missing = 0;
    for (const [hash, known] of htmlWords.byHash) {
      if (typeof known === 'string') missing += textWords.has(hash, known) ? 0 : 1;
      else for (const w of known) missing += textWords.has(hash, w) ? 0 : 1;
    }
    const percent = Math.round((missing / htmlWords.distinct) * 100);
    if (percent > ctx.options.maxDifferencePercent) {
      ctx.report({ ...anchorOf(text[0]), message: ctx.t('text-alternative.differs', { percent }) });
    }
  },
});
