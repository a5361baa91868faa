// Calibrates the spam-phrase lexicons against real mail: lints every file of the corpus with the
// spam-phrase rule alone and prints, per lexicon entry and in that entry's language, the share of
// legitimate files it fires on (templates/, ham/, train/ham) and of spam (spam/, train/spam).
// Entries that fire as often on legitimate mail as on spam are false positives to narrow or drop.
// Usage: node --import tsx scripts/phrase-hits.ts [corpus-dir] [--all] [--texts]
//   corpus-dir  defaults to ../shared/corpus or ../../shared/corpus
//   --all       list every entry, not only those that fired
//   --texts     print the matched text and the file for each hit on legitimate mail
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lint } from '../src/engine/lint';
import { en } from '../src/engine/lexicon/en';
import { fr } from '../src/engine/lexicon/fr';
import { displayPhrase } from '../src/engine/lexicon/matcher';
import { rules } from '../src/engine/rules/index';

// Piped into `head`: stop quietly when the reader goes away.
process.stdout.on('error', (err: NodeJS.ErrnoException) => process.exit(err.code === 'EPIPE' ? 0 : 1));

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const root = resolve(__dirname, '..');
const corpus = args.find((a) => !a.startsWith('--')) ?? [join(root, '../shared/corpus'), join(root, '../../shared/corpus')].find((d) => existsSync(d));
if (!corpus || !existsSync(corpus)) {
  console.error('corpus not found; pass its directory as the first argument');
  process.exit(2);
}

const only = rules.filter((r) => r.id === 'spam-phrase');

// Every file with its label and language: templates/ and ham/ are legitimate, spam/ is spam (their
// language is the one the engine detects); train/ says both in SOURCES.tsv.
type Label = 'ham' | 'spam';
interface Item {
  path: string;
  label: Label;
  lang: string;
  group: string;
}
const items: Item[] = [];
for (const [group, label, ext] of [['templates', 'ham', /\.html?$/i], ['ham', 'ham', /\.eml$/i], ['spam', 'spam', /\.eml$/i]] as const) {
  const dir = join(corpus, group);
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((f) => ext.test(f)).sort()) items.push({ path: join(dir, file), label, lang: '', group });
}
const sources = join(corpus, 'train', 'SOURCES.tsv');
if (existsSync(sources)) {
  for (const line of readFileSync(sources, 'utf8').split('\n').slice(1)) {
    const [file, label, lang] = line.split('\t');
    if (!file || (label !== 'ham' && label !== 'spam')) continue;
    const path = join(corpus, 'train', label, file);
    if (existsSync(path)) items.push({ path, label, lang, group: `train/${label}` });
  }
}

// phrase (lexicon:display) -> label -> language -> files it fired on
const hitsOf = new Map<string, Record<Label, Record<string, number>>>();
const totals: Record<Label, Record<string, number>> = { ham: {}, spam: {} };
const texts: string[] = [];
for (const item of items) {
  // latin1 keeps every byte of 8-bit messages; the draft's charset is the parser's business.
  const text = readFileSync(item.path, item.path.endsWith('.eml') ? 'latin1' : 'utf8');
  let run;
  try {
    run = lint(text, { fileName: item.path, rules: only });
  } catch (err) {
    console.error(`${item.path}: ${(err as Error).message}`);
    continue;
  }
  const lang = item.lang || run.language;
  totals[item.label][lang] = (totals[item.label][lang] ?? 0) + 1;
  const seen = new Set<string>();
  for (const f of run.findings) {
    const phrase = `${f.data?.lexicon}:${f.data?.phrase}`;
    if (seen.has(phrase)) continue;
    seen.add(phrase);
    let row = hitsOf.get(phrase);
    if (!row) hitsOf.set(phrase, (row = { ham: {}, spam: {} }));
    row[item.label][lang] = (row[item.label][lang] ?? 0) + 1;
    if (flags.has('--texts') && item.label === 'ham' && (lang === f.data?.lexicon || f.data?.lexicon === 'brand')) {
      const s = Math.max(0, f.start - 40);
      texts.push(`${item.group}/${item.path.split('/').pop()}: ${JSON.stringify(text.slice(s, f.end + 40).replace(/\s+/g, ' '))}`);
    }
  }
}

// Per entry, in its own language: the share of legitimate files it fires on, the share of spam
// files, and their ratio. An entry that fires as often on legitimate mail as on spam (ratio
// under 1) is noise, not a spam signal.
const pct = (n: number, d: number) => (d ? (100 * n) / d : 0);
const entries = [...fr.map((e) => ['fr', e] as const), ...en.map((e) => ['en', e] as const)];
const rows = entries
  .map(([lang, e]) => {
    const r = hitsOf.get(`${lang}:${displayPhrase(e.phrase)}`);
    const h = r?.ham[lang] ?? 0;
    const s = r?.spam[lang] ?? 0;
    const hr = pct(h, totals.ham[lang] ?? 0);
    const sr = pct(s, totals.spam[lang] ?? 0);
    return { lang, phrase: e.phrase, h, s, hr, sr, ratio: hr === 0 ? Infinity : sr / hr };
  })
  .filter((r) => flags.has('--all') || r.h + r.s > 0)
  .sort((a, b) => a.ratio - b.ratio || b.h - a.h || a.phrase.localeCompare(b.phrase));

console.log(`entries: fr ${fr.length}, en ${en.length}`);
for (const label of ['ham', 'spam'] as const) console.log(`${label.padEnd(5)} files by language: ${Object.entries(totals[label]).map(([l, n]) => `${l} ${n}`).join(', ')}`);
console.log('\nper entry, on mail in its language: files hit (share)            ham            spam   spam/ham');
for (const r of rows) {
  const flag = r.ratio < 1 && r.h >= 2 ? '  fires mostly on legitimate mail' : '';
  console.log(`${r.lang} ${r.phrase.padEnd(36)} ${String(r.h).padStart(5)} (${r.hr.toFixed(2).padStart(5)} %) ${String(r.s).padStart(5)} (${r.sr.toFixed(2).padStart(5)} %) ${(r.ratio === Infinity ? '∞' : r.ratio.toFixed(2)).padStart(7)}${flag}`);
}
// Brand impersonation (sender name against domain), over all languages.
const brandRows = [...hitsOf.entries()].filter(([k]) => k.startsWith('brand:'));
if (brandRows.length) {
  const all = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  const hamFiles = all(totals.ham);
  const spamFiles = all(totals.spam);
  console.log('\nbrand impersonation                          ham            spam');
  for (const [k, r] of brandRows.sort()) console.log(`${k.slice(6).padEnd(40)} ${String(all(r.ham)).padStart(5)} (${pct(all(r.ham), hamFiles).toFixed(2).padStart(5)} %) ${String(all(r.spam)).padStart(5)} (${pct(all(r.spam), spamFiles).toFixed(2).padStart(5)} %)`);
}
if (texts.length) console.log('\n' + texts.join('\n'));
