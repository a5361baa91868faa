/**
 * Emoji as users see them: one emoji per grapheme, whether a single code point (😀), a
 * pictograph made emoji by VS16 (❤️), a keycap (1️⃣), a flag (🇫🇷) or a ZWJ sequence (👩‍💻),
 * with skin-tone modifiers. Text-style symbols such as © ® ™ are not counted unless VS16
 * turns them into emoji.
 */
export const EMOJI_RE =
  /\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)\p{Emoji_Modifier}?(?:\u200D(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F?)\p{Emoji_Modifier}?)*/gu;

/** Emoji occurrences in a text, as `[from, to)` ranges. */
export function findEmoji(text: string): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  EMOJI_RE.lastIndex = 0;
  for (let m = EMOJI_RE.exec(text); m; m = EMOJI_RE.exec(text)) out.push({ from: m.index, to: m.index + m[0].length });
  return out;
}
