import type { CssDeclaration } from '../parse/css';
import { attr, type HtmlAttribute, type HtmlDocument, type HtmlElement } from '../parse/html';
import { backgroundShorthandColor, parseColor } from './colors';
import { classesOf, declared, inlineStyle, selectorClasses, stylesheetRules } from './styles';
import { cssLength } from './values';
import { isInvisible, wordsOf } from '../text/words';

/** How text is hidden. */
export type HideKind = 'display' | 'visibility' | 'opacity' | 'font-size' | 'color';

/** What hides an element: a declaration or attribute, and where it applies. */
export interface HideCause {
  kind: HideKind;
  /** The element that declares it. */
  el: HtmlElement;
  /** Source range of the declaration (`display:none`) or attribute (`color="#fff"`). */
  start: number;
  end: number;
  /** For `color`: the text colour and the background colour (both `#rrggbb`). */
  color?: string;
  background?: string;
}

/** A run of hidden text: the text of the elements hidden by one cause. */
export interface HiddenBlock {
  cause: HideCause;
  /** The hidden text, whitespace collapsed, merge tags shown as `…`, cut to SNIPPET_CHARS. */
  snippet: string;
  /** Length of the hidden text with whitespace runs counted as one space (invisible padding not counted). */
  length: number;
  /** True when the hidden text has letters or digits (not only padding, punctuation or merge tags). */
  hasWords: boolean;
  /** True when no visible text comes before it in the body: it is what inbox previews show first. */
  atTop: boolean;
}

/** Visibility facts about a document's elements and text. */
export interface Visibility {
  /** Why an element is hidden, if it is. */
  hiddenBy(el: HtmlElement): HideCause | undefined;
  /** Hidden text, in document order. */
  blocks: readonly HiddenBlock[];
  /** Visible text characters, not counting whitespace or merge tags. */
  visibleChars: number;
}

const SNIPPET_CHARS = 60;
const cache = new WeakMap<HtmlDocument, Visibility>();

interface State {
  strong: HideCause | undefined; // display:none, opacity:0: no descendant can undo them
  visibility: HideCause | undefined; // visibility:hidden: a descendant may set visibility:visible
  tinyFont: HideCause | undefined; // font-size <= 1px: a descendant may set a larger font
  color: { value: string; start: number; end: number } | undefined;
  background: { value: string; start: number; end: number } | undefined;
  colorHide: HideCause | undefined;
}

// A copy of a state to change. Every state has all six fields, so that they share one shape
// (spreads of objects with some fields left out made several, and slow copies).
function copy(s: State): State {
  return { strong: s.strong, visibility: s.visibility, tinyFont: s.tinyFont, color: s.color, background: s.background, colorHide: s.colorHide };
}

// Classes that a `<style>` rule shows again with `!important`, overriding the inline style: the
// responsive pattern of blocks hidden on desktop and shown on mobile (or the reverse).
function revealedClasses(doc: HtmlDocument): Set<string> {
  const out = new Set<string>();
  for (const rule of stylesheetRules(doc)) {
    for (const d of rule.declarations) {
      if (!d.important) continue;
      const v = d.value.trim().toLowerCase();
      const reveals =
        (d.property === 'display' && v !== 'none') ||
        (d.property === 'visibility' && v === 'visible') ||
        (d.property === 'opacity' && parseFloat(v) > 0) ||
        (d.property === 'font-size' && !isTinyFont(v));
      if (reveals) for (const c of selectorClasses(rule.selector)) out.add(c);
    }
  }
  return out;
}

// 1px and below: unreadable, and the classic way to hide keyword stuffing (SpamAssassin HTML_TINY_FONT).
function isTinyFont(value: string): boolean {
  return isTinyLength(cssLength(value));
}

function isTinyLength(len: ReturnType<typeof cssLength>): boolean {
  return !!len && len.unit === 'px' && len.value <= 1;
}

/** Which elements and texts of a document are hidden, computed once and shared by every rule. */
export function visibilityOf(doc: HtmlDocument, source: string): Visibility {
  let v = cache.get(doc);
  if (!v) {
    v = compute(doc, source);
    cache.set(doc, v);
  }
  return v;
}

function compute(doc: HtmlDocument, source: string): Visibility {
  const elements = doc.elements;
  const states: State[] = new Array(elements.length);
  const causes: Array<HideCause | undefined> = new Array(elements.length);
  const revealed = doc.styles.length ? revealedClasses(doc) : undefined;
  const root: State = { strong: undefined, visibility: undefined, tinyFont: undefined, color: undefined, background: undefined, colorHide: undefined };

  for (let i = 0; i < elements.length; i++) {
    const el = elements[i];
    const parent = el.parent ? states[el.parent.index] : root;
    // States are shared with the parent until the element changes something.
    let s = parent;
    const style = el.attrs.length ? inlineStyle(doc, source, el) : undefined;
    if (style && style.declarations.length) {
      const display = declared(style, 'display');
      if (!s.strong && display && display.value.trim().toLowerCase() === 'none') {
        s = copy(s);
        s.strong = hideCause('display', el, display, revealed);
      }
      const opacity = declared(style, 'opacity');
      if (!s.strong && opacity && parseFloat(opacity.value) === 0) {
        s = copy(s);
        s.strong = hideCause('opacity', el, opacity, revealed);
      }
      const visibility = declared(style, 'visibility');
      if (visibility) {
        const val = visibility.value.trim().toLowerCase();
        if ((val === 'hidden' || val === 'collapse') && !s.visibility) {
          s = copy(s);
          s.visibility = hideCause('visibility', el, visibility, revealed);
        } else if (val === 'visible' && s.visibility) {
          s = copy(s);
          s.visibility = undefined;
        }
      }
      const fontSize = declared(style, 'font-size');
      if (fontSize) {
        const len = cssLength(fontSize.value);
        if (isTinyLength(len)) {
          if (!s.tinyFont) {
            s = copy(s);
            s.tinyFont = hideCause('font-size', el, fontSize, revealed);
          }
        } else if ((!len || len.unit === 'px') && s.tinyFont) {
          // keywords and larger pixel sizes are readable
          s = copy(s);
          s.tinyFont = undefined;
        }
      }
    }

    // Colours: the text colour and the background it sits on.
    const colorDecl = style && style.declarations.length ? declared(style, 'color') : undefined;
    const fontColor = el.name === 'font' ? attr(el, 'color') : undefined;
    const colorValue = colorDecl ? parseColor(colorDecl.value) : fontColor ? parseColor(fontColor.value) : undefined;
    const bg = el.attrs.length ? backgroundOf(el, style) : undefined;
    const linkColor = el.name === 'a' && !colorValue; // links get the client's link colour unless they set their own
    if ((colorValue && colorValue !== 'transparent') || linkColor || bg) {
      s = s === parent ? copy(s) : s;
      if (colorValue && colorValue !== 'transparent') {
        const range = colorDecl ?? fontColor!;
        s.color = { value: colorValue, start: range.start, end: range.end };
      } else if (linkColor) s.color = undefined;
      if (bg) s.background = bg.value === 'transparent' ? parent.background : bg;
      s.colorHide = undefined;
      if (s.color && s.background && s.background.value !== 'image' && s.color.value === s.background.value) {
        const own = colorValue ? s.color : s.background;
        s.colorHide = { kind: 'color', el, start: own.start, end: own.end, color: s.color.value, background: s.background.value };
      }
    }
    states[i] = s;
    causes[i] = s.strong ?? s.visibility ?? s.tinyFont ?? s.colorHide;
  }

  // Walk the text once, giving each piece to the innermost element around it.
  const text = doc.text.text;
  const blocks = new Map<HideCause, HiddenBlock & { space: boolean }>();
  // Visible text is only walked until its first character (for the preheader test); its size
  // comes from one native pass over the whole text, minus what the hidden blocks hold.
  let visibleSeen = false;
  let hiddenChars = 0;
  const take = (from: number, to: number, owner: number) => {
    const c = owner >= 0 ? causes[owner] : undefined;
    if (!c) {
      for (let k = from; k < to && !visibleSeen; k++) if (charKind(text.charCodeAt(k)) !== SPACE) visibleSeen = true;
      return;
    }
    let b = blocks.get(c);
    if (!b) blocks.set(c, (b = { cause: c, snippet: '', length: 0, hasWords: false, atTop: !visibleSeen, space: false }));
    for (let k = from; k < to; k++) {
      const code = text.charCodeAt(k);
      const kind = charKind(code);
      if (kind === SPACE) {
        if (b.length > 0) b.space = true;
        continue;
      }
      if (b.space) {
        b.length++;
        if (b.snippet.length < SNIPPET_CHARS) b.snippet += ' ';
        b.space = false;
      }
      b.length++;
      if (kind !== MASK) hiddenChars++;
      if (kind === WORD) b.hasWords = true;
      if (b.snippet.length < SNIPPET_CHARS) {
        if (kind !== MASK) b.snippet += text[k];
        else if (!b.snippet.endsWith('…')) b.snippet += '…';
      }
    }
  };

  const stack: number[] = [];
  let cursor = 0;
  const emit = (to: number, owner: number) => {
    if (to > cursor) {
      take(cursor, to, owner);
      cursor = to;
    }
  };
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i];
    while (stack.length && elements[stack[stack.length - 1]] !== el.parent) {
      const top = stack.pop()!;
      emit(elements[top].textEnd, top);
    }
    emit(el.textStart, stack.length ? stack[stack.length - 1] : -1);
    stack.push(i);
  }
  while (stack.length) {
    const top = stack.pop()!;
    emit(elements[top].textEnd, top);
  }
  emit(text.length, -1);

  const list: HiddenBlock[] = [];
  for (const b of blocks.values()) {
    if (b.length === 0) continue;
    list.push({ cause: b.cause, snippet: b.snippet, length: b.length, hasWords: b.hasWords, atTop: b.atTop });
  }
  return {
    hiddenBy: (el) => (elements[el.index] === el ? causes[el.index] : undefined),
    blocks: list,
    // Counted in the pass that finds the text's words.
    visibleChars: wordsOf(doc.text).visibleChars - hiddenChars,
  };
}

// A hiding declaration, unless a <style> rule shows the element's class again.
function hideCause(kind: HideKind, el: HtmlElement, d: CssDeclaration, revealed: Set<string> | undefined): HideCause | undefined {
  if (revealed && revealed.size && classesOf(el).some((c) => revealed.has(c))) return undefined;
  return { kind, el, start: d.start, end: d.end };
}

function backgroundOf(el: HtmlElement, style: ReturnType<typeof inlineStyle> | undefined): State['background'] {
  if (style && style.declarations.length) {
    const image = declared(style, 'background-image');
    if (image && /url\s*\(|gradient\s*\(/i.test(image.value)) return { value: 'image', start: image.start, end: image.end };
    const color = declared(style, 'background-color');
    const shorthand = declared(style, 'background');
    // The later of the two wins, as in CSS.
    const d = color && shorthand ? (color.start > shorthand.start ? color : shorthand) : color ?? shorthand;
    if (d) {
      const value = d === color ? parseColor(d.value) : backgroundShorthandColor(d.value);
      if (value) return { value, start: d.start, end: d.end };
    }
  }
  // The first `background` and `bgcolor` attributes, in one pass over the attributes.
  let image: HtmlAttribute | undefined;
  let bgcolor: HtmlAttribute | undefined;
  for (const a of el.attrs) {
    if (a.name === 'background') image ??= a;
    else if (a.name === 'bgcolor') bgcolor ??= a;
  }
  if (image && image.value.trim()) return { value: 'image', start: image.start, end: image.end };
  if (bgcolor) {
    const value = parseColor(bgcolor.value);
    if (value) return { value, start: bgcolor.start, end: bgcolor.end };
  }
  return undefined;
}

const SPACE = 0;
const MASK = 1;
const WORD = 2;
const OTHER = 3;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function charKind(code: number): number {
  if (code <= 0x20) return SPACE;
  if (code < 0x7f) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? WORD : OTHER;
  if (code === 0xfffc) return MASK;
  if (isInvisible(code)) return SPACE;
  return LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? WORD : OTHER;
}
