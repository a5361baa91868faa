import type { Header } from '../model';

/** Front matter (`---` … `---` at the top of an HTML or text draft) read as headers. */
export interface FrontMatter {
  headers: Header[];
  /** Offset of the first character after the closing `---` line. */
  end: number;
}

const OPEN_RE = /^\uFEFF?---[ \t]*\r?\n/;

/** Reads `key: value` lines of a YAML-style front matter block; undefined when there is none. */
export function parseFrontMatter(source: string): FrontMatter | undefined {
  const open = OPEN_RE.exec(source);
  if (!open) return undefined;
  const headers: Header[] = [];
  let pos = open[0].length;
  while (pos < source.length) {
    let eol = source.indexOf('\n', pos);
    if (eol < 0) eol = source.length;
    const lineEnd = source[eol - 1] === '\r' ? eol - 1 : eol;
    const line = source.slice(pos, lineEnd);
    if (/^(---|\.\.\.)\s*$/.test(line)) return { headers, end: Math.min(eol + 1, source.length) };
    // The name by a regular expression, the padding around the value by hand: `(.*?)[ \t]*$`
    // retried the trailing blanks after every character of a padded value.
    const m = /^([A-Za-z][\w-]*)[ \t]*:/.exec(line);
    if (m) {
      let valueStart = pos + m[0].length;
      while (valueStart < lineEnd && (source[valueStart] === ' ' || source[valueStart] === '\t')) valueStart++;
      let valueEnd = lineEnd;
      while (valueEnd > valueStart && (source[valueEnd - 1] === ' ' || source[valueEnd - 1] === '\t')) valueEnd--;
      let value = source.slice(valueStart, valueEnd);
      const q = value[0];
      if ((q === '"' || q === "'") && value.length >= 2 && value[value.length - 1] === q) {
        value = value.slice(1, -1);
        valueStart++;
        valueEnd--;
      }
      headers.push({ name: m[1], key: m[1].toLowerCase(), value, start: pos, end: lineEnd, valueStart, valueEnd });
    }
    pos = eol + 1;
  }
  return undefined; // never closed: not front matter
}
