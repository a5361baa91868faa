// Calibrates the spam-phrase lexicons against real mail: lints every draft of a corpus with the
// spam-phrase rule alone and prints, per lexicon entry, how many files it fires on in legitimate
// mail (templates/, ham/) and in spam (spam/). Entries that fire mostly on legitimate mail are
// false positives to narrow or drop.
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
const GROUPS = [
  { name: 'templates', ext: /\.html?$/i },
  { name: 'ham', ext: /\.eml$/i },
  { name: 'spam', ext: /\.eml$/i },
] as const;
type Group = (typeof GROUPS)[number]['name'];

// phrase -> group -> files it fired on
const files = new Map<string, Record<Group, Set<string>>>();
const totals: Record<Group, { files: number; hitFiles: number; hits: number }> = {
  templates: { files: 0, hitFiles: 0, hits: 0 },
  ham: { files: 0, hitFiles: 0, hits: 0 },
  spam: { files: 0, hitFiles: 0, hits: 0 },
};
const texts: string[] = [];

for (const { name, ext } of GROUPS) {
  const dir = join(corpus, name);
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((f) => ext.test(f)).sort()) {
    // latin1 keeps every byte of 8-bit messages; the draft's charset is the parser's business.
    const text = readFileSync(join(dir, file), file.endsWith('.eml') ? 'latin1' : 'utf8');
    let found;
    try {
      found = lint(text, { fileName: file, rules: only }).findings;
    } catch (err) {
      console.error(`${name}/${file}: ${(err as Error).message}`);
      continue;
    }
    totals[name].files++;
    if (found.length) totals[name].hitFiles++;
    totals[name].hits += found.length;
    for (const f of found) {
      const phrase = `${f.data?.lexicon}:${f.data?.phrase}`;
      let row = files.get(phrase);
      if (!row) files.set(phrase, (row = { templates: new Set(), ham: new Set(), spam: new Set() }));
      row[name].add(file);
      if (flags.has('--texts') && name !== 'spam') {
        const s = Math.max(0, f.start - 40);
        texts.push(`${name}/${file}: ${JSON.stringify(text.slice(s, f.end + 40).replace(/\s+/g, ' '))}`);
      }
    }
  }
}

const entries = [...fr.map((e) => ['fr', e] as const), ...en.map((e) => ['en', e] as const)];
const rows = entries
  .map(([lang, e]) => {
    const r = files.get(`${lang}:${displayPhrase(e.phrase)}`);
    return { lang, phrase: e.phrase, t: r?.templates.size ?? 0, h: r?.ham.size ?? 0, s: r?.spam.size ?? 0 };
  })
  .filter((r) => flags.has('--all') || r.t + r.h + r.s > 0)
  .sort((a, b) => b.t + b.h - (a.t + a.h) || b.s - a.s || a.phrase.localeCompare(b.phrase));

console.log(`entries: fr ${fr.length}, en ${en.length}`);
for (const [g, v] of Object.entries(totals)) console.log(`${g.padEnd(9)} ${v.files} files, ${v.hitFiles} with a hit, ${v.hits} hits`);
console.log('\nfiles hit per entry   templates  ham  spam');
for (const r of rows) console.log(`${r.lang} ${r.phrase.padEnd(34)} ${String(r.t).padStart(5)} ${String(r.h).padStart(5)} ${String(r.s).padStart(5)}`);
if (texts.length) console.log('\n' + texts.join('\n'));
