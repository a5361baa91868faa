/** A CSS declaration with source offsets (already mapped to the draft's source). */
export interface CssDeclaration {
  /** Lowercased property name. */
  property: string;
  /** Value as written, trimmed, without `!important`. */
  value: string;
  important: boolean;
  /** Range of the whole declaration, `property: value`. */
  start: number;
  end: number;
  /** Range of the value. */
  valueStart: number;
  valueEnd: number;
}

/** A style rule of a `<style>` block: its selector and declarations. */
export interface CssRule {
  selector: string;
  /** At-rule prelude the rule sits in, such as `@media (max-width: 600px)`, or ''. */
  atRule: string;
  declarations: CssDeclaration[];
}

// `\s` without a regular expression call per character (declarations are parsed for every
// element with a style attribute).
const WS = {
  test(c: string): boolean {
    const code = c.charCodeAt(0);
    if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
    return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
  },
};

/**
 * Splits a declaration list (`a: b; c: d`) into declarations. `offset` maps a position in
 * `text` to the draft's source. Comments are skipped; quotes and parentheses are respected.
 */
export function parseDeclarations(text: string, offset: (i: number) => number): CssDeclaration[] {
  const out: CssDeclaration[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && (WS.test(text[i]) || text[i] === ';')) i++;
    if (i >= n) break;
    if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    const declStart = i;
    const end = scanTo(text, i, ';');
    const colon = text.indexOf(':', declStart);
    if (colon < 0 || colon >= end) {
      i = end + 1;
      continue;
    }
    // The name ends before the spaces ahead of the colon (it starts on a non-space character).
    let nameEnd = colon;
    while (nameEnd > declStart && WS.test(text[nameEnd - 1])) nameEnd--;
    const property = lowerCase(text.slice(declStart, nameEnd));
    let vs = colon + 1;
    while (vs < end && WS.test(text[vs])) vs++;
    let ve = end;
    while (ve > vs && WS.test(text[ve - 1])) ve--;
    let value = text.slice(vs, ve);
    let important = false;
    const imp = importantSuffix(value);
    if (imp >= 0) {
      important = true;
      value = value.slice(0, imp);
    }
    if (property && !property.includes('{') && !property.includes('}')) {
      out.push({
        property,
        value,
        important,
        start: offset(declStart),
        end: offset(ve),
        valueStart: offset(vs),
        valueEnd: offset(vs + value.length),
      });
    }
    i = end + 1;
  }
  return out;
}


// What a scan stops at: the end of a declaration (`;` or the `}` closing its block), the end of
// a block (`}`), or the start of a block or the end of a statement at-rule (`{` or `;`).
const DECLARATION_END = 0;
const BLOCK_END = 1;
const BLOCK_START = 2;

// Index of the first stop character, outside quotes, comments and (for the ends) parentheses,
// or text.length. Character codes, without a call per character: every style attribute is scanned.
function scan(text: string, from: number, stop: number): number {
  const nested = stop !== BLOCK_START;
  const n = text.length;
  let depth = 0;
  let quote = 0;
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 0x5c) i++; // \
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 0x22 || c === 0x27) quote = c;
    else if (nested && c === 0x28) depth++;
    else if (nested && c === 0x29) depth = Math.max(0, depth - 1);
    else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return n;
      i = close + 1;
    } else if (depth === 0) {
      if (stop === DECLARATION_END ? c === 0x3b || c === 0x7d : stop === BLOCK_END ? c === 0x7d : c === 0x7b || c === 0x3b) return i;
    }
  }
  return n;
}

// The end of a declaration (`;`, or the `}` closing its block) or of a block (`}`).
function scanTo(text: string, from: number, stop: ';' | '}'): number {
  return scan(text, from, stop === ';' ? DECLARATION_END : BLOCK_END);
}

/**
 * Reads the style rules of a stylesheet, including those nested in at-rules such as `@media`.
 * Iterative, so hostile nesting cannot overflow the stack.
 */
export function parseStylesheet(text: string, offset: (i: number) => number): CssRule[] {
  const rules: CssRule[] = [];
  const atStack: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (WS.test(c)) {
      i++;
      continue;
    }
    if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (text.startsWith('<!--', i)) {
      i += 4;
      continue;
    }
    if (text.startsWith('-->', i)) {
      i += 3;
      continue;
    }
    if (c === '}') {
      atStack.pop();
      i++;
      continue;
    }
    const open = scanBlockStart(text, i);
    if (open.stop === n) break;
    const prelude = text.slice(i, open.stop).trim();
    if (open.char === ';') {
      i = open.stop + 1; // @import, @charset
      continue;
    }
    if (prelude.startsWith('@') && !/^@(font-face|page)\b/i.test(prelude)) {
      atStack.push(prelude);
      i = open.stop + 1;
      continue;
    }
    const bodyStart = open.stop + 1;
    const close = scanTo(text, bodyStart, '}');
    const end = close < n && text[close] === '}' ? close : scanCloseBrace(text, bodyStart);
    rules.push({
      selector: prelude,
      atRule: atStack.join(' '),
      declarations: parseDeclarations(text.slice(bodyStart, end), (k) => offset(bodyStart + k)),
    });
    i = end + 1;
  }
  return rules;
}

// Where a rule's block opens (`{`) or a statement at-rule ends (`;`).
function scanBlockStart(text: string, from: number): { stop: number; char: string } {
  const stop = scan(text, from, BLOCK_START);
  return { stop, char: text[stop] ?? '' };
}

function scanCloseBrace(text: string, from: number): number {
  const close = text.indexOf('}', from);
  return close < 0 ? text.length : close;
}

const SPACE_RE = /\s/;
const IMPORTANT_RE = /^important$/i;

/**
 * Where a value's `!important` suffix (spaces around the `!` included) starts, else -1. Scanned
 * from the end by hand: the regex `\s*!\s*important$` tries every start in a run of spaces
 * and takes seconds on a style attribute with tens of thousands of them.
 */
function importantSuffix(value: string): number {
  let j = value.length - 9;
  const last = value.charCodeAt(value.length - 1);
  if (j < 1 || (last !== 0x74 && last !== 0x54) || !IMPORTANT_RE.test(value.slice(j))) return -1;
  while (j > 0 && SPACE_RE.test(value[j - 1])) j--;
  if (j === 0 || value[j - 1] !== '!') return -1;
  j--;
  while (j > 0 && SPACE_RE.test(value[j - 1])) j--;
  return j;
}

// The string lowercased; as is (no copy) when it has no capital or non-ASCII character, as
// property names nearly always are.
function lowerCase(name: string): string {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return name.toLowerCase();
  }
  return name;
}
