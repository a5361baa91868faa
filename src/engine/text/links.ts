import type { TextView } from './view';

// URLs, `www.` hosts, e-mail addresses and bare domains written in visible text. Their words
// are addresses, not prose: `example.com/offre-gratuite` offers nothing, and rewording it would
// break the link. The text is cut into space-separated tokens first, so that the check stays
// linear whatever the input; a bare domain needs a lowercase top-level label, so that a missing
// space after a full stop (`gratuit.Le`) stays prose.
const TOKEN_RE = /[^\s\u2029\uFFFC<>"«»()[\]{}]+/g;
const URL_RE = /^(?:[a-z][a-z\d+.-]*:\/\/|www\.)/i;
const EMAIL_RE = /^[^@]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+$/u;
const DOMAIN_RE = /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[a-z]{2,24}(?:[/?#:].*)?$/u;
const TRAILING_PUNCT_RE = /[.,;:!?'’]+$/;
const cache = new WeakMap<TextView, Array<[number, number]>>();

/** Text ranges `[from, to)` of the links and addresses written in a view, in order; computed once per view. */
export function linkRanges(view: TextView): ReadonlyArray<readonly [number, number]> {
  let out = cache.get(view);
  if (!out) {
    out = [];
    const text = view.text;
    TOKEN_RE.lastIndex = 0;
    for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
      const token = m[0].replace(TRAILING_PUNCT_RE, '');
      if (!token.includes('.') && !token.includes(':')) continue;
      if (URL_RE.test(token) || EMAIL_RE.test(token) || DOMAIN_RE.test(token)) out.push([m.index, m.index + token.length]);
    }
    cache.set(view, out);
  }
  return out;
}
