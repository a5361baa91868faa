import { isSpaceCode, lowerCase } from '../text/normalize';

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

/**
 * A set of property names to read, matched against the source without slicing each name out:
 * rules read a dozen properties, and most declarations of a template are others (fonts,
 * padding, margins), which then cost no string, trim or object.
 */
export class PropertyNames {
  // The wanted names by length, lowercase.
  private readonly byLength: string[][] = [];
  private readonly names: ReadonlySet<string>;

  constructor(names: Iterable<string>) {
    this.names = new Set(names);
    for (const name of this.names) (this.byLength[name.length] ??= []).push(name);
  }

  /**
   * The wanted name that `text[from, to)` spells (ASCII case ignored, as `lowerCase` does), else
   * undefined. Of all characters outside ASCII, only two lowercase to ASCII: the Kelvin sign (to
   * `k`, one character for one) and `İ` (to `i` and a combining dot, which no name holds). So a
   * name of another length than the wanted ones is none of them, and a character outside ASCII
   * sends the name to a plain lookup.
   */
  find(text: string, from: number, to: number): string | undefined {
    const candidates = this.byLength[to - from];
    if (!candidates) return undefined;
    next: for (const name of candidates) {
      for (let k = 0; k < name.length; k++) {
        let c = text.charCodeAt(from + k);
        if (c >= 128) return this.lookUp(text, from, to);
        if (c >= 65 && c <= 90) c += 32;
        if (c !== name.charCodeAt(k)) continue next;
      }
      return name;
    }
    return undefined;
  }

  private lookUp(text: string, from: number, to: number): string | undefined {
    const name = text.slice(from, to).toLowerCase();
    return this.names.has(name) ? name : undefined;
  }
}

/**
 * Splits a declaration list (`a: b; c: d`) into declarations. `offset` maps a position in
 * `text` to the draft's source. Comments are skipped; quotes and parentheses are respected.
 * With `only`, the declarations of other properties are skipped without being read.
 */
export function parseDeclarations(text: string, offset: (i: number) => number, only?: PropertyNames): CssDeclaration[] {
  return declarationsIn(text, 0, text.length, offset, only);
}

// Where the last `declarationsIn` with `block` stopped: the `}` closing the block, or n.
let declarationsEnd = 0;

// The declarations of text[from, n). With `block`, they are a rule's block and end at the `}`
// that closes it (the first outside quotes, comments and parentheses), whose offset is left in
// `declarationsEnd`: the block is read once, not scanned for its end first.
function declarationsIn(text: string, from: number, n: number, offset: (i: number) => number, only: PropertyNames | undefined, block = false): CssDeclaration[] {
  const out: CssDeclaration[] = [];
  let i = from;
  while (i < n) {
    while (i < n && (isSpaceCode(text.charCodeAt(i)) || text.charCodeAt(i) === 0x3b)) i++;
    if (i >= n) break;
    if (i + 1 < n && text.startsWith('/*', i)) {
      const close = commentClose(text, i + 2, n);
      i = close < 0 ? n : close + 2;
      continue;
    }
    const end = declarationEnd(text, i, n);
    if (declarationColon >= 0) readDeclaration(out, text, i, declarationColon, end, offset, only);
    if (block && end < n && text.charCodeAt(end) === 0x7d) {
      declarationsEnd = end;
      return out;
    }
    i = end + 1;
  }
  declarationsEnd = n;
  return out;
}

// Adds the declaration text[declStart, end) with its first colon at `colon`, if its property is wanted.
function readDeclaration(out: CssDeclaration[], text: string, declStart: number, colon: number, end: number, offset: (i: number) => number, only: PropertyNames | undefined): void {
  // The name ends before the spaces ahead of the colon (it starts on a non-space character).
  let nameEnd = colon;
  while (nameEnd > declStart && isSpaceCode(text.charCodeAt(nameEnd - 1))) nameEnd--;
  const property = only ? only.find(text, declStart, nameEnd) : lowerCase(text.slice(declStart, nameEnd));
  if (property === undefined) return;
  let vs = colon + 1;
  while (vs < end && isSpaceCode(text.charCodeAt(vs))) vs++;
  let ve = end;
  while (ve > vs && isSpaceCode(text.charCodeAt(ve - 1))) ve--;
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
}

// The ASCII characters a scan acts on: quotes, parentheses, the comment start, the stops, the
// escape and the colon. Every other character is passed over with one test.
const SPECIAL = new Uint8Array(128);
for (const c of '"\'()/;{}\\:') SPECIAL[c.charCodeAt(0)] = 1;

// The first colon of the declaration that `declarationEnd` last scanned, or -1.
let declarationColon = -1;

/**
 * The end of the declaration starting at `from`: its `;`, or the `}` closing its block, outside
 * quotes, comments and parentheses, or n. And in `declarationColon` its first colon, wherever
 * it is (in quotes and comments too, as a plain search would find it). One pass: a search for
 * the colon read the name twice, and `indexOf` read on past the declaration (quadratic on
 * `a;a;a;…:`).
 */
function declarationEnd(text: string, from: number, n: number): number {
  let depth = 0;
  let quote = 0;
  let colon = -1;
  let i = from;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && SPECIAL[c] === 0) continue;
    if (c === 0x3a) {
      if (colon < 0) colon = i;
      continue;
    }
    if (quote) {
      if (c === 0x5c) {
        if (colon < 0 && i + 1 < n && text.charCodeAt(i + 1) === 0x3a) colon = i + 1;
        i++;
      } else if (c === quote) quote = 0;
      continue;
    }
    if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x28) depth++;
    else if (c === 0x29) depth = Math.max(0, depth - 1);
    else if (c === 0x2f && i + 1 < n && text.charCodeAt(i + 1) === 0x2a) {
      const close = commentClose(text, i + 2, n);
      const inside = close < 0 ? n : close;
      for (let k = i + 2; colon < 0 && k < inside; k++) if (text.charCodeAt(k) === 0x3a) colon = k;
      if (inside === n) {
        i = n;
        break;
      }
      i = close + 1;
    } else if (depth === 0 && (c === 0x3b || c === 0x7d)) break;
  }
  declarationColon = colon;
  return i < n ? i : n;
}

// The `*/` closing a comment in text[from, n), or -1. Searched only up to n: a search on to the
// end of the sheet for each of many blocks cut short at their `}` was quadratic (`a{x:/*}`…).
function commentClose(text: string, from: number, n: number): number {
  for (let k = from; k + 1 < n; k++) if (text.charCodeAt(k) === 0x2a && text.charCodeAt(k + 1) === 0x2f) return k;
  return -1;
}

// Where a rule's block opens or a statement at-rule ends: the first `{` or `;` from `from` outside
// quotes and comments (parentheses do not count), or text.length.
function blockStart(text: string, from: number): number {
  const n = text.length;
  let quote = 0;
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && SPECIAL[c] === 0) continue;
    if (quote) {
      if (c === 0x5c) i++; // \
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x2f && i + 1 < n && text.charCodeAt(i + 1) === 0x2a) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return n;
      i = close + 1;
    } else if (c === 0x7b || c === 0x3b) return i;
  }
  return n;
}

/**
 * Reads the style rules of a stylesheet, including those nested in at-rules such as `@media`.
 * Iterative, so hostile nesting cannot overflow the stack. With `only`, the rules keep only the
 * declarations of those properties, and rules left without any are left out.
 */
export function parseStylesheet(text: string, offset: (i: number) => number, only?: PropertyNames): CssRule[] {
  const rules: CssRule[] = [];
  const atStack: string[] = [];
  let i = 0;
  const n = text.length;
  // Whether a block has run to the end of the sheet unclosed.
  let unclosed = false;
  while (i < n) {
    const c = text[i];
    if (isSpaceCode(c.charCodeAt(0))) {
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
    const stop = blockStart(text, i);
    if (stop === n) break;
    if (text.charCodeAt(stop) === 0x3b) {
      i = stop + 1; // @import, @charset
      continue;
    }
    // The prelude starts on a non-space character: it is an at-rule when that is `@`.
    if (c === '@') {
      const prelude = text.slice(i, stop).trim();
      if (!/^@(font-face|page)\b/i.test(prelude)) {
        atStack.push(prelude);
        i = stop + 1;
        continue;
      }
    }
    const bodyStart = stop + 1;
    let declarations: CssDeclaration[];
    let end: number;
    if (!unclosed) {
      declarations = declarationsIn(text, bodyStart, n, offset, only, true);
      const close = declarationsEnd;
      end = close < n ? close : scanCloseBrace(text, bodyStart);
      // A block left open ends at the next `}` wherever it is (in a string or a comment, then).
      if (end !== close) {
        declarations = declarationsIn(text, bodyStart, end, offset, only);
        unclosed = true;
      }
    } else {
      // Once a block has run to the end of the sheet (an open parenthesis or comment), the later
      // ones end at their first `}`: each read to the end again was quadratic (`a{width:(}`…).
      end = scanCloseBrace(text, bodyStart);
      declarations = declarationsIn(text, bodyStart, end, offset, only);
    }
    if (!only || declarations.length) rules.push({ selector: text.slice(i, stop).trim(), atRule: atStack.join(' '), declarations });
    i = end + 1;
  }
  return rules;
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
