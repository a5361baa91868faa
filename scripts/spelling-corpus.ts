// Measures the spelling rule on real legitimate mail from the shared corpus and writes the
// "Spelling" section of docs/corpus.md:
//   - false flags: findings per 1,000 words on clean French and English mail (every finding on
//     legitimate, published mail is counted as false, though a few are real typos);
//   - detection: typos injected at known places into that clean text (dropped accents,
//     transpositions, doubled and dropped letters, `à` written `a`), the draft linted again, and
//     the share of injected typos that get a finding on exactly the changed word.
// Usage: node --import tsx scripts/spelling-corpus.ts [--list] [--grammar] [corpus-dir]
//   --list     also prints every finding on the clean mail and every missed typo that makes
//              another word, with their context, to study false flags and misses
//   --grammar  also runs the `grammar` rule with Grammalecte (French; Debian python3-grammalecte)
//              and prints, without touching docs/corpus.md, the figures of spelling and grammar
//              together: what a user with Grammalecte installed sees
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readDraft } from '../src/cli/files';
import { detectKind, lint } from '../src/engine/lint';
import type { Rule } from '../src/engine/rule';
import { grammar as grammarRule } from '../src/engine/rules/grammar';
import { spelling } from '../src/engine/rules/spelling';
import { wordsOf } from '../src/engine/text/words';
import type { Finding } from '../src/engine/types';
import { startGrammalecte } from '../src/grammar/grammalecte';
import { checkGrammar, type GrammarBackend } from '../src/grammar/index';
import { ContextModel } from '../src/engine/spelling/context';
import type { Speller } from '../src/engine/spelling/speller';
import { loadSpeller } from '../src/spelling/index';
import { findCorpus } from './corpus-dir';
import { contextSources, learnContext } from './spelling-context';

const root = resolve(__dirname, '..');
const args = process.argv.slice(2);
const LIST = args.includes('--list');
const GRAMMAR = args.includes('--grammar');
const dirArg = args.find((a) => !a.startsWith('--'));
const corpus = resolve(dirArg ?? findCorpus(root) ?? join(root, '..', 'shared', 'corpus'));
const RULES = GRAMMAR ? [spelling as unknown as Rule, grammarRule as unknown as Rule] : [spelling as unknown as Rule];
// Drafts Mailproof lints: HTML (with template syntax), MJML, text and .eml. HAML and Slim
// sources are not HTML and are left out.
const KINDS = /\.(html?|mjml|twig|erb|txt|text|eml)$/i;
const INJECTIONS_PER_FILE = 4;

interface Source {
  file: string;
  path: string;
  lang: 'fr' | 'en';
  group: string;
}

function sources(): Source[] {
  const out: Source[] = [];
  const tsv = join(corpus, 'train', 'SOURCES.tsv');
  if (existsSync(tsv)) {
    for (const line of readFileSync(tsv, 'utf8').split('\n').slice(1)) {
      const [file, label, lang, kind] = line.split('\t');
      if (label !== 'ham' || (lang !== 'fr' && lang !== 'en') || !KINDS.test(file ?? '')) continue;
      // English ham is mostly personal mail from 2002; the newsletters and plain-text ones are the drafts this tool is for.
      if (lang === 'en' && kind === 'eml') continue;
      out.push({ file, path: join(corpus, 'train', 'ham', file), lang, group: `${lang} ${file.split('__')[0]}` });
    }
  }
  return out.filter((s) => existsSync(s.path));
}

// A small deterministic generator (mulberry32), so the injected typos are the same on every run.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind = 'accent' | 'transposition' | 'double' | 'drop' | 'a-grave';
const ACCENTS: Record<string, string> = { é: 'e', è: 'e', ê: 'e', à: 'a', â: 'a', ù: 'u', û: 'u', ô: 'o', î: 'i', ï: 'i', ç: 'c' };

/** A typo of a word, or undefined when this kind does not apply to it. */
function typo(word: string, kind: Kind, r: () => number): string | undefined {
  const n = word.length;
  const at = 1 + Math.floor(r() * (n - 2));
  switch (kind) {
    case 'accent': {
      const i = [...word].findIndex((c) => c in ACCENTS);
      return i < 0 ? undefined : word.slice(0, i) + ACCENTS[word[i]] + word.slice(i + 1);
    }
    case 'transposition':
      return word[at] === word[at + 1] || at + 1 >= n ? undefined : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    case 'double':
      return word.slice(0, at + 1) + word[at] + word.slice(at + 1);
    case 'drop':
      return word.slice(0, at) + word.slice(at + 1);
    case 'a-grave':
      return word === 'à' ? 'a' : undefined;
  }
}

interface Stats {
  files: number;
  words: number;
  flags: number;
  injected: number;
  found: number;
  foundNonWords: number;
  nonWords: number;
  byKind: Record<string, { injected: number; found: number }>;
}

async function main() {
  const speller = await loadSpeller();
  let checker: GrammarBackend | undefined;
  if (GRAMMAR) {
    checker = await startGrammalecte();
    if (!checker) throw new Error('--grammar needs Grammalecte (apt install python3-grammalecte)');
  }
  // The real-word check's counts are learned from French mail, this mail among it. So that
  // no draft is measured with counts learned from its own text, the French legitimate sources
  // are split in two folds (alternately, by name): each fold is linted with counts learned
  // from the other fold's templates and all the French spam, by the same learning script.
  const list = sources();
  const frSources = [...new Set(list.filter((s) => s.lang === 'fr').map((s) => s.file.split('__')[0]))].sort();
  const foldOf = (source: string) => frSources.indexOf(source) % 2;
  const learnable = contextSources(corpus);
  const foldSpellers: Speller[] = [0, 1].map((k) => ({
    has: (l) => speller.has(l),
    check: (w, l) => speller.check(w, l),
    suggest: (w, l) => speller.suggest(w, l),
    context: { fr: new ContextModel(learnContext(learnable.filter((f) => !(f.label === 'ham' && foldOf(f.source) === k)), speller)) },
  }));
  const spellerOf = (s: Source) => (s.lang === 'fr' ? foldSpellers[foldOf(s.file.split('__')[0])] : speller);
  // A lint with grammar results when asked: the paragraphs go to Grammalecte first.
  const lintWith = async (text: string, kind: ReturnType<typeof detectKind>, sp: Speller) => {
    if (!checker) return lint(text, { kind, rules: RULES, speller: sp });
    const model = lint(text, { kind, rules: [] }).model;
    return lint(text, { kind, rules: RULES, speller: sp, grammar: await checkGrammar(model, [checker]) });
  };
  const stats = new Map<string, Stats>();
  const flagged = new Map<string, number>();
  const missed: string[] = [];
  let lintMs = 0;
  for (const [index, s] of list.entries()) {
    const draft = readDraft(s.path);
    if ('reason' in draft) continue;
    const text = draft.text;
    const kind = detectKind(s.file.replace(/\.(erb|twig)$/i, '.html'), text);
    const t0 = performance.now();
    const run = await lintWith(text, kind, spellerOf(s));
    lintMs += performance.now() - t0;
    const views = [...(run.model.subject ? [run.model.subject] : []), ...run.model.parts.map((p) => p.text)];
    const words = views.reduce((n, v) => n + wordsOf(v).count, 0);
    const st = stats.get(s.lang) ?? { files: 0, words: 0, flags: 0, injected: 0, found: 0, foundNonWords: 0, nonWords: 0, byKind: {} };
    stats.set(s.lang, st);
    st.files++;
    st.words += words;
    st.flags += run.findings.length;
    for (const f of run.findings) {
      const w = String(f.data?.word ?? '');
      flagged.set(`${s.lang} ${w}`, (flagged.get(`${s.lang} ${w}`) ?? 0) + 1);
      if (LIST) console.log(`${s.lang}\t${f.ruleId === "spelling" ? w : `[${f.ruleId}] ${f.message}`}\t${text.slice(Math.max(0, f.start - 50), f.end + 50).replace(/\s+/g, ' ')}\t${s.file}`);
    }

    // Inject typos into words of the body that the rule checked and accepted, far from findings.
    const part = run.model.parts[0];
    if (!part) continue;
    const view = part.text;
    const ws = wordsOf(view);
    if (ws.count < 20) continue;
    const r = rng(index + 1);
    const edits: Array<{ start: number; end: number; word: string; typo: string; kind: Kind; nonWord: boolean }> = [];
    const kinds: Kind[] = s.lang === 'fr' ? ['accent', 'transposition', 'double', 'drop', 'a-grave'] : ['transposition', 'double', 'drop'];
    for (let tries = 0; tries < 200 && edits.length < INJECTIONS_PER_FILE; tries++) {
      const i = Math.floor(r() * ws.count);
      const word = ws.text(i);
      const k = kinds[Math.floor(r() * kinds.length)];
      // Lowercase prose words the dictionary knows; `à` for its own typo.
      if (k === 'a-grave' ? word !== 'à' : word.length < 4 || word !== word.toLowerCase() || !/^\p{L}+$/u.test(word) || !speller.check(word, s.lang)) continue;
      // Skip words inside a run the checker skips (URLs, codes) and words next to a finding.
      const before = view.text[ws.from[i] - 1] ?? ' ';
      const after = view.text[ws.to[i]] ?? ' ';
      if (!/[\s,;!?()«»"\u2029\u00a0]/.test(before) || !/[\s,.;!?()«»"\u2029\u00a0]/.test(after)) continue;
      if (!view.isExact(ws.from[i], ws.to[i])) continue;
      const src = view.sourceRange(ws.from[i], ws.to[i]);
      // Spelling findings only, so that --grammar injects the same typos.
      if (run.findings.some((f) => f.ruleId === 'spelling' && f.end >= src.start - 40 && f.start <= src.end + 40)) continue;
      if (edits.some((e) => Math.abs(e.start - src.start) < 80)) continue;
      const t = typo(word, k, r);
      if (!t || t === word) continue;
      edits.push({ ...src, word, typo: t, kind: k, nonWord: k === 'a-grave' || !speller.check(t, s.lang) });
    }
    if (edits.length === 0) continue;
    edits.sort((a, b) => b.start - a.start);
    let changed = text;
    for (const e of edits) changed = changed.slice(0, e.start) + e.typo + changed.slice(e.end);
    // Offsets of each edit in the changed text.
    edits.sort((a, b) => a.start - b.start);
    let shift = 0;
    const placed = edits.map((e) => {
      const p = { ...e, start: e.start + shift, end: e.start + shift + e.typo.length };
      shift += e.typo.length - (e.end - e.start);
      return p;
    });
    const again = (await lintWith(changed, kind, spellerOf(s))).findings;
    for (const e of placed) {
      const hit = again.some((f: Finding) => f.start === e.start && f.end === e.end);
      st.injected++;
      if (hit) st.found++;
      if (e.nonWord) {
        st.nonWords++;
        if (hit) st.foundNonWords++;
        else if (missed.length < 40) {
          // For `a` the words around it are what the rule reads.
          const around = e.kind === 'a-grave' ? ` “${changed.slice(Math.max(0, e.start - 25), e.end + 25).replace(/\s+/g, ' ').trim()}”` : '';
          missed.push(`${s.lang} ${e.kind}: ${e.word} → ${e.typo}${around} (${s.file})`);
        }
      }
      if (!hit && !e.nonWord && LIST) console.log(`missed\t${s.lang} ${e.kind}: ${e.word} → ${e.typo} “${changed.slice(Math.max(0, e.start - 30), e.end + 30).replace(/\s+/g, ' ')}”`);
      const bk = (st.byKind[e.kind] ??= { injected: 0, found: 0 });
      bk.injected++;
      if (hit) bk.found++;
    }
  }

  const per1000 = (st: Stats) => ((1000 * st.flags) / Math.max(1, st.words)).toFixed(2);
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
  const lines: string[] = [
    '<!-- spelling:start -->',
    '## Spelling',
    '',
    'Generated by `node --import tsx scripts/spelling-corpus.ts` from the legitimate French and English mail',
    'of `train/` (French templates as HTML, MJML, Twig, ERB and text; English newsletters as HTML and text),',
    'with the `spelling` rule alone and the real Hunspell dictionaries. Every finding on this published mail',
    'counts as a false flag, though some are real typos. Typos are then injected at known places (a seeded',
    `generator, at most ${INJECTIONS_PER_FILE} per file, into words the dictionary knows) and the draft is linted again:`,
    'a typo counts as found when a finding covers exactly the changed word. A typo that makes another',
    'real word (`form` → `from`, `votre` → `vote`) is out of a dictionary\'s reach; the rule\'s context checks',
    'find some: `a` for `à`, `vos` for `vous`, and in French a real-word check that weighs the words around a',
    'rare word against a frequent word one slip away (`vote` → `votre`, `comte` → `compte`, `pur` → `pour`), on',
    'counts learned by `scripts/spelling-context.ts` from the French mail of `train/`. Those counts never',
    `come from the draft measured: the French sources are split in two folds (alternately by name: ${frSources.filter((x) => foldOf(x) === 0).join(', ')} | ${frSources.filter((x) => foldOf(x) === 1).join(', ')}),`,
    'and each fold is linted, clean and with typos, with counts learned from the other fold and the French spam.',
    'Detection is given on all injected typos and on those that are not words (`a` for `à` counted with them).',
    'The optional `grammar` rule is not counted here.',
    '',
    '| language | files | words | findings | per 1,000 words | injected | found | non-word typos found |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [lang, st] of [...stats].sort()) {
    lines.push(`| ${lang} | ${st.files} | ${st.words} | ${st.flags} | ${per1000(st)} | ${st.injected} | ${pct(st.found, st.injected)} | ${pct(st.foundNonWords, st.nonWords)} (${st.foundNonWords} / ${st.nonWords}) |`);
  }
  lines.push('', '| language | typo | injected | found |', '|---|---|---:|---:|');
  for (const [lang, st] of [...stats].sort()) for (const [k, v] of Object.entries(st.byKind).sort()) lines.push(`| ${lang} | ${k} | ${v.injected} | ${pct(v.found, v.injected)} |`);
  const top = [...flagged].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 30);
  lines.push('', `Most frequent findings (word: files × occurrences): ${top.map(([w, n]) => `\`${w}\` ${n}`).join(', ')}.`);
  if (missed.length) lines.push('', `Missed non-word typos (first ${missed.length}): ${missed.map((m) => `\`${m}\``).join(', ')}.`);
  lines.push('<!-- spelling:end -->', '');

  checker?.close();
  if (GRAMMAR) {
    // Not the docs' figures: those are the spelling rule's, with nothing optional installed.
    const head = lines.findIndex((l) => l.startsWith('| language | files'));
    console.log(['spelling + grammar (Grammalecte):', ...lines.slice(head, head + 2 + stats.size)].join('\n'));
    console.log(lines.slice(lines.indexOf('| language | typo | injected | found |')).filter((l) => l.startsWith('|')).join('\n'));
    return;
  }
  const target = join(root, 'docs', 'corpus.md');
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  const start = current.indexOf('<!-- spelling:start -->');
  const end = current.indexOf('<!-- spelling:end -->');
  const section = lines.join('\n');
  const next = start >= 0 && end > start ? current.slice(0, start) + section + current.slice(end + '<!-- spelling:end -->\n'.length) : `${current.trimEnd()}\n\n${section}`;
  writeFileSync(target, next);
  console.log(section);
  console.log(`lint time with spelling: ${Math.round(lintMs)} ms for ${list.length} files`);
}

void main();
