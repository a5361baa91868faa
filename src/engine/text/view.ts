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
  /**
   * For decoded content (a quoted-printable or base64 MIME part): the source pieces of the
   * content range `[from, to)`, handed to `sink` in order and covering it (no array, no object
   * per piece). An exact piece maps character for character; the others map as a whole (an
   * `=C3=A9` escape, a base64 part's header).
   */
  piecesInto?(from: number, to: number, sink: PieceSink): void;
  /** Set when the mapper only adds this (non-negative) number to every offset (see {@link shiftMapper}). */
  shift?: number;
}

/** Receives the pieces of a content range from {@link SourceMapper.piecesInto}. */
export interface PieceSink {
  piece(from: number, to: number, start: number, end: number, exact: boolean): void;
}

/** The identity mapper, shifted by `base` (non-negative). */
export function shiftMapper(base: number): SourceMapper {
  return { start: (o) => o + base, end: (o) => o + base, shift: base };
}

export const IDENTITY: SourceMapper = shiftMapper(0);

/**
 * Encodes text inserted into the source the way the surrounding content is encoded. `start`
 * and `end` give the source range being replaced, so an encoder can keep lines short.
 */
export type Encoder = (text: string, start?: number, end?: number) => string;

/** A source range and the text range it holds. */
export interface Segment {
  start: number;
  end: number;
  textFrom: number;
  textTo: number;
}

// Runs of text that were appended in one piece, as columns (no object per run): run `k` starts
// at text offset `textStart[k]` and comes from the source range [srcStart[k], srcEnd[k]). When
// `exact[k]` is 1, the run's characters map one to one onto the source; otherwise the whole run
// maps onto its source range.
interface Runs {
  count: number;
  textStart: Int32Array;
  srcStart: Int32Array;
  srcEnd: Int32Array;
  exact: Uint8Array;
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

/** Ranges `[from, to)` of template merge tags in a text, in order and not overlapping. */
export function mergeTagRanges(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (const [opener, re] of MERGE_TAGS) {
    for (let i = text.indexOf(opener); i >= 0; i = text.indexOf(opener, i + 1)) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m) continue;
      found.push([i, i + m[0].length]);
      i += m[0].length - 1;
    }
  }
  if (found.length < 2) return found;
  found.sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const r of found) if (out.length === 0 || r[0] >= out[out.length - 1][1]) out.push(r);
  return out;
}

function maskMergeTags(text: string): string {
  const ranges = mergeTagRanges(text);
  if (ranges.length === 0) return text;
  const parts: string[] = [];
  let pos = 0;
  for (const [from, to] of ranges) {
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
    private readonly runs: Runs,
    readonly origin: TextOrigin,
    /** False when the source cannot be edited in place (e.g. a base64 MIME part). */
    readonly editable: boolean,
    /** Encodes replacement text for the source (e.g. quoted-printable); identity by default. */
    readonly encode: Encoder,
  ) {}

  /** Source range of the text range `[from, to)`. */
  sourceRange(from: number, to: number): { start: number; end: number } {
    if (this.runs.count === 0) return { start: 0, end: 0 };
    const start = this.sourceOffset(from, false);
    const end = to > from ? this.sourceOffset(to - 1, true) : start;
    return { start, end: Math.max(start, end) };
  }

  // The source position of text offset `i`: where the character starts, or where it ends.
  private sourceOffset(i: number, after: boolean): number {
    const runs = this.runs;
    const k = this.runIndex(i);
    if (!runs.exact[k]) return after ? runs.srcEnd[k] : runs.srcStart[k];
    const pos = runs.srcStart[k] + (i - runs.textStart[k]);
    return Math.min(after ? pos + 1 : pos, runs.srcEnd[k]);
  }

  /**
   * Source ranges that make up the text range `[from, to)`, one per piece of text between
   * markup, in order. Replacing the first and emptying the others edits the text and keeps
   * the markup around it.
   */
  segments(from: number, to: number): Segment[] {
    const out: Segment[] = [];
    const runs = this.runs;
    if (to <= from || runs.count === 0) return out;
    for (let k = this.runIndex(from); k < runs.count && runs.textStart[k] < to; k++) {
      const textStart = runs.textStart[k];
      const runTextEnd = k + 1 < runs.count ? runs.textStart[k + 1] : this.text.length;
      if (runTextEnd <= textStart) continue;
      const a = Math.max(from, textStart);
      const b = Math.min(to, runTextEnd);
      if (b <= a) continue;
      const srcStart = runs.srcStart[k];
      const seg = runs.exact[k]
        ? { start: srcStart + (a - textStart), end: srcStart + (b - textStart), textFrom: a, textTo: b }
        : { start: srcStart, end: runs.srcEnd[k], textFrom: a, textTo: b };
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
    const starts = this.runs.textStart;
    let lo = 0;
    let hi = this.runs.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= i) lo = mid;
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

  /**
   * Builds a view from pieces appended in order. A read-only view (a base64 part, an encoded
   * subject) never maps character for character: its pieces map as a whole.
   */
  static builder(origin: TextOrigin, options: { editable?: boolean; encode?: Encoder; runs?: number } = {}): TextBuilder {
    return new TextBuilder(origin, options.editable ?? true, options.encode ?? ((t) => t), options.runs);
  }

  /** A view of a source slice that maps one to one (plain text, a header value). */
  static ofSource(source: string, start: number, end: number, origin: TextOrigin, mapper: SourceMapper = IDENTITY): TextView {
    const b = TextView.builder(origin);
    b.append(source.slice(start, end), mapper.start(start), mapper.end(end));
    return b.build();
  }

  /** @internal */
  static create(text: string, runs: Runs, origin: TextOrigin, editable: boolean, encode: Encoder): TextView {
    return new TextView(text, runs, origin, editable, encode);
  }
}

// Runs a builder (or a transfer encoding's RunMap) makes room for with its first run, unless told
// how many to expect (an HTML body has one per piece of text). One that gets none (most drafts'
// alt texts) allocates no columns.
export const RUNS_CAPACITY = 64;
export const NO_INTS = new Int32Array(0);
export const NO_FLAGS = new Uint8Array(0);

// Text the builder joins into one piece once it holds this much (UTF-16 units) and a line break
// to cut after. A string of more than about 64 KB is a large object for V8: allocating one costs
// about 0.14 ms whatever its size, so the text of a 100 KB newsletter cost that twice, once
// joined and once copied again to mask its merge tags. Pieces of 16,384 units (32 KB) are
// ordinary allocations, are masked on their own, and only the final join is large.
const CHUNK_UNITS = 16384;

// Column sets that built views no longer use (see TextBuilder.build): a few, each of at most
// 16,384 runs (213 KB; under 1 MB in all), so that what stays between lints is small.
interface SpareColumns {
  textStarts: Int32Array<ArrayBuffer>;
  srcStarts: Int32Array<ArrayBuffer>;
  srcEnds: Int32Array<ArrayBuffer>;
  exacts: Uint8Array<ArrayBuffer>;
}
const SPARE_COLUMNS: SpareColumns[] = [];
const MAX_SPARE_COLUMNS = 4;
const MAX_SPARE_RUNS = 16384;

// Keeps a set of columns, in place of the smallest kept when there are enough.
function spare(columns: SpareColumns): void {
  if (SPARE_COLUMNS.length < MAX_SPARE_COLUMNS) {
    SPARE_COLUMNS.push(columns);
    return;
  }
  let smallest = 0;
  for (let i = 1; i < SPARE_COLUMNS.length; i++) if (SPARE_COLUMNS[i].textStarts.length < SPARE_COLUMNS[smallest].textStarts.length) smallest = i;
  if (SPARE_COLUMNS[smallest].textStarts.length < columns.textStarts.length) SPARE_COLUMNS[smallest] = columns;
}

/** Accumulates text pieces with their source ranges. */
export class TextBuilder implements PieceSink {
  // The pieces appended since the last chunk was cut, and the chunks (joined, merge tags masked).
  private parts: string[] = [];
  private chunks: string[] = [];
  private chunkStart = 0;
  // The last piece appended (a block break is BLOCK_BREAK), so that two breaks never follow each other.
  private lastPart = '';
  private runCount = 0;
  private textStarts = NO_INTS;
  private srcStarts = NO_INTS;
  private srcEnds = NO_INTS;
  private exacts = NO_FLAGS;
  private length = 0;
  private lastSrcEnd = 0;
  // While a mapper hands over pieces: the text offset of content offset 0.
  private pieceBase = 0;

  constructor(
    private readonly origin: TextOrigin,
    private readonly editable: boolean,
    private readonly encode: Encoder,
    /** How many runs to make room for with the first (an estimate: the columns still grow). */
    private readonly expectedRuns = RUNS_CAPACITY,
  ) {}

  /** Current length of the text, i.e. the text offset of the next piece. */
  get offset(): number {
    return this.length;
  }

  /** Appends decoded `text` that comes from the source range `[srcStart, srcEnd)`. */
  append(text: string, srcStart: number, srcEnd: number): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.lastPart = text;
    this.addRun(this.length, srcStart, srcEnd, this.editable && srcEnd - srcStart === text.length);
    this.length += text.length;
    if (this.length - this.chunkStart >= CHUNK_UNITS) this.cutChunk(text);
  }

  /**
   * Appends `text` read from the content range `[from, to)` of a part that `mapper` maps to
   * the source. When the text is the content as is (no entity decoded), a transfer-encoded
   * part maps character for character through the mapper's pieces.
   */
  appendContent(text: string, from: number, to: number, mapper: SourceMapper): void {
    if (text.length === 0) return;
    if (!mapper.piecesInto || to - from !== text.length) {
      this.append(text, mapper.start(from), mapper.end(to));
      return;
    }
    this.parts.push(text);
    this.lastPart = text;
    this.pieceBase = this.length - from;
    mapper.piecesInto(from, to, this);
    this.length += text.length;
    if (this.length - this.chunkStart >= CHUNK_UNITS) this.cutChunk(text);
  }

  // Joins the pieces up to the last line break of `last` (the piece just appended) into a chunk,
  // its merge tags masked. No merge tag holds a line break, so none runs across the cut, and
  // masking chunk by chunk masks what masking the whole text would (see mergeTagRanges: each
  // opener's scan restarts at the cut either way). Without a line break, the chunk grows on.
  private cutChunk(last: string): void {
    const nl = last.lastIndexOf('\n');
    if (nl < 0) return;
    const parts = this.parts;
    const rest = nl + 1 < last.length ? last.slice(nl + 1) : '';
    if (rest) parts[parts.length - 1] = last.slice(0, nl + 1);
    this.chunks.push(maskMergeTags(parts.join('')));
    this.parts = rest ? [rest] : [];
    this.chunkStart = this.length - rest.length;
  }

  /** @internal A piece of the content being appended (see {@link SourceMapper.piecesInto}). */
  piece(from: number, _to: number, start: number, end: number, exact: boolean): void {
    this.addRun(this.pieceBase + from, start, end, this.editable && exact);
  }

  private addRun(textStart: number, srcStart: number, srcEnd: number, exact: boolean): void {
    const last = this.runCount - 1;
    if (
      exact &&
      last >= 0 &&
      this.exacts[last] === 1 &&
      this.srcEnds[last] === srcStart &&
      this.textStarts[last] + (this.srcEnds[last] - this.srcStarts[last]) === textStart
    ) {
      this.srcEnds[last] = srcEnd;
    } else {
      this.pushRun(textStart, srcStart, srcEnd, exact);
    }
    this.lastSrcEnd = srcEnd;
  }

  private pushRun(textStart: number, srcStart: number, srcEnd: number, exact: boolean): void {
    const k = this.runCount;
    if (k === this.textStarts.length) {
      const cap = Math.max(RUNS_CAPACITY, this.expectedRuns, k * 2);
      if (k === 0 && this.takeSpare(cap)) return this.pushRun(textStart, srcStart, srcEnd, exact);
      this.textStarts = grown(this.textStarts, cap);
      this.srcStarts = grown(this.srcStarts, cap);
      this.srcEnds = grown(this.srcEnds, cap);
      this.exacts = grown(this.exacts, cap);
    }
    this.textStarts[k] = textStart;
    this.srcStarts[k] = srcStart;
    this.srcEnds[k] = srcEnd;
    this.exacts[k] = exact ? 1 : 0;
    this.runCount = k + 1;
  }

  // Takes a spare set of columns with room for `cap` runs, if there is one.
  private takeSpare(cap: number): boolean {
    for (let i = SPARE_COLUMNS.length - 1; i >= 0; i--) {
      const spare = SPARE_COLUMNS[i];
      if (spare.textStarts.length < cap) continue;
      SPARE_COLUMNS[i] = SPARE_COLUMNS[SPARE_COLUMNS.length - 1];
      SPARE_COLUMNS.pop();
      this.textStarts = spare.textStarts;
      this.srcStarts = spare.srcStarts;
      this.srcEnds = spare.srcEnds;
      this.exacts = spare.exacts;
      return true;
    }
    return false;
  }

  /** Marks a block boundary (a new paragraph, cell or line break element). */
  blockBreak(): void {
    if (this.length === 0 || this.lastPart === BLOCK_BREAK) return;
    this.parts.push(BLOCK_BREAK);
    this.lastPart = BLOCK_BREAK;
    this.pushRun(this.length, this.lastSrcEnd, this.lastSrcEnd, false);
    this.length += 1;
  }

  build(): TextView {
    const tail = maskMergeTags(this.parts.join(''));
    let text = tail;
    if (this.chunks.length > 0) {
      this.chunks.push(tail);
      text = this.chunks.join('');
    }
    // The columns cut to their length: a view is kept as long as its draft's model.
    const count = this.runCount;
    const runs: Runs =
      count === 0
        ? { count, textStart: NO_INTS, srcStart: NO_INTS, srcEnd: NO_INTS, exact: NO_FLAGS }
        : {
            count,
            textStart: this.textStarts.slice(0, count),
            srcStart: this.srcStarts.slice(0, count),
            srcEnd: this.srcEnds.slice(0, count),
            exact: this.exacts.slice(0, count),
          };
    // The columns, copied out, are kept for the next builder: drafts come one after another, and
    // the columns of the next one need not be allocated and zeroed again. A builder builds once.
    if (count > 0 && this.textStarts.length <= MAX_SPARE_RUNS) {
      spare({ textStarts: this.textStarts, srcStarts: this.srcStarts, srcEnds: this.srcEnds, exacts: this.exacts });
    }
    this.textStarts = this.srcStarts = this.srcEnds = NO_INTS;
    this.exacts = NO_FLAGS;
    this.runCount = 0;
    return TextView.create(text, runs, this.origin, this.editable, this.encode);
  }
}

/** A copy of a column with room for `cap` entries (the text builder's and the word pass's). */
export function grown<T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(a: T, cap: number): T {
  const b = (a instanceof Int32Array ? new Int32Array(cap) : a instanceof Float64Array ? new Float64Array(cap) : new Uint8Array(cap)) as T;
  b.set(a);
  return b;
}
