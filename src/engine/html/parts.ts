import type { BodyPart, DraftModel } from '../model';
import type { HtmlDocument } from '../parse/html';

/** A body part with parsed markup. */
export type HtmlPart = BodyPart & { html: HtmlDocument };

/** The HTML bodies of a draft, in source order (an HTML file has one; an `.eml` may have several). */
export function htmlParts(model: DraftModel): HtmlPart[] {
  return model.parts.filter((p): p is HtmlPart => p.html !== undefined);
}
