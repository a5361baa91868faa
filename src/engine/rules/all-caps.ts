import { makeFix } from '../fix';
import type { Edit } from '../types';
import { defineRule } from '../rule';
import { textTargets } from '../text/targets';
import { BLOCK_BREAK, MERGE_TAG_MASK, type TextView } from '../text/view';
import { wordsOf, type Word } from '../text/words';

/** Capitals that are names, not shouting; users add their own with `mailproof.acronyms`. */
export const DEFAULT_ACRONYMS = [
  'PDF', 'HTML', 'CSS', 'URL', 'FAQ', 'CEO', 'CTO', 'CFO', 'HR', 'IT', 'API', 'SMS', 'PS', 'NB', 'OK', 'ID', 'UK', 'USA', 'EU', 'UE',
  'TVA', 'SIRET', 'SIREN', 'RCS', 'SAS', 'SASU', 'SARL', 'EURL', 'SA', 'TTC', 'HT', 'CGV', 'CGU', 'RGPD', 'GDPR', 'CNIL', 'RSVP',
  'IBAN', 'BIC', 'PIN', 'VIP', 'TV', 'DVD', 'GPS', 'USB', 'PC', 'AM', 'PM', 'UTC', 'CET', 'CEST', 'ISO', 'NASA', 'UNESCO', 'PME', 'TPE', 'ETI',
];

// Words of 2–4 capitals standing alone are read as acronyms (PDF, TVA, SIRET is in the list).
const STANDALONE_ACRONYM_MAX_LETTERS = 4;

type Kind = 'upper' | 'lower' | 'neutral' | 'acronym';

export const allCaps = defineRule({
  id: 'all-caps',
  category: 'content',
  defaultSeverity: 'warning',
  weight: 0.6,
  fixable: true,
  options: {
    // SpamAssassin's body rule for capitals (UPPERCASE_50_75) starts at half the letters; a
    // stricter 30% catches drafts before they get there.
    minWords: { type: 'integer', default: 3, minimum: 2 },
    maxUppercaseRatio: { type: 'number', default: 0.3, minimum: 0, maximum: 1 },
    minLettersForRatio: { type: 'integer', default: 200, minimum: 1 },
  },
  check(ctx) {
    const acronyms = new Set([...DEFAULT_ACRONYMS, ...ctx.settings.acronyms].map((a) => a.toUpperCase()));
    const source = ctx.model.source;
    for (const { view, isSubject } of textTargets(ctx.model)) {
      const words = wordsOf(view);
      if (words.length === 0) continue;
      const kinds = words.map((w) => classify(w.text, acronyms));
      const reported: Array<[number, number]> = [];
      const report = (from: number, to: number, message: string) => {
        reported.push([from, to]);
        const { start, end } = view.sourceRange(from, to);
        const fix = sentenceCaseEdit(view, source, from, to, acronyms);
        ctx.report({ start, end, message, fixes: fix ? [makeFix(ctx.t('fix.sentenceCase'), fix, true)!] : [] });
      };

      // 1. Runs of capitalised words within a block.
      let runStart = -1;
      let runCount = 0;
      let runEnd = -1;
      const flushRun = () => {
        if (runStart >= 0 && runCount >= ctx.options.minWords) report(words[runStart].from, words[runEnd].to, ctx.t('all-caps.run', { count: runCount }));
        runStart = -1;
        runCount = 0;
      };
      for (let i = 0; i < words.length; i++) {
        if (i > 0 && view.text.slice(words[i - 1].to, words[i].from).includes(BLOCK_BREAK)) flushRun();
        const k = kinds[i];
        if (k === 'upper' || (k === 'acronym' && runStart >= 0 && nextIsUpper(kinds, i))) {
          if (runStart < 0) runStart = i;
          if (k === 'upper') runCount++;
          runEnd = i;
        } else if (k === 'lower') flushRun();
      }
      flushRun();

      // 2. Whole sentences (or the whole subject) in capitals.
      for (const s of sentences(view.text, words)) {
        if (s.length === 0) continue;
        const from = words[s[0]].from;
        const to = words[s[s.length - 1]].to;
        if (reported.some(([a, b]) => from < b && a < to)) continue;
        let upperWords = 0;
        let upperLetters = 0;
        let lower = false;
        for (const i of s) {
          if (kinds[i] === 'lower') lower = true;
          else if (kinds[i] === 'upper') {
            upperWords++;
            upperLetters += letterCount(words[i].text);
          }
        }
        if (lower) continue;
        const shouting = isSubject ? upperLetters > STANDALONE_ACRONYM_MAX_LETTERS : upperWords >= 2 && upperLetters >= 8;
        if (shouting) report(from, to, ctx.t(isSubject ? 'all-caps.subject' : 'all-caps.sentence'));
      }

      // 3. Share of capitals in a long body.
      if (!isSubject) {
        let letters = 0;
        let capitals = 0;
        for (let i = 0; i < words.length; i++) {
          if (kinds[i] === 'acronym') continue;
          for (const ch of words[i].text) {
            if (ch.toLowerCase() === ch.toUpperCase()) continue;
            letters++;
            if (ch !== ch.toLowerCase()) capitals++;
          }
        }
        if (letters >= ctx.options.minLettersForRatio && capitals / letters > ctx.options.maxUppercaseRatio) {
          const first = words.findIndex((_, i) => kinds[i] === 'upper');
          const at = first >= 0 ? words[first] : words[0];
          const { start, end } = view.sourceRange(at.from, at.to);
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

function letterCount(word: string): number {
  let n = 0;
  for (const ch of word) if (ch.toLowerCase() !== ch.toUpperCase()) n++;
  return n;
}

function classify(word: string, acronyms: Set<string>): Kind {
  let upper = 0;
  let lower = 0;
  for (const ch of word) {
    const l = ch.toLowerCase();
    const u = ch.toUpperCase();
    if (l === u) continue;
    if (ch === u) upper++;
    else lower++;
  }
  if (lower > 0) return 'lower';
  if (upper < 2) return 'neutral';
  if (acronyms.has(word.toUpperCase())) return 'acronym';
  return 'upper';
}

// An acronym inside a run of capitals is part of the shouting (FREE PDF GUIDE); at its end it is not.
function nextIsUpper(kinds: Kind[], i: number): boolean {
  for (let j = i + 1; j < kinds.length; j++) {
    if (kinds[j] === 'upper') return true;
    if (kinds[j] === 'lower') return false;
  }
  return false;
}

// Word indexes of each sentence: sentences end at . ! ? … and at block boundaries.
function sentences(text: string, words: Word[]): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if (i > 0 && /[.!?…\u2029]/.test(text.slice(words[i - 1].to, words[i].from))) {
      out.push(current);
      current = [];
    }
    current.push(i);
  }
  out.push(current);
  return out;
}

// Lowercases a range piece by piece (markup between pieces stays), keeping acronyms and
// merge tags, with a capital at a sentence start.
function sentenceCaseEdit(view: TextView, source: string, from: number, to: number, acronyms: Set<string>): Edit[] | undefined {
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
    let out = original.replace(MERGE_TAG_OR_WORD, (m, tag: string | undefined, word: string | undefined) => {
      if (tag) return tag;
      return acronyms.has(word!.toUpperCase()) ? word! : word!.toLowerCase();
    });
    if (capitalize && /\p{L}/u.test(out)) {
      out = out.replace(/\p{L}/u, (c) => c.toUpperCase());
      capitalize = false;
    }
    if (out !== text.slice(seg.textFrom, seg.textTo)) edits.push({ start: seg.start, end: seg.end, newText: view.encode(out) });
  }
  return edits.length ? edits : undefined;
}

const MERGE_TAG_OR_WORD = /(\*\|[^|]*\|\*|\{\{[^}]*\}\}|\{%[^%]*%\}|%%[^%]*%%|\[\[[^\]]*\]\]|<%[^%]*%>)|([\p{L}\p{N}]+)/gu;
