import type { DraftModel } from './model';
import type { Edit } from './types';

/** What placing a line needs of a draft: a model, or an editor's snapshot of one plus the text. */
export type PlacementTarget = Pick<DraftModel, 'headers' | 'eol' | 'source' | 'preambleEnd'>;

/**
 * Where lines are added to a draft, in one place for every fix that adds one: a header goes
 * before the first header of a message (after a BOM or an mbox `From ` line, which are not
 * headers), a file-level comment after the front matter and the doctype.
 */
export function headerInsert(model: Pick<PlacementTarget, 'headers' | 'eol'>, line: string): Edit {
  const at = model.headers[0]?.start ?? 0;
  return { start: at, end: at, newText: `${line}${model.eol}` };
}

/** Inserts a comment line (`<!-- mailproof-… -->`) at the top of an HTML or text draft. */
export function fileCommentInsert(model: PlacementTarget, comment: string): Edit {
  const source = model.source;
  let at = model.preambleEnd;
  const afterPreamble = /^\r?\n/.exec(source.slice(at, at + 2));
  if (at > 0 && afterPreamble) at += afterPreamble[0].length;
  const prefix = at > 0 && source[at - 1] !== '\n' ? model.eol : '';
  return { start: at, end: at, newText: `${prefix}${comment}${model.eol}` };
}
