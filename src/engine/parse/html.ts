import { type Handler, Parser } from 'htmlparser2';
import { IDENTITY, type SourceMapper, TextView } from '../text/view';

/** An attribute with its source ranges. */
export interface HtmlAttribute {
  /** Lowercased name. */
  name: string;
  /** Decoded value ('' when the attribute has no value). */
  value: string;
  /** Range of the whole attribute, `name="value"`. */
  start: number;
  end: number;
  /** Range of the value inside the quotes (empty at `end` when there is no value). */
  valueStart: number;
  valueEnd: number;
}

/** An element of the draft. Offsets are source offsets. */
export interface HtmlElement {
  /** Lowercased tag name. */
  name: string;
  /** Position in `HtmlDocument.elements`, so helpers can keep per-element data in arrays. */
  index: number;
  /** Offset of `<`. */
  start: number;
  /** Offset just after the tag name (where an attribute can be inserted). */
  nameEnd: number;
  /** Offset just after the `>` of the start tag. */
  openEnd: number;
  /** Offset just after the end tag, or where the element was implicitly closed. */
  end: number;
  attrs: HtmlAttribute[];
  parent: HtmlElement | undefined;
  /** Text offsets in the document's body view: the element's visible text is `[textStart, textEnd)`. */
  textStart: number;
  textEnd: number;
  /** True when the element itself has no closing tag in the source (void or implied end). */
  unclosed: boolean;
}

/** A piece of raw content (a `<style>` block's CSS, a comment) with its source range. */
export interface RawBlock {
  text: string;
  start: number;
  end: number;
  /** Maps an offset in `text` to the draft's source. */
  offset(i: number): number;
}

/** The parsed markup of one HTML draft or MIME part. */
export interface HtmlDocument {
  /** All elements in document order. */
  elements: HtmlElement[];
  /** Visible text of the body. */
  text: TextView;
  /** `alt` and `title` attribute texts, one block each. */
  altText: TextView;
  /** Contents of `<style>` elements. */
  styles: RawBlock[];
  comments: RawBlock[];
  /** Source offset after the doctype (or the start), where a file-level comment can go. */
  preambleEnd: number;
  /** Elements with the given (lowercase) tag name, in document order. */
  byName(name: string): readonly HtmlElement[];
  /** Elements opened past `MAX_HTML_DEPTH` levels, read as siblings: how many, and the first. */
  flattened?: { count: number; first: HtmlElement };
}

/**
 * Nesting depth the model keeps. Chromium's HTML parser stops nesting at 512 levels
 * (`kMaximumHTMLParserDOMTreeDepth`) and attaches deeper elements to the 512th as siblings;
 * the model does the same, which also keeps htmlparser2's element stack (an array it shifts and
 * unshifts, so deep nesting cost quadratic time) and every walk up the parents short.
 */
export const MAX_HTML_DEPTH = 512;

// htmlparser2's stack of foreign contents (SVG, MathML) follows these elements.
const FOREIGN_CONTEXT = new Set(['math', 'svg', 'mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

// The internals of htmlparser2's Parser that flattening and attribute reading touch (checked at run time).
interface ParserInternals {
  stack: string[];
  foreignContext: boolean[];
  emitOpenTag(name: string): void;
  isVoidElement(name: string): boolean;
  endIndex: number;
  attribname: string;
  attribvalue: string;
  onattribend(quote: number, endIndex: number): void;
}

// htmlparser2's QuoteType (Tokenizer.ts), which the bundles cannot import: they alias the
// package to its Parser module alone.
const QUOTE_NO_VALUE = 0;
const QUOTE_SINGLE = 2;
const QUOTE_DOUBLE = 3;

/** Looks up an attribute by lowercase name. */
export function attr(el: HtmlElement, name: string): HtmlAttribute | undefined {
  for (const a of el.attrs) if (a.name === name) return a;
  return undefined;
}

// Elements whose content never shows as text in a mail client.
const INVISIBLE = new Set(['script', 'style', 'head', 'title', 'template', 'xml', 'mj-head', 'mj-style', 'mj-attributes', 'mj-breakpoint', 'mj-font', 'mj-title']);

// Elements that start a new block of text: phrases and sentences do not run across them.
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'button', 'caption', 'center', 'dd', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html',
  'img', 'li', 'main', 'nav', 'ol', 'option', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul', 'mj-text', 'mj-button', 'mj-column', 'mj-section', 'mj-preview', 'mj-table',
]);

const EMPTY: readonly HtmlElement[] = [];
// The attributes of every element written without any: one array shared, not one per element.
const NO_ATTRS = Object.freeze([]) as unknown as HtmlAttribute[];

/**
 * Parses HTML once, keeping every position. `mapper` maps offsets in `html` to the draft's
 * source (identity for an HTML file, through the transfer encoding for a MIME part).
 */
export function parseHtml(
  html: string,
  mapper: SourceMapper = IDENTITY,
  options: { editable?: boolean; encode?: (t: string) => string } = {},
): HtmlDocument {
  const elements: HtmlElement[] = [];
  const index = new Map<string, HtmlElement[]>();
  const styles: RawBlock[] = [];
  const comments: RawBlock[] = [];
  const body = TextView.builder('body', options);
  const alt = TextView.builder('alt', options);
  const stack: HtmlElement[] = [];
  let invisibleDepth = 0;
  let pendingAttrs = NO_ATTRS;
  let preambleEnd = 0;
  let styleStart = -1;
  let flattened: HtmlDocument['flattened'];

  const handlers = {
    onattribute(name, value, quote) {
      const start = parser.startIndex;
      const end = parser.endIndex;
      let valueStart = end;
      let valueEnd = end;
      if (quote !== undefined) {
        let i = start + name.length;
        while (i < end && html[i] !== '=') i++;
        i++;
        while (i < end && /\s/.test(html[i])) i++;
        if (quote === '"' || quote === "'") {
          valueStart = i + 1;
          valueEnd = Math.max(valueStart, html[end - 1] === quote ? end - 1 : end);
        } else {
          valueStart = i;
          valueEnd = end;
        }
      }
      if (pendingAttrs === NO_ATTRS) pendingAttrs = [];
      pendingAttrs.push({
        name,
        value,
        start: mapper.start(start),
        end: mapper.end(end),
        valueStart: mapper.start(valueStart),
        valueEnd: mapper.end(valueEnd),
      });
    },
    onopentag(name, _attribs, implied) {
      const start = parser.startIndex;
      const openEnd = parser.endIndex + 1;
      const parent = stack[stack.length - 1];
      const el: HtmlElement = {
        name,
        index: elements.length,
        start: mapper.start(start),
        nameEnd: mapper.end(implied ? start : start + 1 + name.length),
        openEnd: mapper.end(implied ? start : openEnd),
        end: mapper.end(openEnd),
        attrs: pendingAttrs,
        parent,
        textStart: body.offset,
        textEnd: body.offset,
        unclosed: true,
      };
      pendingAttrs = NO_ATTRS;
      if (flattenNext) {
        flattenNext = false;
        if (flattened) flattened.count++;
        else flattened = { count: 1, first: el };
      }
      elements.push(el);
      let list = index.get(name);
      if (!list) index.set(name, (list = []));
      list.push(el);
      stack.push(el);
      if (INVISIBLE.has(name)) invisibleDepth++;
      if (name === 'style') styleStart = openEnd;
      if (BLOCK.has(name) && invisibleDepth === 0) body.blockBreak();
      if (invisibleDepth === 0) {
        for (const a of el.attrs) {
          if ((a.name === 'alt' || a.name === 'title') && a.value.trim()) {
            alt.append(a.value, a.valueStart, a.valueEnd);
            alt.blockBreak();
          }
        }
      }
    },
    onclosetag(name, implied) {
      // The element being closed is the innermost open one with this name.
      let k = stack.length - 1;
      while (k >= 0 && stack[k].name !== name) k--;
      if (k < 0) return;
      const el = stack[k];
      stack.length = k;
      if (name === 'style' && styleStart >= 0) {
        const end = parser.startIndex;
        const raw = html.slice(styleStart, end);
        const base = styleStart;
        styles.push({ text: raw, start: mapper.start(styleStart), end: mapper.end(end), offset: (i) => mapper.start(base + i) });
        styleStart = -1;
      }
      if (!implied) {
        el.end = mapper.end(parser.endIndex + 1);
        el.unclosed = false;
      } else if (parser.startIndex > 0 && !isVoid(name)) {
        el.end = mapper.start(parser.startIndex);
      }
      el.textEnd = body.offset;
      if (INVISIBLE.has(name)) invisibleDepth = Math.max(0, invisibleDepth - 1);
      if (BLOCK.has(name) && invisibleDepth === 0) body.blockBreak();
    },
    ontext(data) {
      if (invisibleDepth > 0) return;
      body.appendContent(data, parser.startIndex, parser.endIndex + 1, mapper);
    },
    oncomment(data) {
      const start = parser.startIndex;
      const base = start + 4;
      comments.push({ text: data, start: mapper.start(start), end: mapper.end(parser.endIndex + 1), offset: (i) => mapper.start(base + i) });
    },
    onprocessinginstruction(name: string) {
      if (name.toLowerCase() === '!doctype') preambleEnd = mapper.end(parser.endIndex + 1);
    },
  } satisfies Partial<Handler>;
  const parser: Parser = new Parser(handlers, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true });
  // Past MAX_HTML_DEPTH open elements, the innermost is closed (implied) before the next opens.
  let flattenNext = false;
  const internals = parser as unknown as ParserInternals;
  if (Array.isArray(internals.stack) && Array.isArray(internals.foreignContext) && typeof internals.emitOpenTag === 'function') {
    const emitOpenTag = internals.emitOpenTag;
    internals.emitOpenTag = function (this: ParserInternals, name: string) {
      if (this.stack.length >= MAX_HTML_DEPTH && !this.isVoidElement(name)) {
        const innermost = this.stack.shift()!;
        if (FOREIGN_CONTEXT.has(innermost)) this.foreignContext.shift();
        handlers.onclosetag(innermost, true);
        flattenNext = true;
      }
      emitOpenTag.call(this, name);
    };
  }
  // htmlparser2 also collects every tag's attributes in a dictionary (`attribs`) that the model
  // never reads: a property lookup and store per attribute. The end of an attribute reports it
  // as the Parser does (same arguments), without the dictionary.
  if (typeof internals.onattribend === 'function' && typeof internals.attribname === 'string' && typeof internals.attribvalue === 'string') {
    internals.onattribend = function (this: ParserInternals, quote: number, endIndex: number) {
      this.endIndex = endIndex;
      handlers.onattribute(this.attribname, this.attribvalue, quote === QUOTE_DOUBLE ? '"' : quote === QUOTE_SINGLE ? "'" : quote === QUOTE_NO_VALUE ? undefined : null);
      this.attribvalue = '';
    };
  }
  parser.end(html);
  // Elements never closed end where the document ends.
  const docEnd = mapper.end(html.length);
  for (const el of stack) {
    el.end = docEnd;
    el.textEnd = body.offset;
  }

  return {
    elements,
    text: body.build(),
    altText: alt.build(),
    styles,
    comments,
    preambleEnd,
    byName: (name) => index.get(name) ?? EMPTY,
    flattened,
  };
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

function isVoid(name: string): boolean {
  return VOID.has(name);
}
