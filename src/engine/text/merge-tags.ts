import { MERGE_TAG_MASK, type TextView } from './view';

/** A template merge tag of a view: its text range (masked) and what the source says. */
export interface MergeTag {
  from: number;
  to: number;
  /** The tag as written in the source (`*|UNSUB|*`, `{{ company_address }}`). */
  raw: string;
}

/**
 * The merge tags of a view within the text range `[from, to)`, in order. Views mask them with
 * U+FFFC so that no rule reads them as words; this reads them back from the source.
 */
export function mergeTags(view: TextView, source: string, from = 0, to = view.text.length): MergeTag[] {
  const out: MergeTag[] = [];
  const text = view.text;
  for (let i = text.indexOf(MERGE_TAG_MASK, from); i >= 0 && i < to; ) {
    let j = i;
    while (j < text.length && text[j] === MERGE_TAG_MASK) j++;
    const { start, end } = view.sourceRange(i, j);
    out.push({ from: i, to: j, raw: source.slice(start, end) });
    i = text.indexOf(MERGE_TAG_MASK, j);
  }
  return out;
}
