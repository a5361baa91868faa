import { PROVIDER_DOMAINS } from './data/providers';

const KNOWN = new Set(PROVIDER_DOMAINS);
// Candidates by length, so a domain is only compared with those it could be a typo of.
const BY_LENGTH = new Map<number, string[]>();
for (const d of PROVIDER_DOMAINS) {
  const list = BY_LENGTH.get(d.length) ?? [];
  list.push(d);
  BY_LENGTH.set(d.length, list);
}

/** Whether the domain is one of the shipped providers. */
export function isKnownProvider(domain: string): boolean {
  return KNOWN.has(domain);
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a
 * substring) between two short strings, or `max + 1` as soon as it must exceed `max`.
 * Insertion, deletion, substitution and transposition of neighbours (`hotmial`) cost 1.
 */
export function editDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  let prevPrev = new Array<number>(m + 1).fill(0);
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prevPrev[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return prev[m];
}

// Short domains are one keystroke from many real ones (`sfr.fr`, `sfe.fr`), so they need an
// exact provider; longer ones allow one edit, and from 12 characters two.
function maxDistance(length: number): number {
  if (length < 7) return 0;
  return length < 12 ? 1 : 2;
}

/**
 * The provider domain a hand-typed domain most likely meant (`orange.fe` → `orange.fr`,
 * `hotmial.fr` → `hotmail.fr`), or undefined when it is a provider or near none.
 */
export function suggestDomain(domain: string): string | undefined {
  if (KNOWN.has(domain)) return undefined;
  const max = maxDistance(domain.length);
  if (max === 0) return undefined;
  let best: string | undefined;
  let bestDistance = max + 1;
  let bestRank = Infinity;
  for (let len = domain.length - max; len <= domain.length + max; len++) {
    for (const candidate of BY_LENGTH.get(len) ?? []) {
      const d = editDistance(domain, candidate, Math.min(max, bestDistance));
      const rank = PROVIDER_DOMAINS.indexOf(candidate);
      if (d < bestDistance || (d === bestDistance && d <= max && rank < bestRank)) {
        best = candidate;
        bestDistance = d;
        bestRank = rank;
      }
    }
  }
  return bestDistance <= max ? best : undefined;
}
