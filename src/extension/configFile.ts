// Reading `.mailproofrc.json` in the editor: each mistake becomes a problem with the range of the
// key it is about, so the extension can show it as a diagnostic in the file, and the valid part
// is used to lint. No `vscode` import, so this is unit-tested in Node.
import { type ConfigProblem, type MailproofConfig, validateConfig } from '../engine/config';
import { translate } from '../engine/i18n';
import { rules } from '../engine/rules/index';
import type { Locale } from '../engine/types';

/** A mistake in the file, with the UTF-16 range of the key or value it is about. */
export interface ConfigFileProblem {
  message: string;
  start: number;
  end: number;
}

/** Parses and validates the text of a `.mailproofrc.json` (a UTF-8 byte order mark is allowed). */
export function readConfigText(text: string, locale: Locale): { config: MailproofConfig; problems: ConfigFileProblem[] } {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let raw: unknown;
  try {
    raw = JSON.parse(bom ? text.slice(1) : text);
  } catch (e) {
    // V8 says "… in JSON at position N".
    const at = /position (\d+)/.exec((e as Error).message);
    const start = at ? Math.min(text.length, Number(at[1]) + bom) : 0;
    return { config: {}, problems: [{ message: (e as Error).message, start, end: Math.min(text.length, start + 1) }] };
  }
  const { config, problems } = validateConfig(raw, rules);
  return { config, problems: problems.map((p) => locate(text, p, locale)) };
}

function locate(text: string, p: ConfigProblem, locale: Locale): ConfigFileProblem {
  const path = typeof p.params?.path === 'string' ? p.params.path : typeof p.params?.rule === 'string' ? `rules.${p.params.rule}${typeof p.params.name === 'string' ? `.${p.params.name}` : ''}` : typeof p.params?.name === 'string' ? p.params.name : '';
  const range = path ? keyRange(text, path) : undefined;
  return { message: translate(locale, p.key, p.params), ...(range ?? { start: 0, end: Math.min(text.length, 1) }) };
}

/**
 * The range of the member a path names (`rules.exclamation`, `phrases.add[1].except`) in valid
 * JSON text: the key for an object member, the value for an array item. One scan, no recursion,
 * so deep or long files cost linear time.
 */
export function keyRange(text: string, path: string): { start: number; end: number } | undefined {
  const want = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  // One frame per open container: the index of the next array item, or the last key seen.
  const stack: Array<{ array: boolean; index: number; key?: string; keyStart?: number; keyEnd?: number }> = [];
  const matches = (depth: number) => {
    // The path up to this depth must equal the containers' current members.
    if (depth !== want.length) return false;
    for (let d = 0; d < depth; d++) {
      const f = stack[d];
      if (f.array ? want[d] !== `[${f.index}]` : want[d] !== f.key) return false;
    }
    return true;
  };
  const valueStarts = (at: number, end: number) => {
    const top = stack[stack.length - 1];
    if (top && matches(stack.length)) return top.array ? { start: at, end } : { start: top.keyStart!, end: top.keyEnd! };
    return undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      let k = j + 1;
      while (k < text.length && /\s/.test(text[k])) k++;
      if (top && !top.array && text[k] === ':') {
        top.key = JSON.parse(text.slice(i, j + 1)) as string;
        top.keyStart = i;
        top.keyEnd = j + 1;
        i = k;
        continue;
      }
      const hit = valueStarts(i, j + 1);
      if (hit) return hit;
      i = j;
    } else if (c === '{' || c === '[') {
      const hit = valueStarts(i, i + 1);
      if (hit) return hit;
      stack.push({ array: c === '[', index: 0 });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.array) top.index++;
    } else if (!/\s/.test(c)) {
      // A number, true, false or null.
      let j = i;
      while (j < text.length && !/[\s,\]}]/.test(text[j])) j++;
      const hit = valueStarts(i, j);
      if (hit) return hit;
      i = j - 1;
    }
  }
  return undefined;
}

/**
 * What an untrusted workspace may set: everything but the phrase lists, which are compiled into
 * the matcher on every change and are the one option whose cost grows with what it lists.
 * Validation bounds the rest (list sizes, lengths, spellings); in restricted mode the phrase
 * lists come from user settings only.
 */
export function untrustedPart(config: MailproofConfig | undefined): MailproofConfig | undefined {
  if (!config?.phrases) return config;
  const { phrases: _ignored, ...rest } = config;
  return rest;
}
