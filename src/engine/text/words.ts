import type { TextView } from './view';
import { fold } from './normalize';

/** A word of visible text: a run of letters and digits. */
export interface Word {
  /** Text offsets `[from, to)` in the view. */
  from: number;
  to: number;
  /** The word as written. */
  text: string;
  /** Case- and accent-folded form. */
  folded: string;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
const cache = new WeakMap<TextView, Word[]>();

/** Words of a view, computed once and shared by every rule. */
export function wordsOf(view: TextView): Word[] {
  let words = cache.get(view);
  if (!words) {
    words = [];
    const text = view.text;
    WORD_RE.lastIndex = 0;
    for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
      words.push({ from: m.index, to: m.index + m[0].length, text: m[0], folded: fold(m[0]) });
    }
    cache.set(view, words);
  }
  return words;
}
