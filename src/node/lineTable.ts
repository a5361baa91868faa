import { type Position, positionIn } from '../engine/position';

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
