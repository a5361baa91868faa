/**
 * The Node-side spell checker: Hunspell compiled to WebAssembly (`hunspell-asm`) with the
 * `dictionary-fr` and `dictionary-en` Hunspell dictionaries. Built into its own bundle
 * (`dist/spelling.js`), loaded on demand by the CLI and the extension's spelling worker,
 * never at activation. The dictionaries are read from `dist/dictionaries/` in the package,
 * or from `node_modules` when running from source.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { loadModule } from 'hunspell-asm';
import { ContextModel } from '../engine/spelling/context';
import { FR_CONTEXT } from '../engine/spelling/context-data';
import type { SpellLanguage, Speller } from '../engine/spelling/speller';

/**
 * The dictionary packages. English is American or British: a word right in either is right
 * (`color`, `colour`, `programme`), as writers of both send mail.
 */
export const DICTIONARY_PACKAGES = { fr: 'dictionary-fr', en: 'dictionary-en', 'en-gb': 'dictionary-en-gb' } as const;
type DictionaryId = keyof typeof DICTIONARY_PACKAGES;
const DICTIONARIES_OF: Record<SpellLanguage, DictionaryId[]> = { fr: ['fr'], en: ['en', 'en-gb'] };

// Hunspell's suggestion search is exponential in the word's length on the French affix
// table: longer words get none rather than a frozen menu.
const MAX_SUGGEST_CHARS = 30;
const MAX_SUGGESTIONS = 5;

/**
 * Where the `.aff`/`.dic` files of a language are: the packaged copy (Brotli-compressed, `.br`,
 * which saves about 100 KB of the package over its zip compression), else node_modules.
 */
export function dictionaryFiles(lang: DictionaryId, base = __dirname): { aff: string; dic: string } {
  const packaged = join(base, 'dictionaries', lang);
  if (existsSync(`${packaged}.aff.br`)) return { aff: `${packaged}.aff.br`, dic: `${packaged}.dic.br` };
  for (let dir = base, up = 0; up < 8; up++, dir = dirname(dir)) {
    const pkg = join(dir, 'node_modules', DICTIONARY_PACKAGES[lang]);
    if (existsSync(join(pkg, 'index.aff'))) return { aff: join(pkg, 'index.aff'), dic: join(pkg, 'index.dic') };
  }
  throw new Error(`no ${lang} dictionary found near ${base}`);
}

/** A loaded speller, with what loading it cost. */
export interface LoadedSpeller extends Speller {
  readonly languages: SpellLanguage[];
  /** Milliseconds spent loading the WebAssembly module and each dictionary. */
  readonly loadMs: Record<string, number>;
  dispose(): void;
}

/** A dictionary file's bytes, decompressed when it is the packaged `.br` copy. */
function readDictionary(file: string): Buffer {
  const bytes = readFileSync(file);
  return file.endsWith('.br') ? brotliDecompressSync(bytes) : bytes;
}

let loading: Promise<LoadedSpeller> | undefined;

/**
 * Loads Hunspell once per process (later calls share the same instance). A dictionary is read
 * the first time it is needed (French about 0.2 s and 40 MB, English less): a run on English
 * drafts never pays for French, nor for British English while American knows every word.
 */
export function loadSpeller(): Promise<LoadedSpeller> {
  loading ??= load().catch((e) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

async function load(): Promise<LoadedSpeller> {
  const t0 = performance.now();
  const factory = await loadModule();
  const loadMs: Record<string, number> = { wasm: performance.now() - t0 };
  const instances = new Map<DictionaryId, ReturnType<typeof factory.create>>();
  // Where each dictionary is, found now: a language whose files are missing is not offered.
  const files = new Map<DictionaryId, { aff: string; dic: string }>();
  for (const lang of Object.keys(DICTIONARY_PACKAGES) as DictionaryId[]) {
    try {
      files.set(lang, dictionaryFiles(lang));
    } catch {
      // Not installed: `has` says so, and the rule checks nothing in that language.
    }
  }
  const mount = (lang: DictionaryId) => {
    const found = files.get(lang);
    if (!found) return undefined;
    files.delete(lang);
    const t = performance.now();
    try {
      const aff = factory.mountBuffer(readDictionary(found.aff), `${lang}.aff`);
      const dic = factory.mountBuffer(readDictionary(found.dic), `${lang}.dic`);
      const instance = factory.create(aff, dic);
      // The dictionary now lives in the WebAssembly heap: drop the mounted copies.
      factory.unmount(aff);
      factory.unmount(dic);
      instances.set(lang, instance);
      loadMs[lang] = performance.now() - t;
      return instance;
    } catch {
      // An unreadable dictionary: the language is no longer offered (`has` turns false), the
      // lint goes on without it.
      return undefined;
    }
  };
  const available = (lang: SpellLanguage) => DICTIONARIES_OF[lang].some((d) => instances.has(d) || files.has(d));
  const of = (lang: SpellLanguage) => DICTIONARIES_OF[lang].map((d) => instances.get(d) ?? mount(d)).filter((h) => h !== undefined);
  // French words in context, for real-word slips; built on first use (a few milliseconds).
  let context: ContextModel | undefined;
  return {
    get context() {
      context ??= new ContextModel(FR_CONTEXT);
      return { fr: context };
    },
    languages: (['fr', 'en'] as const).filter(available),
    loadMs,
    has: available,
    check(word, lang) {
      // A word is right when one dictionary of its language has it; the next (British English
      // after American) is loaded only when a word is missing from the first.
      let none = true;
      for (const d of DICTIONARIES_OF[lang]) {
        const h = instances.get(d) ?? mount(d);
        if (!h) continue;
        if (h.spell(word)) return true;
        none = false;
      }
      return none;
    },
    suggest(word, lang) {
      if (word.length > MAX_SUGGEST_CHARS) return [];
      const out: string[] = [];
      for (const h of of(lang)) for (const s of h.suggest(word)) if (!out.includes(s)) out.push(s);
      return out.slice(0, MAX_SUGGESTIONS);
    },
    dispose() {
      for (const h of instances.values()) h.dispose();
      instances.clear();
    },
  };
}
