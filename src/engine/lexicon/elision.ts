import { fold } from '../text/normalize';

/**
 * French elision around a replaced phrase. French drops the vowel of a short word before a
 * vowel (`la offre` is written `l’offre`, `de argent` is `d’argent`), so swapping a phrase for
 * an alternative that starts with a vowel, or a consonant, may have to change the word before
 * it too: `la promotion spéciale` → `l’offre du moment`, `d’argent facile` → `de revenus`.
 */

// Short words that elide, and their full forms.
const FULL: Record<string, string> = { l: '', d: 'de', j: 'je', m: 'me', t: 'te', s: 'se', n: 'ne', qu: 'que', jusqu: 'jusque', lorsqu: 'lorsque', puisqu: 'puisque' };
const ELIDED: Record<string, string> = { le: 'l', la: 'l', de: 'd', je: 'j', me: 'm', te: 't', se: 's', ne: 'n', que: 'qu', jusque: 'jusqu', lorsque: 'lorsqu', puisque: 'puisqu' };

// At most this many characters of context are needed: `puisqu’` plus a boundary.
const CONTEXT_CHARS = 10;
const ELIDED_BEFORE = /(?:^|[^\p{L}])(l|d|j|m|t|s|n|qu|jusqu|lorsqu|puisqu)['’]$/iu;
const FULL_BEFORE = /(?:^|[^\p{L}])(le|la|de|je|me|te|se|ne|que|jusque|lorsque|puisque)[ \u00a0]+$/iu;

// A mute h is not told from an aspirated one without a dictionary: words in h are left alone.
function startsWith(text: string): 'vowel' | 'consonant' | 'other' {
  const c = fold(text.charAt(0));
  if ('aeiouœæ'.includes(c)) return 'vowel';
  if (c === 'h' || !/\p{L}/u.test(c)) return 'other';
  return 'consonant';
}

function sameCase(model: string, word: string): string {
  return model.charAt(0) === model.charAt(0).toUpperCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/**
 * How to put `replacement` in place of the text that starts at `from`: the offset where the
 * edit starts and the text to write from there, or undefined when the result cannot be
 * written without knowing the noun's gender (`l’argent` → `le budget` or `la …`?).
 */
export function elide(text: string, from: number, replacement: string): { from: number; text: string } | undefined {
  const before = text.slice(Math.max(0, from - CONTEXT_CHARS), from);
  const kind = startsWith(replacement);
  if (kind === 'consonant') {
    const m = ELIDED_BEFORE.exec(before);
    if (!m) return { from, text: replacement };
    const full = FULL[m[1].toLowerCase()];
    if (!full) return undefined;
    return { from: from - m[1].length - 1, text: `${sameCase(m[1], full)} ${replacement}` };
  }
  if (kind === 'vowel') {
    const m = FULL_BEFORE.exec(before);
    if (!m) return { from, text: replacement };
    const start = from - m[0].length + m[0].indexOf(m[1]);
    return { from: start, text: `${sameCase(m[1], ELIDED[m[1].toLowerCase()])}’${replacement}` };
  }
  return { from, text: replacement };
}
