import type { BodyPart } from '../model';
import { defineRule } from '../rule';
import { grown, type TextView } from '../text/view';
import { foldCode, FOLD_BUFFER_MIN_LENGTH, foldSlice } from '../text/normalize';
import { foldedText, type Words, wordsOf } from '../text/words';

// Words that carry content: three letters or more, not numbers (dates, prices, ids differ
// freely), compared without case or accents. Runs once per message, over its bodies only.
// The bodies' word columns (shared with the other rules) are compared by their folded hashes in
// an open-addressing table of the HTML's distinct words; every occurrence is still checked
// against the words seen with its hash, so that two words sharing a hash stay apart. The check
// first compares the code units as written with a spelling already seen (most repeats are
// written alike) and folds a code unit only where they differ.
const LETTER = /\p{L}/u;

// Past this many distinct words with one hash (crafted: `an` and `c0` weigh alike in the hash,
// so 2^k words of k such pairs share one), their entries are kept in a Map by spelling: walking
// a longer chain for every occurrence would make the time quadratic.
const CHAIN_MAX = 8;
// Slots are picked by a multiplicative hash of the word hash and a per-process seed, so that a
// draft cannot pile its words' hashes onto one run of slots (Knuth's multiplicative hashing,
// TAOCP vol. 3 §6.4).
const SLOT_SEED = (Math.random() * 0x100000000) | 0;
const GOLDEN = 0x9e3779b1;

/** The distinct content words of the HTML bodies, by hash, and how many content words they hold. */
class ContentWords {
  // Slot `s` is `table[2s]`, a hash, and `table[2s + 1]`, its first entry + 1 (0: empty), side
  // by side so that a lookup reads one cache line; probed linearly. `crowdOf[e]` is 1 + the index
  // in `crowds` of the Map that holds the entries with first entry `e` once there are too many.
  private table = new Int32Array(2 * 1024);
  private shift = 22;
  private used = 0;
  private readonly crowds: Map<string, number>[] = [];
  // Per entry (a distinct folded word): its folded spelling, a source text and offset where it
  // is written (folding one code unit at a time, see `matches`), the next entry with its hash.
  private readonly folded: string[] = [];
  private readonly rawText: string[] = [];
  private rawFrom = new Int32Array(256);
  private next = new Int32Array(256);
  private crowdOf = new Int32Array(256);
  // Entries also found in the text bodies.
  private present = new Uint8Array(256);
  presentCount = 0;
  distinct = 0;
  total = 0;

  /** Adds the content words of an HTML body. */
  add(view: TextView): void {
    const words = wordsOf(view);
    const text = view.text;
    const hashes = words.hashes();
    const { from, to } = words;
    // A short view's folded text is cheap and shared; a long one's words are folded as read,
    // with no folded copy of the whole body (fold works per code unit at that length).
    const folded = text.length < FOLD_BUFFER_MIN_LENGTH ? foldedText(view) : undefined;
    for (let i = 0; i < words.count; i++) {
      const start = from[i];
      const len = to[i] - start;
      if (len < 3 || !hasLetter(words, text, i)) continue;
      this.total++;
      const h = hashes[i];
      const s = this.slotOf(h);
      const head = this.table[s + 1] - 1;
      if (head < 0) {
        this.table[s] = h;
        this.table[s + 1] = this.newEntry(text, start, to[i], folded) + 1;
        if (++this.used * 4 > this.table.length) this.grow();
        continue;
      }
      if (this.crowdOf[head] !== 0) {
        const crowd = this.crowds[this.crowdOf[head] - 1];
        const w = spell(text, start, to[i], folded);
        if (!crowd.has(w)) crowd.set(w, this.newEntry(text, start, to[i], folded));
        continue;
      }
      let e = head;
      let last = e;
      let length = 0;
      for (; e >= 0; e = this.next[e], length++) {
        if (this.matches(e, text, start, len, folded)) break;
        last = e;
      }
      if (e >= 0) continue;
      this.next[last] = this.newEntry(text, start, to[i], folded);
      if (length + 1 > CHAIN_MAX) {
        const crowd = new Map<string, number>();
        for (e = head; e >= 0; e = this.next[e]) crowd.set(this.folded[e], e);
        this.crowds.push(crowd);
        this.crowdOf[head] = this.crowds.length;
      }
    }
  }

  /** Marks the entries a text body holds; returns how many content words it has. */
  mark(view: TextView): number {
    const words = wordsOf(view);
    const text = view.text;
    const hashes = words.hashes();
    const { from, to } = words;
    const folded = text.length < FOLD_BUFFER_MIN_LENGTH ? foldedText(view) : undefined;
    let total = 0;
    for (let i = 0; i < words.count; i++) {
      const start = from[i];
      const len = to[i] - start;
      if (len < 3 || !hasLetter(words, text, i)) continue;
      total++;
      const head = this.table[this.slotOf(hashes[i]) + 1] - 1;
      if (head < 0) continue;
      if (this.crowdOf[head] !== 0) {
        const e = this.crowds[this.crowdOf[head] - 1].get(spell(text, start, to[i], folded));
        if (e !== undefined && this.present[e] === 0) {
          this.present[e] = 1;
          this.presentCount++;
        }
        continue;
      }
      // A word already found is not checked again.
      for (let e = head; e >= 0; e = this.next[e]) {
        if (this.present[e] === 0 && this.matches(e, text, start, len, folded)) {
          this.present[e] = 1;
          this.presentCount++;
          break;
        }
      }
    }
    return total;
  }

  // The index in `table` of hash `h`'s slot: where it is, or the empty slot where it goes.
  private slotOf(h: number): number {
    const table = this.table;
    const mask = table.length - 1;
    let s = (Math.imul(h ^ SLOT_SEED, GOLDEN) >>> this.shift) << 1;
    while (table[s + 1] !== 0 && table[s] !== h) s = (s + 2) & mask;
    return s;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(2 * old.length);
    this.shift--;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      const t = this.slotOf(old[s]);
      this.table[t] = old[s];
      this.table[t + 1] = old[s + 1];
    }
  }

  private newEntry(text: string, start: number, end: number, folded: string | undefined): number {
    const e = this.distinct++;
    if (e === this.next.length) {
      this.next = grown(this.next, 2 * e);
      this.rawFrom = grown(this.rawFrom, 2 * e);
      this.crowdOf = grown(this.crowdOf, 2 * e);
      this.present = grown(this.present, 2 * e);
    }
    this.folded.push(spell(text, start, end, folded));
    // A short body's folding may depend on the letters around a word (toLowerCase's final
    // sigma): only a long body's spelling is one that folds code unit by code unit.
    this.rawText.push(folded ? '' : text);
    this.rawFrom[e] = start;
    this.next[e] = -1;
    return e;
  }

  // True when the word at `start` (`len` code units) folds to entry `e`.
  private matches(e: number, text: string, start: number, len: number, folded: string | undefined): boolean {
    const w = this.folded[e];
    if (w.length !== len) return false;
    if (folded) return folded.startsWith(w, start);
    const raw = this.rawText[e];
    const at = this.rawFrom[e];
    // Where the code units are those of a spelling that folds to `w`, they fold to `w` too.
    if (raw.length === 0) {
      if (!foldsTo(text, start, w)) return false;
      this.rawText[e] = text;
      this.rawFrom[e] = start;
      return true;
    }
    for (let k = 0; k < len; k++) {
      const c = text.charCodeAt(start + k);
      if (c !== raw.charCodeAt(at + k) && foldCode(c) !== w.charCodeAt(k)) return false;
    }
    return true;
  }
}

// The folded spelling of `text.slice(start, end)`, from the body's folded text when it has one.
function spell(text: string, start: number, end: number, folded: string | undefined): string {
  return folded ? folded.slice(start, end) : foldSlice(text, start, end);
}

// True when the code units of `text` from `at` fold to `w`.
function foldsTo(text: string, at: number, w: string): boolean {
  for (let k = 0; k < w.length; k++) if (foldCode(text.charCodeAt(at + k)) !== w.charCodeAt(k)) return false;
  return true;
}

// A word of letters has a cased letter, or else it is a run of digits or of caseless letters (CJK).
function hasLetter(words: Words, text: string, i: number): boolean {
  if (words.upper[i] + words.lower[i] > 0) return true;
  for (let k = words.from[i]; k < words.to[i]; k++) if (text.charCodeAt(k) >= 0x80) return LETTER.test(words.text(i));
  return false;
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
    const htmlWords = new ContentWords();
    for (const p of html) htmlWords.add(p.text);
    if (htmlWords.distinct < MIN_HTML_DISTINCT_WORDS) return;
    const htmlTotal = htmlWords.total;
    let textTotal = 0;
    for (const p of text) textTotal += htmlWords.mark(p.text);
    if (textTotal < htmlTotal * NEARLY_EMPTY_RATIO) {
      ctx.report({ ...anchorOf(text[0]), message: ctx.t('text-alternative.nearlyEmpty', { textWords: textTotal, htmlWords: htmlTotal }) });
      return;
    }
    const missing = htmlWords.distinct - htmlWords.presentCount;
    const percent = Math.round((missing / htmlWords.distinct) * 100);
    if (percent > ctx.options.maxDifferencePercent) {
      ctx.report({ ...anchorOf(text[0]), message: ctx.t('text-alternative.differs', { percent }) });
    }
  },
});
