/**
 * Emoji as users see them: one emoji per grapheme, whether a single code point (😀), a
 * pictograph made emoji by VS16 (❤️), a keycap (1️⃣), a flag (🇫🇷) or a ZWJ sequence (👩‍💻),
 * with skin-tone modifiers. Text-style symbols such as © ® ™ are not counted unless VS16
 * turns them into emoji.
 */
// regex-audit: safe, nothing follows the last repetition and the pattern is sticky, so the first greedy path is the match and no alternative is ever retried (fuzz growth shape "run of 😀")
export const EMOJI_RE =
  /\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)\p{Emoji_Modifier}?(?:\u200D(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F?)\p{Emoji_Modifier}?)*/uy;

// Characters an emoji can start with: keycap bases followed by U+20E3, © and ®, the symbol
// blocks from U+203C, and surrogate pairs (astral pictographs, flags). Everything else is
// skipped without running the Unicode-property regex, which is costly on long drafts.
const START_RE = /[#*0-9](?=\uFE0F?\u20E3)|[\u00a9\u00ae\u203c-\u3299\ud83c-\ud83f]/g;

// Every emoji holds one of the start characters above (the keycap mark U+20E3 is in their range). Most
// drafts hold none, and a search for them skips the look-ahead START_RE tries at every digit.
const ANY_START_RE = /[\u00a9\u00ae\u203c-\u3299\ud83c-\ud83f]/;

/** Emoji occurrences in a text, as `[from, to)` ranges. */
export function findEmoji(text: string): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  if (!ANY_START_RE.test(text)) return out;
  START_RE.lastIndex = 0;
  for (let s = START_RE.exec(text); s; s = START_RE.exec(text)) {
    EMOJI_RE.lastIndex = s.index;
    const m = EMOJI_RE.exec(text);
    if (!m) continue;
    out.push({ from: m.index, to: m.index + m[0].length });
    START_RE.lastIndex = m.index + m[0].length;
  }
  return out;
}
