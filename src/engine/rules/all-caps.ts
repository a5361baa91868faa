import { makeSuggestion } from '../fix';
import type { Edit } from '../types';
import { defineRule } from '../rule';
import { textTargets } from '../text/targets';
import { BLOCK_BREAK, MERGE_TAG_MASK, mergeTagRanges, type TextView } from '../text/view';
import { GAP_BLOCK_BREAK, GAP_SENTENCE_END, type Words, wordsOf } from '../text/words';

/** Capitals that are names, not shouting; users add their own with `mailproof.acronyms`. */
export const DEFAULT_ACRONYMS = [
  'PDF', 'HTML', 'CSS', 'URL', 'FAQ', 'CEO', 'CTO', 'CFO', 'HR', 'IT', 'API', 'SMS', 'PS', 'NB', 'OK', 'ID', 'UK', 'USA', 'EU', 'UE',
  'TVA', 'SIRET', 'SIREN', 'RCS', 'SAS', 'SASU', 'SARL', 'EURL', 'SA', 'TTC', 'HT', 'CGV', 'CGU', 'RGPD', 'GDPR', 'CNIL', 'RSVP',
  'IBAN', 'BIC', 'PIN', 'VIP', 'TV', 'DVD', 'GPS', 'USB', 'PC', 'AM', 'PM', 'UTC', 'CET', 'CEST', 'ISO', 'NASA', 'UNESCO', 'PME', 'TPE', 'ETI',
];

// The acronyms of a lint that adds none, made once.
const DEFAULT_ACRONYM_SET: ReadonlySet<string> = new Set(DEFAULT_ACRONYMS.map((a) => a.toUpperCase()));

// Words of 2–4 capitals standing alone are read as acronyms (PDF, TVA, SIRET is in the list).
const STANDALONE_ACRONYM_MAX_LETTERS = 4;

// Word kinds.
const UPPER = 1;
const LOWER = 2;
const NEUTRAL = 3; // digits, single letters
const ACRONYM = 4;

export const allCaps = defineRule({
  id: 'all-caps',
  category: 'content',
  defaultSeverity: 'warning',
  weight: 0.6,
  fixable: false,
  hasSuggestions: true,
  options: {
    // SpamAssassin's body rule for capitals (UPPERCASE_50_75) starts at half the letters; a
    // stricter 30% catches drafts before they get there.
    minWords: { type: 'integer', default: 3, minimum: 2 },
    maxUppercaseRatio: { type: 'number', default: 0.3, minimum: 0, maximum: 1 },
    minLettersForRatio: { type: 'integer', default: 200, minimum: 1 },
  },
  check(ctx) {
    const acronyms = ctx.settings.acronyms.length ? new Set([...DEFAULT_ACRONYMS, ...ctx.settings.acronyms].map((a) => a.toUpperCase())) : DEFAULT_ACRONYM_SET;
    const source = ctx.model.source;
    for (const { view, isSubject } of textTargets(ctx.model)) {
      const words = wordsOf(view);
      const n = words.count;
      if (n === 0) continue;
      const { from: wordFrom, to: wordTo, upper: wordUpper, gapBefore: gaps } = words;
      // The letters and capitals of the words that are not acronyms (part 3), and the words in
      // capitals, from the few words the word pass found with capitals only.
      let letters = words.upperTotal + words.lowerTotal;
      let capitals = words.upperTotal;
      let upperWords = 0;
      let firstUpper = -1;
      for (let c = 0; c < words.capitalsCount; c++) {
        const i = words.capitalsAt[c];
        if (classify(words, i, acronyms) === ACRONYM) {
          letters -= wordUpper[i];
          capitals -= wordUpper[i];
        } else {
          upperWords++;
          if (firstUpper < 0) firstUpper = i;
        }
      }
      // Runs reported, in text order: a sentence inside one is not reported again.
      const reported: Array<[number, number]> = [];
      const report = (from: number, to: number, message: string) => {
        reported.push([from, to]);
        const { start, end } = view.sourceRange(from, to);
        const fix = sentenceCaseEdit(view, source, from, to, acronyms);
        // A suggestion: sentence case guesses which words are names and acronyms.
        ctx.report({ start, end, message, suggestions: fix ? [makeSuggestion(ctx.t('fix.sentenceCase'), fix)] : [] });
      };

      // A run holds at least one word in capitals and at least minWords of them; a sentence of
      // the body at least two, the subject's one: without enough such words, the forward pass has
      // nothing to find (most texts have none, or a stray postal code).
      const minWords = ctx.options.minWords;
      if (upperWords > 0 && (isSubject || upperWords >= 2 || minWords < 2)) {
        // One backward pass: each word's kind, and whether the next word with case is in
        // capitals, since an acronym inside a run of capitals is part of the shouting (FREE PDF
        // GUIDE) and at its end it is not.
        const kinds = new Uint8Array(n);
        const upperFollows = new Uint8Array(n);
        classifyWords(words, acronyms, kinds, upperFollows);
        // One forward pass finds (1) the runs of capitalised words within a block (first word, last
        // word, capitalised words) and (2) the sentences with capitals and no lowercase word
        // (first word, last word, capitals); runs are reported first, then those sentences.
        const runs: number[] = [];
        let runStart = -1;
        let runCount = 0;
        let runEnd = -1;
        const sentences: number[] = [];
        let first = 0;
        let lower = false;
        let sentenceWords = 0;
        let sentenceLetters = 0;
        for (let i = 0; i <= n; i++) {
          if (i === n || (i > 0 && gaps[i] & GAP_SENTENCE_END)) {
            if (!lower && sentenceWords > 0) sentences.push(first, i - 1, sentenceWords, sentenceLetters);
            first = i;
            lower = false;
            sentenceWords = 0;
            sentenceLetters = 0;
          }
          const k = i < n ? kinds[i] : LOWER;
          if (k === LOWER) lower = true;
          else if (k === UPPER) {
            sentenceWords++;
            sentenceLetters += wordUpper[i];
          }
          if (i === n || (i > 0 && gaps[i] & GAP_BLOCK_BREAK) || k === LOWER) {
            if (runStart >= 0 && runCount >= minWords) runs.push(runStart, runEnd, runCount);
            runStart = -1;
            runCount = 0;
            if (i === n || k === LOWER) continue;
          }
          if (k === UPPER || (k === ACRONYM && runStart >= 0 && upperFollows[i])) {
            if (runStart < 0) runStart = i;
            if (k === UPPER) runCount++;
            runEnd = i;
          }
        }
        for (let r = 0; r < runs.length; r += 3) report(wordFrom[runs[r]], wordTo[runs[r + 1]], ctx.t('all-caps.run', { count: runs[r + 2] }));

        // 2. Whole sentences (or the whole subject) in capitals, unless inside a run reported.
        const runsReported = reported.length;
        let seen = 0;
        for (let s = 0; s < sentences.length; s += 4) {
          const from = wordFrom[sentences[s]];
          const to = wordTo[sentences[s + 1]];
          while (seen < runsReported && reported[seen][1] <= from) seen++;
          if (seen < runsReported && reported[seen][0] < to) continue;
          const shouting = isSubject ? sentences[s + 3] > STANDALONE_ACRONYM_MAX_LETTERS : sentences[s + 2] >= 2 && sentences[s + 3] >= 8;
          if (shouting) report(from, to, ctx.t(isSubject ? 'all-caps.subject' : 'all-caps.sentence'));
        }
      }

      // 3. Share of capitals in a long body.
      if (!isSubject) {
        if (letters >= ctx.options.minLettersForRatio && capitals / letters > ctx.options.maxUppercaseRatio) {
          const at = firstUpper >= 0 ? firstUpper : 0;
          const { start, end } = view.sourceRange(wordFrom[at], wordTo[at]);
          ctx.report({
            start,
            end,
            message: ctx.t('all-caps.ratio', { percent: Math.round((capitals / letters) * 100), limit: Math.round(ctx.options.maxUppercaseRatio * 100) }),
          });
        }
      }
    }
  },
});

// The backward pass of the check: fills `kinds` and `upperFollows`. A function of its own, so
// that it is optimised as a small loop rather than as part of the whole check.
function classifyWords(words: Words, acronyms: ReadonlySet<string>, kinds: Uint8Array, upperFollows: Uint8Array): void {
  for (let i = words.count - 1, next = 0; i >= 0; i--) {
    const k = classify(words, i, acronyms);
    kinds[i] = k;
    upperFollows[i] = next;
    if (k === UPPER) next = 1;
    else if (k === LOWER) next = 0;
  }
}

function classify(words: Words, i: number, acronyms: ReadonlySet<string>): number {
  if (words.lower[i] > 0) return LOWER;
  if (words.upper[i] < 2) return NEUTRAL;
  if (acronyms.has(words.text(i))) return ACRONYM;
  return UPPER;
}

// Lowercases a range piece by piece (markup between pieces stays), keeping acronyms and
// merge tags, with a capital at a sentence start.
function sentenceCaseEdit(view: TextView, source: string, from: number, to: number, acronyms: ReadonlySet<string>): Edit[] | undefined {
  if (!view.editable) return undefined;
  const text = view.text;
  let k = from - 1;
  while (k >= 0 && /[\s"'«“(\u00a0]/.test(text[k]) && text[k] !== BLOCK_BREAK) k--;
  let capitalize = k < 0 || /[.!?…:\u2029]/.test(text[k]);
  const edits: Edit[] = [];
  for (const seg of view.segments(from, to)) {
    let original = text.slice(seg.textFrom, seg.textTo);
    if (original.includes(MERGE_TAG_MASK)) {
      // Merge tags are masked in the text; their source is the original when it maps one to one.
      if (seg.end - seg.start !== seg.textTo - seg.textFrom) return undefined;
      original = source.slice(seg.start, seg.end);
    }
    // Merge tags keep their case; the words between them are lowercased.
    let out = '';
    let pos = 0;
    for (const [a, b] of [...mergeTagRanges(original), [original.length, original.length] as [number, number]]) {
      out += original.slice(pos, a).replace(WORD_RE, (w) => (acronyms.has(w.toUpperCase()) ? w : w.toLowerCase())) + original.slice(a, b);
      pos = b;
    }
    if (capitalize && /\p{L}/u.test(out)) {
      out = out.replace(/\p{L}/u, (c) => c.toUpperCase());
      capitalize = false;
    }
    if (out !== text.slice(seg.textFrom, seg.textTo)) edits.push({ start: seg.start, end: seg.end, newText: view.encode(out) });
  }
  return edits.length ? edits : undefined;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
