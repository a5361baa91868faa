import type { DraftModel } from '../model';
import { blocks, declaredDraftLanguage, detectBlockLanguage, type Marked, markAt, paintMarks } from '../spelling/language';
import type { SpellLanguage } from '../spelling/speller';
import { MERGE_TAG_MASK } from '../text/view';

/** A grammar problem in a paragraph, in UTF-16 offsets of the paragraph's text. */
export interface GrammarIssue {
  start: number;
  end: number;
  message: string;
  /** Corrections, best first (may be empty). */
  suggestions: string[];
  /** The checker's rule id, for the hover and the log. */
  rule: string;
}

/** A paragraph to check: its text (merge tags replaced by letters, same length) and where it is. */
export interface GrammarParagraph {
  view: string;
  from: number;
  text: string;
  lang: SpellLanguage;
}

/**
 * Grammar results computed before the lint (a grammar checker is a separate program, so it
 * cannot answer synchronously): the issues of a paragraph text in a language, if checked.
 */
export interface GrammarResults {
  lookup(text: string, lang: SpellLanguage): GrammarIssue[] | undefined;
}

// What a paragraph's text shows the checker instead of some characters, one for one: a merge
// tag's mask becomes a letter, line breaks and tabs spaces, and the separators of footers and
// menus (`75002 Paris · Se désabonner`, `Blog | Boutique`) a full stop, because the words on
// either side belong to different phrases.
const REPLACEMENTS: Record<string, string> = { [MERGE_TAG_MASK]: 'X', '\n': ' ', '\r': ' ', '\t': ' ', '·': '.', '•': '.', '|': '.', '¦': '.', '∙': '.' };
// The keys of REPLACEMENTS (U+FFFC is the merge tag mask).
const REPLACED = /[\uFFFC\n\r\t·•|¦∙]/g;
const MASK_CODE = MERGE_TAG_MASK.charCodeAt(0);

// Paragraphs longer than this are split by the checkers anyway; a 1 MB draft sends at most
// MAX_GRAMMAR_CHARS in all.
const MAX_PARAGRAPH_CHARS = 5000;
export const MAX_GRAMMAR_CHARS = 200_000;

/**
 * The paragraphs of a draft's subject and visible text to send to a grammar checker, in the
 * language each is written in (as the spelling rule reads it). Merge tags become runs of `X`
 * of the same length, so offsets stay those of the view; line breaks become spaces.
 */
export function grammarParagraphs(model: DraftModel, forced?: SpellLanguage): GrammarParagraph[] {
  const out: GrammarParagraph[] = [];
  const declared = declaredDraftLanguage(model);
  const draftLang: Marked = forced ?? (declared === undefined ? model.language : declared);
  let total = 0;
  const scan = (viewKey: string, text: string, marks: Uint8Array | undefined) => {
    for (const [from, to] of blocks(text)) {
      if (to - from > MAX_PARAGRAPH_CHARS || total + (to - from) > MAX_GRAMMAR_CHARS) continue;
      const words = hasTwoLetters(text, from, to);
      if (words === false) continue;
      const mark = markAt(marks, from);
      const lang: Marked = mark !== undefined ? mark : (forced ?? detectBlockLanguage(text, from, to) ?? draftLang);
      if (lang === null) continue;
      const t = text.slice(from, to).replace(REPLACED, (ch) => REPLACEMENTS[ch]);
      if (words === undefined && !/\p{L}{2}/u.test(t)) continue;
      total += t.length;
      out.push({ view: viewKey, from, text: t, lang });
    }
  };
  if (model.subject) scan('subject', model.subject.text, undefined);
  model.parts.forEach((part, n) => scan(String(n), part.text.text, paintMarks(part.html, part.text.text.length)));
  return out;
}

/**
 * Whether a paragraph's text has two letters in a row (a merge tag's mask counts as one, as it
 * is sent as `X`), decided here for text in ASCII; undefined when a character beyond ASCII
 * leaves it to `\p{L}`. Most blocks of an HTML draft are the blanks between table cells.
 */
function hasTwoLetters(text: string, from: number, to: number): boolean | undefined {
  let run = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === MASK_CODE) {
      if (++run === 2) return true;
    } else if (c < 128) run = 0;
    else return undefined;
  }
  return false;
}
