import { grown, type TextView } from './view';
import { fold, foldCode } from './normalize';

/**
 * The words of a view (runs of letters and digits), stored column-wise so a 1 MB draft does
 * not allocate a hundred thousand objects on every keystroke. Word `i` spans
 * `[from[i], to[i])` in the view's text.
 */
export class Words {
  constructor(
    private readonly source: string,
    readonly count: number,
    readonly from: Int32Array,
    readonly to: Int32Array,
    /** Uppercase letters of each word. */
    readonly upper: Int32Array,
    /** Lowercase letters of each word (letters without case count in neither). */
    readonly lower: Int32Array,
    private readonly hashColumn: Int32Array,
    /**
     * What the characters between word `i - 1` and word `i` hold (for word 0, those before it):
     * {@link GAP_BLOCK_BREAK} and {@link GAP_SENTENCE_END} bits.
     */
    readonly gapBefore: Uint8Array,
    /**
     * Characters of the text that show as something: not whitespace (zero-width and joiner
     * characters that preheader padding is made of included), not a masked merge tag.
     */
    readonly visibleChars: number,
    /** `!` marks (never inside a word). */
    readonly exclamations: number,
    /**
     * Characters other than a space, a line feed, `!`, a block break or a masked merge tag: the
     * spam model's measure of the text's length.
     */
    readonly textChars: number,
    /**
     * Offsets of the money and percent signs between words (`$`, `%`, `£`, `€`), in text order:
     * the first {@link symbolCount} entries.
     */
    readonly symbolAt: Int32Array,
    readonly symbolCount: number,
    /**
     * True when a code unit from U+203C up, other than U+FFFC, stands between words. Every emoji
     * has one (see EMOJI_RE: a regional indicator, U+20E3, U+FE0F or an emoji-presentation
     * pictograph, none of them a letter or digit), so without one a text holds no emoji.
     */
    readonly mayHoldEmoji: boolean,
    /**
     * Indexes of the words with at least two uppercase letters and no lowercase one (capitals,
     * acronyms), in text order: the first {@link capitalsCount} entries.
     */
    readonly capitalsAt: Int32Array,
    readonly capitalsCount: number,
    /** Uppercase letters of all the words (the sum of {@link upper}). */
    readonly upperTotal: number,
    /** Lowercase letters of all the words (the sum of {@link lower}). */
    readonly lowerTotal: number,
  ) {}

  /** The word as written. */
  text(i: number): string {
    return this.source.slice(this.from[i], this.to[i]);
  }

  /** The case- and accent-folded word. */
  folded(i: number): string {
    return fold(this.text(i));
  }

  /**
   * The hash of each folded word (see {@link hashFolded}), computed in the pass that finds the
   * words and shared by every rule that compares words.
   */
  hashes(): Int32Array {
    return this.hashColumn;
  }
}

/** A block break (U+2029) stands before the word. */
export const GAP_BLOCK_BREAK = 1;
/** A sentence ends before the word: `.`, `!`, `?`, `…` or a block break. */
export const GAP_SENTENCE_END = 2;

/** The hash {@link Words.hashes} gives a word whose folded text is `folded`. */
export function hashFolded(folded: string): number {
  let h = 0;
  for (let k = 0; k < folded.length; k++) h = (Math.imul(h, 31) + folded.charCodeAt(k)) | 0;
  return h;
}

// Character classes, computed once per code point: 0 not yet known.
const OTHER = 1;
const LOWER = 2;
const UPPER = 3;
const CASELESS = 4; // letters without case (CJK…) and digits
const bmp = new Uint8Array(65536);
const astral = new Map<number, number>();

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (!/[\p{L}\p{N}]/u.test(ch)) return OTHER;
  if (/\p{Lu}|\p{Lt}/u.test(ch)) return UPPER;
  if (/\p{Ll}/u.test(ch)) return LOWER;
  return CASELESS;
}

function classOf(cp: number): number {
  if (cp < 65536) {
    let c = bmp[cp];
    if (c === 0) bmp[cp] = c = classify(cp);
    return c;
  }
  let c = astral.get(cp);
  if (c === undefined) astral.set(cp, (c = classify(cp)));
  return c;
}

const cache = new WeakMap<TextView, Words>();
const foldedCache = new WeakMap<TextView, string>();

/**
 * The view's text case- and accent-folded (same length), computed on first request and shared
 * by rules. Few lints need it whole (the unsubscribe rule when no link URL names the way out):
 * the word pass hashes folded words without keeping a folded copy of the text.
 */
export function foldedText(view: TextView): string {
  let f = foldedCache.get(view);
  if (f === undefined) foldedCache.set(view, (f = fold(view.text)));
  return f;
}

// Class of each ASCII character, and the folded code unit of each ASCII letter and digit (0 for
// the other characters), for the word pass's ASCII loops.
const ASCII_CLASS = new Uint8Array(128);
const ASCII_WORD_FOLD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_CLASS[c] = c >= 97 && c <= 122 ? LOWER : c >= 65 && c <= 90 ? UPPER : c >= 48 && c <= 57 ? CASELESS : OTHER;
  ASCII_WORD_FOLD[c] = ASCII_CLASS[c] === OTHER ? 0 : c >= 65 && c <= 90 ? c + 32 : c;
}

// Punctuation the pass notes between words: sentence ends, `!`, money and percent signs.
const PUNCT_SENTENCE = 1;
const PUNCT_EXCLAMATION = 2;
const PUNCT_SYMBOL = 3;
const ASCII_PUNCT = new Uint8Array(128);
ASCII_PUNCT[46] = ASCII_PUNCT[63] = PUNCT_SENTENCE; // . ?
ASCII_PUNCT[33] = PUNCT_EXCLAMATION;
ASCII_PUNCT[36] = ASCII_PUNCT[37] = PUNCT_SYMBOL; // $ %
const NO_OFFSETS = new Int32Array(0);

/**
 * Words of a view, computed once and shared by every rule. The same pass over the characters
 * folds them, hashes the folded words and counts the visible characters. It alternates two
 * loops, one over the characters between words and one over a word's characters, each with a
 * fast path for ASCII (most of any draft).
 */
export function wordsOf(view: TextView): Words {
  let words = cache.get(view);
  if (words) return words;
  const text = view.text;
  const n = text.length;
  // Prose has a word every six characters or so; the columns grow when a text has more. Plain
  // locals, not captured by a closure, so the loops keep them in registers.
  let cap = ((n / 5) | 0) + 16;
  let from = new Int32Array(cap);
  let to = new Int32Array(cap);
  let up = new Int32Array(cap);
  let low = new Int32Array(cap);
  let hash = new Int32Array(cap);
  let gaps = new Uint8Array(cap);
  let count = 0;
  let visible = 0;
  let gap = 0;
  let exclamations = 0;
  // Spaces, line feeds, block breaks and U+FFFC (see Words.textChars).
  let blanks = 0;
  let symbolAt = NO_OFFSETS;
  let symbolCount = 0;
  let capitalsAt = NO_OFFSETS;
  let capitalsCount = 0;
  let upperTotal = 0;
  let lowerTotal = 0;
  let high = false;
  let i = 0;
  while (i < n) {
    // Between words: up to the first letter or digit.
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (ASCII_CLASS[c] !== OTHER) break;
        if (c <= 0x20) {
          if (c === 0x20 || c === 0x0a) blanks++;
          continue;
        }
        visible++;
        const p = ASCII_PUNCT[c];
        if (p !== 0) {
          if (p === PUNCT_SENTENCE) gap |= GAP_SENTENCE_END;
          else if (p === PUNCT_EXCLAMATION) {
            gap |= GAP_SENTENCE_END;
            exclamations++;
          } else {
            if (symbolCount === symbolAt.length) symbolAt = grown(symbolAt, Math.max(16, 2 * symbolCount));
            symbolAt[symbolCount++] = i;
          }
        }
        continue;
      }
      let cp = c;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) cp = (c - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
      }
      if (classOf(cp) !== OTHER) break;
      if (c !== 0xfffc && !isInvisible(c)) visible++;
      if (cp === 0x2029) {
        gap |= GAP_BLOCK_BREAK | GAP_SENTENCE_END;
        blanks++;
      } else if (cp === 0x2026) gap |= GAP_SENTENCE_END;
      else if (c === 0xfffc) blanks++;
      else if (c === 0xa3 || c === 0x20ac) {
        if (symbolCount === symbolAt.length) symbolAt = grown(symbolAt, Math.max(16, 2 * symbolCount));
        symbolAt[symbolCount++] = i;
      }
      if (c >= 0x203c && c !== 0xfffc) high = true;
      if (cp > 0xffff) {
        // The low surrogate: counted as a visible character.
        i++;
        visible++;
      }
    }
    if (i >= n) break;
    // A word: up to the next character that is neither a letter nor a digit.
    const start = i;
    let upper = 0;
    let lower = 0;
    let h = 0;
    // Every character of a word shows (a letter or digit is neither a space nor U+FFFC).
    visible -= start;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        // 0 for an ASCII character that is not a letter or digit.
        const f = ASCII_WORD_FOLD[c];
        if (f === 0) break;
        if (c >= 97) lower++;
        else if (c >= 65) upper++;
        h = (Math.imul(h, 31) + f) | 0;
        continue;
      }
      let cp = c;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) cp = (c - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
      }
      const cls = classOf(cp);
      if (cls === OTHER) break;
      if (cls === UPPER) upper++;
      else if (cls === LOWER) lower++;
      // Each code unit folded (see `fold`), a surrogate pair's two alike.
      h = (Math.imul(h, 31) + foldCode(c)) | 0;
      if (cp > 0xffff) {
        i++;
        h = (Math.imul(h, 31) + foldCode(text.charCodeAt(i))) | 0;
      }
    }
    visible += i;
    if (count === cap) {
      // Room for the rest of the text at the density of words read so far, and a tenth more:
      // doubling made six columns twice too long for a text just denser than the first guess.
      // At least an eighth more each time, so that the copies stay linear in all.
      cap = Math.max(count + Math.ceil(((n - i) * count * 1.1) / i), count + (count >> 3)) + 16;
      from = grown(from, cap);
      to = grown(to, cap);
      up = grown(up, cap);
      low = grown(low, cap);
      hash = grown(hash, cap);
      gaps = grown(gaps, cap);
    }
    from[count] = start;
    to[count] = i;
    up[count] = upper;
    low[count] = lower;
    upperTotal += upper;
    lowerTotal += lower;
    if (lower === 0 && upper >= 2) {
      if (capitalsCount === capitalsAt.length) capitalsAt = grown(capitalsAt, Math.max(16, 2 * capitalsCount));
      capitalsAt[capitalsCount++] = count;
    }
    hash[count] = h;
    gaps[count] = gap;
    gap = 0;
    count++;
  }
  words = new Words(text, count, from, to, up, low, hash, gaps, visible, exclamations, n - blanks - exclamations, symbolAt, symbolCount, high, capitalsAt, capitalsCount, upperTotal, lowerTotal);
  cache.set(view, words);
  return words;
}

/**
 * Characters above ASCII that show nothing: non-ASCII spaces, zero-width characters and
 * joiners, the soft hyphen, block breaks.
 */
export function isInvisible(code: number): boolean {
  return (
    code === 0xa0 || code === 0xad || code === 0x34f || code === 0x1680 || code === 0x180e || code === 0x2029 || code === 0x2028 ||
    (code >= 0x2000 && code <= 0x200f) || code === 0x202f || code === 0x205f || code === 0x2060 || code === 0x3000 || code === 0xfeff
  );
}
