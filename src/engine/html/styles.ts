import { type CssDeclaration, type CssRule, parseDeclarations, parseStylesheet, PropertyNames } from '../parse/css';
import { attr, type HtmlDocument, type HtmlElement } from '../parse/html';

/**
 * The CSS properties that rules read in `style` attributes: hidden-text's visibility (display,
 * opacity, visibility, font-size, the colours), the images' sizes, html-width's widths. Only these
 * are parsed out of them (issue #11: most declarations of a template set fonts, padding and
 * margins, which no rule reads). A rule that reads another property adds it here.
 */
export const READ_PROPERTIES = [
  'display', 'opacity', 'visibility', 'font-size', 'color', 'background', 'background-color', 'background-image',
  'width', 'min-width', 'max-width', 'height', 'max-height',
] as const;
/** A property of `READ_PROPERTIES`: `declared` of any other does not compile. */
export type ReadProperty = (typeof READ_PROPERTIES)[number];
const READ = new PropertyNames(READ_PROPERTIES);
/**
 * The properties that rules read in `<style>` blocks: what shows hidden content again
 * (hidden-text) and the widths (html-width). A rule that reads another one adds it here.
 */
const SHEET_PROPERTIES: readonly string[] = ['display', 'opacity', 'visibility', 'font-size', 'width', 'min-width'];
const SHEET_READ = new PropertyNames(SHEET_PROPERTIES);

/** The declarations of an element's `style` attribute that rules read (`READ_PROPERTIES`). */
export interface InlineStyle {
  declarations: readonly CssDeclaration[];
  /** False when the source does not spell the attribute out one to one (entities, transfer encoding): ranges are approximate and must not be edited. */
  exact: boolean;
}

const NONE: InlineStyle = { declarations: [], exact: true };
const NONE_INEXACT: InlineStyle = { declarations: [], exact: false };
// One entry per document, holding an array indexed by element: a WeakMap keyed by every element
// would cost the garbage collector far more on large drafts.
const inlineCache = new WeakMap<HtmlDocument, Array<InlineStyle | undefined>>();
const sheetCache = new WeakMap<HtmlDocument, CssRule[]>();

/** The parsed `style` attribute of an element of `doc` (the properties of `READ_PROPERTIES`), computed once and shared by every rule. */
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
    const declarations = parseDeclarations(a.value, offset, READ);
    style = declarations.length ? { declarations, exact } : exact ? NONE : NONE_INEXACT;
  }
  styles[el.index] = style;
  return style;
}

/** The last declaration of a property (the one that applies), `!important` ones first. */
export function declared(style: InlineStyle | readonly CssDeclaration[], property: ReadProperty): CssDeclaration | undefined {
  const list = 'declarations' in style ? style.declarations : style;
  let found: CssDeclaration | undefined;
  for (const d of list) {
    if (d.property !== property) continue;
    if (!found || d.important || !found.important) found = d;
  }
  return found;
}

/** The style rules of every `<style>` block of a document, parsed once: the declarations of `SHEET_PROPERTIES`, and the rules that have any. */
export function stylesheetRules(doc: HtmlDocument): readonly CssRule[] {
  let rules = sheetCache.get(doc);
  if (!rules) {
    rules = [];
    // A loop, not push(...): a spread of a huge style sheet's rules would overflow the stack.
    for (const block of doc.styles) for (const rule of parseStylesheet(block.text, block.offset, SHEET_READ)) rules.push(rule);
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
