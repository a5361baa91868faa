/**
 * Case- and accent-folding for matching: `Spéciale` and `SPECIALE` both fold to `speciale`.
 * Folding keeps the length of the string, so offsets stay valid.
 */

const cache = new Map<string, string>();

function foldChar(ch: string): string {
  let out = cache.get(ch);
  if (out === undefined) {
    const stripped = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out = stripped.length === 1 ? stripped : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
    if (ch === '\u2019' || ch === '\u02bc') out = "'";
    cache.set(ch, out);
  }
  return out;
}

/** Lowercases and removes diacritics, character by character, keeping the length. */
export function fold(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return text.toLowerCase();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c < 0x80 ? String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c) : foldChar(text[i]);
  }
  return out;
}
