// Apart from the ignore rules of fileFilter.ts, so that the lint worker, which decides by the
// content, does not carry the ignore-pattern library.
import { detectDraft } from '../engine/detect';
import type { FileDecision } from './fileFilter';

/** Whether a file that no pattern decides is a draft, by its content (see detectDraft). */
export function decideByContent(path: string, text: string): FileDecision {
  const verdict = detectDraft(text, path);
  // Nothing telling either way: a file given to the CLI or found in a folder is linted.
  return { lint: verdict.verdict !== 'web', key: `detect.${verdict.verdict}`, verdict };
}
