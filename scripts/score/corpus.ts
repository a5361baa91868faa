// Reads the shared corpus for the spam model: every labelled message and template, its source
// group (for leave-one-source-out), language and format, linted once by the engine and reduced
// to the model's features. Used by scripts/train.ts and scripts/eval-score.ts.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { readDraft } from '../../src/cli/files';
import { lint } from '../../src/engine/lint';
import { parseEml } from '../../src/engine/parse/eml';
import { rules } from '../../src/engine/rules/index';
import { extractFeatures, isFeatureRule, NUMERIC_FEATURES } from '../../src/engine/score/features';
import { computeLegacyScore } from '../../src/engine/score';
import type { DraftKind, Finding } from '../../src/engine/types';

export type Label = 'spam' | 'ham';
export type Lang = 'en' | 'fr' | 'other';

/** One labelled document, reduced to what training and evaluation need. */
export interface Doc {
  id: string;
  label: Label;
  lang: Lang;
  /** `eml` for messages as sent, `draft` for templates and drafts (HTML, text). */
  format: 'eml' | 'draft';
  /** The source it comes from: one repository or one collection. */
  group: string;
  /** Token ids (see Corpus.dict), distinct. */
  tokens: Int32Array;
  numeric: Float64Array;
  rules: Map<string, number>;
  /** The score the hand-weighted rule sum gave. */
  legacy: number;
  /** For SpamAssassin: the file, or the message the draft stands for. */
  path: string;
  /** A message read as a draft (for the drafts-against-drafts comparison only, never trained on). */
  converted: boolean;
  /** It has an HTML body (a newsletter or a template, not a plain-text message). */
  html: boolean;
}

export interface Corpus {
  docs: Doc[];
  dict: string[];
  featureRules: string[];
  skipped: string[];
}

const FEATURE_RULES = new Set(rules.filter(isFeatureRule).map((r) => r.id));
const featureRuleList = rules.filter(isFeatureRule);

/**
 * Template syntax of the French legitimate templates, removed before learning so that the model
 * cannot learn "template code means legitimate". Translated strings (`{% trans "…" %}`) are kept.
 */
export function stripTemplate(text: string, ext: string): string {
  let t = text
    .replace(/\{%-?\s*(?:trans|translate)\s+"([^"]*)"[^%]*%\}/g, ' $1 ')
    .replace(/\{%-?\s*(?:trans|translate)\s+'([^']*)'[^%]*%\}/g, ' $1 ')
    .replace(/\{%[\s\S]*?%\}/g, ' ')
    .replace(/\{\{[\s\S]*?\}\}/g, ' ')
    .replace(/\{#[\s\S]*?#\}/g, ' ')
    .replace(/<%[\s\S]*?%>/g, ' ')
    .replace(/#\{[^}]*\}/g, ' ');
  if (ext === '.haml' || ext === '.slim') {
    const out: string[] = [];
    for (const raw of t.split('\n')) {
      const line = raw.trim();
      if (!line || /^[-=/!]/.test(line)) continue;
      if (ext === '.slim') {
        if (line.startsWith('|') || line.startsWith("'")) out.push(line.slice(1));
        continue;
      }
      // HAML: `%p.class{…} text` → text; `%p= code` is code.
      const m = /^(?:[%.#][\w.#-]*(?:\{[^}]*\}|\([^)]*\))*)?(.*)$/.exec(line);
      const rest = m ? m[1] : line;
      if (rest.startsWith('=') || rest.startsWith('~')) continue;
      out.push(rest);
    }
    t = out.join('\n\n');
  }
  return t;
}

function kindOf(ext: string, text: string): DraftKind {
  if (ext === '.eml') return 'eml';
  if (ext === '.txt' || ext === '.md' || ext === '.haml' || ext === '.slim') return 'text';
  return /<[a-z]/i.test(text) ? 'html' : 'text';
}

interface Entry {
  file: string;
  label: Label;
  lang?: Lang;
  group: string;
}

function readTsv(path: string): Array<Record<string, string>> {
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  const head = lines[0].split('\t');
  return lines.slice(1).map((l) => {
    const cells = l.split('\t');
    return Object.fromEntries(head.map((h, i) => [h, cells[i] ?? '']));
  });
}

// SpamAssassin's public corpus comes as separate collections (easy_ham, hard_ham_2, spam_2…),
// gathered at different times: each is a source of its own. Everything else is grouped by repository.
function trainGroup(row: Record<string, string>): string {
  const prefix = row.file.split('__')[0];
  if (prefix === 'sapc') return `sapc/${row.path.split('/')[2]}`;
  return prefix;
}

/** The labelled files of the corpus, in a fixed order. */
export function corpusEntries(dir: string): Entry[] {
  const out: Entry[] = [];
  for (const row of readTsv(join(dir, 'train', 'SOURCES.tsv'))) {
    out.push({ file: join('train', row.label, row.file), label: row.label as Label, lang: row.lang as Lang, group: trainGroup(row) });
  }
  for (const label of ['spam', 'ham'] as const) {
    for (const row of readTsv(join(dir, label, 'SOURCES.tsv'))) out.push({ file: join(label, row.file), label, group: row.repo });
  }
  for (const row of readTsv(join(dir, 'templates', 'SOURCES.tsv'))) out.push({ file: join('templates', row.file), label: 'ham', group: row.repo });
  return out.filter((e) => existsSync(join(dir, e.file))).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** A draft made of a message's subject and its HTML (else text) body: the message as a writer drafts it. */
export function emlAsDraft(text: string): { text: string; kind: DraftKind } | undefined {
  const eml = parseEml(text);
  const body = eml.bodies.find((b) => b.type === 'html') ?? eml.bodies.find((b) => b.type === 'text');
  if (!body) return undefined;
  const subject = eml.headers.find((h) => h.key === 'subject')?.value.replace(/[\r\n]+/g, ' ').trim();
  const front = subject ? `---\nsubject: ${JSON.stringify(subject)}\n---\n` : '';
  return { text: front + body.content, kind: body.type };
}

/** Lints every labelled file once and keeps its features (and, with `legacy`, the old score). `asDrafts` also reads each spam message as a draft (legitimate drafts exist as such). */
export function loadCorpus(dir: string, options: { asDrafts?: boolean; legacy?: boolean; log?: (s: string) => void } = {}): Corpus {
  const dict: string[] = [];
  const ids = new Map<string, number>();
  const docs: Doc[] = [];
  const skipped: string[] = [];
  const entries = corpusEntries(dir);
  let n = 0;
  const add = (e: Entry, id: string, text: string, kind: DraftKind, format: Doc['format']) => {
    // Bulk, as every draft was before mail types were detected: the legacy score is the one users saw.
    // Training needs the feature rules only; the old score needs them all.
    const run = lint(text, { kind, config: { mailType: 'bulk' }, score: false, rules: options.legacy ? undefined : featureRuleList });
    const f = extractFeatures(run.model, run.findings, FEATURE_RULES);
    const tokens = new Int32Array(f.tokens.size);
    let i = 0;
    for (const t of f.tokens.keys()) {
      let k = ids.get(t);
      if (k === undefined) {
        k = dict.length;
        ids.set(t, k);
        dict.push(t);
      }
      tokens[i++] = k;
    }
    tokens.sort();
    docs.push({
      id,
      label: e.label,
      lang: e.lang ?? run.language,
      format,
      group: e.group,
      tokens,
      numeric: Float64Array.from(NUMERIC_FEATURES.map((name) => f.numeric[name])),
      rules: f.rules,
      legacy: options.legacy ? computeLegacyScore(run.findings as Finding[]) : NaN,
      path: join(dir, e.file),
      converted: id.endsWith('#draft'),
      html: run.model.parts.some((p) => p.html !== undefined),
    });
  };
  for (const e of entries) {
    const path = join(dir, e.file);
    const draft = readDraft(path);
    if ('reason' in draft) {
      skipped.push(`${e.file} (${draft.reason})`);
      continue;
    }
    const ext = extname(path).toLowerCase();
    const text = e.file.startsWith('train/ham/') && ext !== '.eml' ? stripTemplate(draft.text, ext) : draft.text;
    const kind = kindOf(ext, text);
    add(e, e.file, text, kind, kind === 'eml' ? 'eml' : 'draft');
    if (options.asDrafts && kind === 'eml' && e.label === 'spam') {
      const d = emlAsDraft(text);
      if (d) add(e, `${e.file}#draft`, d.text, d.kind, 'draft');
    }
    if (++n % 500 === 0) options.log?.(`  read ${n}/${entries.length}`);
  }
  return { docs, dict, featureRules: [...FEATURE_RULES].sort(), skipped };
}

/** The documents that stand for drafts written by hand, for the drafts-against-drafts comparison. */
export function isDraftView(d: Doc): boolean {
  return d.format === 'draft';
}
