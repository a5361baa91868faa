import type { DraftModel } from '../model';
import type { TextView } from './view';

/** A view to check and whether it is the subject. */
export interface TextTarget {
  view: TextView;
  isSubject: boolean;
}

/**
 * The texts that text rules check: the subject, each body part's visible text and, when
 * asked, image alt/title texts (what text-only readers and filters see instead of images).
 */
export function textTargets(model: DraftModel, options: { alt?: boolean } = {}): TextTarget[] {
  const out: TextTarget[] = [];
  if (model.subject) out.push({ view: model.subject, isSubject: true });
  for (const part of model.parts) {
    out.push({ view: part.text, isSubject: false });
    if (options.alt && part.html && part.html.altText.text) out.push({ view: part.html.altText, isSubject: false });
  }
  return out;
}
