import { type Position, positionIn } from '../engine/position';

/** Where each line of `text` starts (the first at 0), as the engine's LineIndex counts lines. */
export function lineStartsOf(text: string): Uint32Array {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  const starts = new Uint32Array(n);
  let k = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  return starts;
}

/**
 * Positions of a text known only by its line starts and length: what a lint worker sends the
 * CLI instead of the text. `positionAt` is LineIndex's.
 */
export class LineTable {
  constructor(
    private readonly starts: Uint32Array,
    private readonly length: number,
  ) {}

  positionAt(offset: number): Position {
    return positionIn(this.starts, this.length, offset);
  }
}
