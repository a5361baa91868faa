/**
 * Visible text with a map back to source offsets.
 *
 * Rules read `text` (decoded entities, markup removed) and report ranges in it; `sourceRange`
 * maps them back to the draft's source so that squiggles land on the exact characters, even
 * when a phrase spans inline markup (`<b>sans</b> frais`) or an entity (`sp&eacute;ciale`).
 */

/** Separates blocks (paragraphs, cells, headers): no phrase or sentence crosses it. */
export const BLOCK_BREAK = '\u2029';
/** Replaces each character of a template merge tag, so no rule reads `{{ FNAME }}` as words. */
export const MERGE_TAG_MASK = '\uFFFC';

/** Where a piece of text comes from. */
export type TextOrigin = 'body' | 'subject' | 'alt';

/** Maps offsets of a decoded piece of content to offsets in the draft's source. */
export interface SourceMapper {
  /** Source offset where the content character at `offset` starts. */
  start(offset: number): number;
  /** Source offset just after the content character before `offset` ends. */
  end(offset: number): number;
}

/** The identity mapper, shifted by `base`. */
export function shiftMapper(base: number): SourceMapper {
  return { start: (o) => o + base, end: (o) => o + base };
}

export const IDENTITY: SourceMapper = shiftMapper(0);

/** A source range and the text range it holds. */
export interface Segment {
  start: number;
  end: number;
  textFrom: number;
  textTo: number;
}

// A run of text that was appended in one piece. When `exact` is true, the run's characters map
// one to one onto the source; otherwise the whole run maps onto [srcStart, srcEnd).
interface Run {
  textStart: number;
  srcStart: number;
  srcEnd: number;
  exact: boolean;
}

// Template merge tags of the common ESPs: Mailchimp *|X|*, Handlebars/Liquid/Jinja {{ }} {% %},
// Salesforce/ExactTarget %%x%%, [[x]] placeholders and ASP-style <% %>. Each opener is found with
// indexOf (native and fast) and only then checked with its own sticky pattern.
const MERGE_TAGS: Array<[string, RegExp]> = [
  ['*|', /\*\|[^|*\n]{1,80}\|\*/y],
  ['{{', /\{\{[^{}\n]{0,200}\}\}/y],
  ['{%', /\{%[^%\n]{0,200}%\}/y],
  ['%%', /%%[\w.:\-[\]]{1,80}%%/y],
  ['[[', /\[\[[^[\]\n]{1,80}\]\]/y],
  ['<%', /<%[^%\n]{0,200}%>/y],
];

/** Ranges `[from, to)` of template merge tags in a text. */
export function mergeTagRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [opener, re] of MERGE_TAGS) {
    for (let i = text.indexOf(opener); i >= 0; i = text.indexOf(opener, i + 1)) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m) continue;
      out.push([i, i + m[0].length]);
      i += m[0].length - 1;
    }
  }
  return out;
}

function maskMergeTags(text: string): string {
  const ranges = mergeTagRanges(text);
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let pos = 0;
  for (const [from, to] of ranges) {
    if (from < pos) continue;
    parts.push(text.slice(pos, from), MERGE_TAG_MASK.repeat(to - from));
    pos = to;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/** Visible text of one origin (a body part, the subject, image alt texts). */
export class TextView {
  private constructor(
    /** Decoded text; merge tags masked with U+FFFC, block boundaries as U+2029. */
    readonly text: string,
    private readonly runs: Run[],
    readonly origin: TextOrigin,
    /** False when the source cannot be edited in place (e.g. a base64 MIME part). */
    readonly editable: boolean,
    /** Encodes replacement text for the source (e.g. quoted-printable); identity by default. */
    readonly encode: (text: string) => string,
  ) {}

  /** Source range of the text range `[from, to)`. */
  sourceRange(from: number, to: number): { start: number; end: number } {
    if (this.runs.length === 0) return { start: 0, end: 0 };
    const start = this.sourceOffset(from, false);
    const end = to > from ? this.sourceOffset(to - 1, true) : start;
    return { start, end: Math.max(start, end) };
  }

  // The source position of text offset `i`: where the character starts, or where it ends.
  private sourceOffset(i: number, after: boolean): number {
    const run = this.runs[this.runIndex(i)];
    if (!run.exact) return after ? run.srcEnd : run.srcStart;
    const pos = run.srcStart + (i - run.textStart);
    return Math.min(after ? pos + 1 : pos, run.srcEnd);
  }

  /**
   * Source ranges that make up the text range `[from, to)`, one per piece of text between
   * markup, in order. Replacing the first and emptying the others edits the text and keeps
   * the markup around it.
   */
  segments(from: number, to: number): Segment[] {
    const out: Segment[] = [];
    if (to <= from || this.runs.length === 0) return out;
    for (let k = this.runIndex(from); k < this.runs.length && this.runs[k].textStart < to; k++) {
      const run = this.runs[k];
      const runTextEnd = k + 1 < this.runs.length ? this.runs[k + 1].textStart : this.text.length;
      if (runTextEnd <= run.textStart) continue;
      const a = Math.max(from, run.textStart);
      const b = Math.min(to, runTextEnd);
      if (b <= a) continue;
      const seg = run.exact
        ? { start: run.srcStart + (a - run.textStart), end: run.srcStart + (b - run.textStart), textFrom: a, textTo: b }
        : { start: run.srcStart, end: run.srcEnd, textFrom: a, textTo: b };
      if (seg.end <= seg.start) continue;
      const last = out[out.length - 1];
      if (last && last.end === seg.start && last.textTo === seg.textFrom) {
        last.end = seg.end;
        last.textTo = seg.textTo;
      } else out.push(seg);
    }
    return out;
  }

  private runIndex(i: number): number {
    const runs = this.runs;
    let lo = 0;
    let hi = runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid].textStart <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** True when the text range can be replaced exactly in the source. */
  isExact(from: number, to: number): boolean {
    if (!this.editable) return false;
    const { start, end } = this.sourceRange(from, to);
    return end - start >= to - from;
  }

  /** Builds a view from pieces appended in order. */
  static builder(origin: TextOrigin, options: { editable?: boolean; encode?: (t: string) => string } = {}): TextBuilder {
    return new TextBuilder(origin, options.editable ?? true, options.encode ?? ((t) => t));
  }

  /** A view of a source slice that maps one to one (plain text, a header value). */
  static ofSource(source: string, start: number, end: number, origin: TextOrigin, mapper: SourceMapper = IDENTITY): TextView {
    const b = TextView.builder(origin);
    b.append(source.slice(start, end), mapper.start(start), mapper.end(end));
    return b.build();
  }

  /** @internal */
  static create(text: string, runs: Run[], origin: TextOrigin, editable: boolean, encode: (t: string) => string): TextView {
    return new TextView(text, runs, origin, editable, encode);
  }
}

/** Accumulates text pieces with their source ranges. */
export class TextBuilder {
  private parts: string[] = [];
  private runs: Run[] = [];
  private length = 0;
  private lastSrcEnd = 0;

  constructor(
    private readonly origin: TextOrigin,
    private readonly editable: boolean,
    private readonly encode: (t: string) => string,
  ) {}

  /** Current length of the text, i.e. the text offset of the next piece. */
  get offset(): number {
    return this.length;
  }

  /** Appends decoded `text` that comes from the source range `[srcStart, srcEnd)`. */
  append(text: string, srcStart: number, srcEnd: number): void {
    if (text.length === 0) return;
    this.parts.push(text);
    const exact = srcEnd - srcStart === text.length;
    const last = this.runs[this.runs.length - 1];
    if (exact && last && last.exact && last.srcEnd === srcStart && last.textStart + (last.srcEnd - last.srcStart) === this.length) {
      last.srcEnd = srcEnd;
    } else {
      this.runs.push({ textStart: this.length, srcStart, srcEnd, exact });
    }
    this.length += text.length;
    this.lastSrcEnd = srcEnd;
  }

  /** Marks a block boundary (a new paragraph, cell or line break element). */
  blockBreak(): void {
    if (this.length === 0 || this.parts[this.parts.length - 1] === BLOCK_BREAK) return;
    this.parts.push(BLOCK_BREAK);
    this.runs.push({ textStart: this.length, srcStart: this.lastSrcEnd, srcEnd: this.lastSrcEnd, exact: false });
    this.length += 1;
  }

  build(): TextView {
    const text = maskMergeTags(this.parts.join(''));
    return TextView.create(text, this.runs, this.origin, this.editable, this.encode);
  }
}
