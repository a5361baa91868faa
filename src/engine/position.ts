/** A zero-based line and UTF-16 column, as VS Code and LSP count them. */
export interface Position {
  line: number;
  character: number;
}

/**
 * The zero-based line and column of an offset (clamped to the text) in a text of `length`
 * characters whose lines start at `starts` (the first at 0).
 */
export function positionIn(starts: ArrayLike<number>, length: number, offset: number): Position {
  const o = Math.max(0, Math.min(offset, length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= o) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: o - starts[lo] };
}

/** Where each line of `text` starts (the first at 0): lines end at `\n`. */
export function lineStarts(text: string): Uint32Array {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  const starts = new Uint32Array(n);
  let k = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  return starts;
}

/**
 * Converts between offsets and line/column positions of one text. The line table is built on
 * the first question: a lint in the editor asks none, the CLI only when there are findings.
 */
export class LineIndex {
  private table: Uint32Array | undefined;

  constructor(private readonly text: string) {}

  private get starts(): Uint32Array {
    return (this.table ??= lineStarts(this.text));
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The zero-based line and column of an offset. */
  positionAt(offset: number): Position {
    return positionIn(this.starts, this.text.length, offset);
  }

  /** The offset of a zero-based line and column (clamped to the text). */
  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, pos.line)];
    return Math.min(start + Math.max(0, pos.character), this.lineEnd(pos.line));
  }

  /** Offset of the first character of a line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset of the end of a line, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return next > 0 && this.text[next - 1] === '\r' && next - 1 >= this.lineStart(line) ? next - 1 : next;
  }
}
