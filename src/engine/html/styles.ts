import { type CssDeclaration, type CssRule, parseDeclarations, parseStylesheet } from '../parse/css';
import { attr, type HtmlDocument, type HtmlElement } from '../parse/html';

/** The declarations of an element's `style` attribute. */
export interface InlineStyle {
  declarations: readonly CssDeclaration[];
  /** False when the source does not spell the attribute out one to one (entities, transfer encoding): ranges are approximate and must not be edited. */
  exact: boolean;
}

const NONE: InlineStyle = { declarations: [], exact: true };
// One entry per document, holding an array indexed by element: a WeakMap keyed by every element
// would cost the garbage collector far more on large drafts.
const inlineCache = new WeakMap<HtmlDocument, Array<InlineStyle | undefined>>();
const sheetCache = new WeakMap<HtmlDocument, CssRule[]>();

/** The parsed `style` attribute of an element of `doc`, computed once and shared by every rule. */
export function inlineStyle(doc: HtmlDocument, source: string, el: HtmlElement): InlineStyle {
  let styles = inlineCache.get(doc);
  if (!styles) inlineCache.set(doc, (styles = new Array(doc.elements.length)));
  const cached = styles[el.index];
  if (cached) return cached;
  const a = attr(el, 'style');
  let style = NONE;
  if (a && a.value.trim()) {
    const exact = source.slice(a.valueStart, a.valueEnd) === a.value;
    const base = a.valueStart;
    const last = a.valueEnd;
    // Inexact values still get ranges inside the attribute, clamped so they never leave it.
    const offset = exact ? (i: number) => base + i : (i: number) => Math.min(base + i, last);
    style = { declarations: parseDeclarations(a.value, offset), exact };
  }
  styles[el.index] = style;
  return style;
}

/** The last declaration of a property (the one that applies), `!important` ones first. */
export function declared(style: InlineStyle | readonly CssDeclaration[], property: string): CssDeclaration | undefined {
  const list = 'declarations' in style ? style.declarations : style;
  let found: CssDeclaration | undefined;
  for (const d of list) {
    if (d.property !== property) continue;
    if (!found || d.important || !found.important) found = d;
  }
  return found;
}

/** The style rules of every `<style>` block of a document, parsed once. */
export function stylesheetRules(doc: HtmlDocument): readonly CssRule[] {
  let rules = sheetCache.get(doc);
  if (!rules) {
    rules = [];
    for (const block of doc.styles) rules.push(...parseStylesheet(block.text, block.offset));
    sheetCache.set(doc, rules);
  }
  return rules;
}

const CLASS_RE = /\.(-?[_a-zA-Z][\w-]*)/g;

/** Class names used in a selector (`td.mobile > .show` gives mobile, show). */
export function selectorClasses(selector: string): string[] {
  const out: string[] = [];
  CLASS_RE.lastIndex = 0;
  for (let m = CLASS_RE.exec(selector); m; m = CLASS_RE.exec(selector)) out.push(m[1]);
  return out;
}

/** The class names of an element. */
export function classesOf(el: HtmlElement): string[] {
  const a = attr(el, 'class');
  return a ? a.value.split(/\s+/).filter(Boolean) : [];
}
