import { Parser, type Tokenizer as TokenizerClass, type TokenizerCallbacks } from 'htmlparser2';
import { isSpaceCode } from '../text/normalize';
import { IDENTITY, type SourceMapper, type TextBuilder, TextView } from '../text/view';

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
 * the model does the same, which also keeps the stack of open elements and every walk up the
 * parents short.
 */
export const MAX_HTML_DEPTH = 512;

/** Looks up an attribute by lowercase name. */
export function attr(el: HtmlElement, name: string): HtmlAttribute | undefined {
  // An index loop: `for…of` over a short array costs rules several times as much.
  const attrs = el.attrs;
  for (let i = 0; i < attrs.length; i++) if (attrs[i].name === name) return attrs[i];
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

// The model drives htmlparser2's Tokenizer itself and does the work of its Parser layer on its
// own stack: the Parser kept a second stack of names (shifted and unshifted at the front), built
// tag names and attribute strings the model then copied, and dispatched every event through
// optional callbacks. The Parser module is all the bundles import of the package (they alias it
// to keep domhandler out), so the Tokenizer class is read from a Parser instance, once.
const Tokenizer = (new Parser(null) as unknown as { tokenizer: object }).tokenizer.constructor as typeof TokenizerClass;

// htmlparser2's QuoteType (Tokenizer.ts), which the bundles cannot import.
const QUOTE_NO_VALUE = 0;
const QUOTE_SINGLE = 2;
const QUOTE_DOUBLE = 3;

// What opening a tag implies about the open elements, as htmlparser2's Parser reads HTML (its
// `openImpliesClose` table): while the innermost open element is one of these, it is closed.
const CLOSES_P = ['p'];
const FORM_CONTROLS = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const IMPLIED_CLOSE = new Map<string, ReadonlySet<string>>(
  (
    [
      ['tr', ['tr', 'th', 'td']],
      ['th', ['th']],
      ['td', ['thead', 'th', 'td']],
      ['body', ['head', 'link', 'script']],
      ['li', ['li']],
      ['option', ['option']],
      ['optgroup', ['optgroup', 'option']],
      ['dd', ['dd', 'dt']],
      ['dt', ['dd', 'dt']],
      ['rt', ['rt', 'rp']],
      ['rp', ['rt', 'rp']],
      ['tbody', ['thead', 'tbody']],
      ['tfoot', ['thead', 'tbody']],
      ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((n) => [n, FORM_CONTROLS]),
      ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset',
        'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((n) => [n, CLOSES_P]),
    ] as Array<[string, string[]]>
  ).map(([name, closed]) => [name, new Set(closed)]),
);

// Elements htmlparser2's Parser treats as void (never on its stack, closed as soon as opened).
const PARSER_VOID = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link',
  'meta', 'param', 'source', 'track', 'wbr',
]);

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

// What the builder knows of a tag name, looked up once per name and parse instead of in four
// sets and a map at every tag: the sets the name is in, the open elements its start tag closes,
// and the elements of that name (what `byName` answers).
const IS_INVISIBLE = 1;
const IS_BLOCK = 2;
const IS_PARSER_VOID = 4;
const IS_VOID = 8;

interface Tag {
  readonly name: string;
  readonly flags: number;
  readonly closes: ReadonlySet<string> | undefined;
  elements: HtmlElement[] | undefined;
}

function tagOf(name: string): Tag {
  const flags =
    (INVISIBLE.has(name) ? IS_INVISIBLE : 0) |
    (BLOCK.has(name) ? IS_BLOCK : 0) |
    (PARSER_VOID.has(name) ? IS_PARSER_VOID : 0) |
    (VOID.has(name) ? IS_VOID : 0);
  return { name, flags, closes: IMPLIED_CLOSE.get(name), elements: undefined };
}

// `<!doctype …>`: a declaration whose name (up to white space or `/`) is `doctype`.
const DOCTYPE_RE = /^doctype(?:[\s/]|$)/i;

/**
 * Parses HTML once, keeping every position. `mapper` maps offsets in `html` to the draft's
 * source (identity for an HTML file, through the transfer encoding for a MIME part).
 *
 * The events are those of htmlparser2's Parser with `decodeEntities`, lowercased names and
 * self-closing tags recognised: implied end tags, void elements, `</p>` and `</br>` without a
 * start tag, elements left open closed at the end, entities decoded in text and attributes.
 */
export function parseHtml(
  html: string,
  mapper: SourceMapper = IDENTITY,
  options: { editable?: boolean; encode?: (t: string) => string } = {},
): HtmlDocument {
  const b = new HtmlBuilder(html, mapper, options);
  const tokenizer = new Tokenizer({ decodeEntities: true }, b);
  tokenizer.write(html);
  tokenizer.end();
  // Elements never closed end where the document ends.
  const docEnd = mapper.end(html.length);
  for (const el of b.stack) {
    el.end = docEnd;
    el.textEnd = b.body.offset;
  }
  const tags = b.tags;
  return {
    elements: b.elements,
    text: b.body.build(),
    altText: b.alt.build(),
    styles: b.styles,
    comments: b.comments,
    preambleEnd: b.preambleEnd,
    byName: (name) => tags.get(name)?.elements ?? EMPTY,
    flattened: b.flattened,
  };
}

// The Tokenizer's callbacks: the Parser layer's work (names, implied ends, positions) and the
// model's, in one object whose methods the Tokenizer calls on its prototype (one shape for
// every parse, so its call sites stay monomorphic).
class HtmlBuilder implements TokenizerCallbacks {
  readonly elements: HtmlElement[] = [];
  // The tags named so far, by lowercase name.
  readonly tags = new Map<string, Tag>();
  readonly styles: RawBlock[] = [];
  readonly comments: RawBlock[] = [];
  readonly body: TextBuilder;
  readonly alt: TextBuilder;
  // The open elements as the Parser layer keeps them (names, innermost last), and the model's
  // elements; the two differ only for a start tag cut off by the end of the input.
  readonly names: Tag[] = [];
  readonly stack: HtmlElement[] = [];
  preambleEnd = 0;
  flattened: HtmlDocument['flattened'] = undefined;
  private invisibleDepth = 0;
  private pendingAttrs = NO_ATTRS;
  // Whether one of the pending attributes is an `alt` or a `title`.
  private pendingAltText = false;
  private styleStart = -1;
  private flattenNext = false;
  // The Parser layer's state: the range of the last event, the start tag and attribute being read.
  private startIndex = 0;
  private endIndex = 0;
  private openTagStart = 0;
  // The tag being read; when there is none, the tag named '' (as the Parser layer's name '').
  private readonly noTag: Tag;
  private readonly shift: number;
  private tag: Tag;
  private tagOpen = false;
  private attribName = '';
  private attribValue = '';
  // Tags and attribute names read so far, by a hash of their first and last letters and length.
  private readonly recentTags: Array<Tag | undefined> = new Array(NAME_SLOTS).fill(undefined);
  private readonly recentAttribs: Array<string | undefined> = new Array(NAME_SLOTS).fill(undefined);

  constructor(
    private readonly html: string,
    private readonly mapper: SourceMapper,
    options: { editable?: boolean; encode?: (t: string) => string },
  ) {
    // A run of body text per piece between tags: about one per 26 bytes of a newsletter, fewer
    // in most templates. Room for one per 16 bytes spares the columns most of their regrowth.
    this.body = TextView.builder('body', { ...options, runs: html.length >> 4 });
    this.alt = TextView.builder('alt', options);
    this.tag = this.noTag = this.tagNamed('');
    this.shift = mapper.shift ?? -1;
  }

  // The mapper's offsets, added here when it only shifts them (no call through the mapper, whose
  // functions differ from one part to the next).
  private sourceStart(offset: number): number {
    return this.shift >= 0 ? offset + this.shift : this.mapper.start(offset);
  }

  private sourceEnd(offset: number): number {
    return this.shift >= 0 ? offset + this.shift : this.mapper.end(offset);
  }

  private openElement(tag: Tag, implied: boolean): void {
    const name = tag.name;
    const start = this.startIndex;
    const openEnd = this.endIndex + 1;
    const stack = this.stack;
    const el: HtmlElement = {
      name,
      index: this.elements.length,
      start: this.sourceStart(start),
      nameEnd: this.sourceEnd(implied ? start : start + 1 + name.length),
      openEnd: 0,
      end: this.sourceEnd(openEnd),
      attrs: this.pendingAttrs,
      parent: stack.length ? stack[stack.length - 1] : undefined,
      textStart: this.body.offset,
      textEnd: this.body.offset,
      unclosed: true,
    };
    // Written, the start tag ends where the element does until its end tag is read (one mapping,
    // which is a binary search for a quoted-printable part).
    el.openEnd = implied ? this.sourceEnd(start) : el.end;
    const altText = this.pendingAltText;
    this.pendingAttrs = NO_ATTRS;
    this.pendingAltText = false;
    if (this.flattenNext) {
      this.flattenNext = false;
      if (this.flattened) this.flattened.count++;
      else this.flattened = { count: 1, first: el };
    }
    this.elements.push(el);
    if (tag.elements) tag.elements.push(el);
    else tag.elements = [el];
    stack.push(el);
    const flags = tag.flags;
    if (flags & IS_INVISIBLE) this.invisibleDepth++;
    if (name === 'style') this.styleStart = openEnd;
    if (this.invisibleDepth === 0) {
      if (flags & IS_BLOCK) this.body.blockBreak();
      if (altText) {
        const attrs = el.attrs;
        for (let i = 0; i < attrs.length; i++) {
          const a = attrs[i];
          if ((a.name === 'alt' || a.name === 'title') && a.value.trim()) {
            this.alt.append(a.value, a.valueStart, a.valueEnd);
            this.alt.blockBreak();
          }
        }
      }
    }
  }

  private closeElement(tag: Tag, implied: boolean): void {
    // The element being closed is the innermost open one with this name.
    const name = tag.name;
    const stack = this.stack;
    let k = stack.length - 1;
    while (k >= 0 && stack[k].name !== name) k--;
    if (k < 0) return;
    const el = stack[k];
    // Setting an array's length is a call into the runtime; the innermost element is popped.
    if (k === stack.length - 1) stack.pop();
    else stack.length = k;
    const mapper = this.mapper;
    if (name === 'style' && this.styleStart >= 0) {
      const base = this.styleStart;
      const end = this.startIndex;
      this.styles.push({ text: this.html.slice(base, end), start: mapper.start(base), end: mapper.end(end), offset: (i) => mapper.start(base + i) });
      this.styleStart = -1;
    }
    if (!implied) {
      el.end = this.sourceEnd(this.endIndex + 1);
      el.unclosed = false;
    } else if (this.startIndex > 0 && !(tag.flags & IS_VOID)) {
      el.end = this.sourceStart(this.startIndex);
    }
    el.textEnd = this.body.offset;
    if (tag.flags & IS_INVISIBLE) this.invisibleDepth = Math.max(0, this.invisibleDepth - 1);
    if (tag.flags & IS_BLOCK && this.invisibleDepth === 0) this.body.blockBreak();
  }

  private emitOpenTag(tag: Tag): void {
    const names = this.names;
    const parserVoid = (tag.flags & IS_PARSER_VOID) !== 0;
    // Past MAX_HTML_DEPTH open elements, the innermost is closed (implied) before the next opens.
    if (names.length >= MAX_HTML_DEPTH && !parserVoid) {
      this.closeElement(names.pop()!, true);
      this.flattenNext = true;
    }
    this.openTagStart = this.startIndex;
    this.tag = tag;
    const closes = tag.closes;
    if (closes) {
      while (names.length > 0 && closes.has(names[names.length - 1].name)) this.closeElement(names.pop()!, true);
    }
    if (!parserVoid) names.push(tag);
    this.tagOpen = true;
  }

  private endOpenTag(implied: boolean): void {
    this.startIndex = this.openTagStart;
    const tag = this.tag;
    if (this.tagOpen) {
      this.openElement(tag, implied);
      this.tagOpen = false;
    }
    if (tag.flags & IS_PARSER_VOID) this.closeElement(tag, true);
    this.tag = this.noTag;
  }

  private closeCurrentTag(openImplied: boolean): void {
    const tag = this.tag;
    const names = this.names;
    this.endOpenTag(openImplied);
    // A self-closing tag is the innermost open element; if its start tag was written, its end is implied.
    if (names.length > 0 && names[names.length - 1] === tag) {
      this.closeElement(tag, !openImplied);
      names.pop();
    }
  }

  private comment(start: number, end: number, offset: number, cdata: boolean): void {
    this.endIndex = end;
    const text = this.html.slice(start, end - offset);
    const from = this.startIndex;
    const base = from + 4;
    const mapper = this.mapper;
    this.comments.push({ text: cdata ? `[CDATA[${text}]]` : text, start: mapper.start(from), end: mapper.end(end + 1), offset: (i) => mapper.start(base + i) });
    this.startIndex = end + 1;
  }

  ontext(start: number, end: number): void {
    this.endIndex = end - 1;
    if (this.invisibleDepth === 0) this.appendText(this.html.slice(start, end), end);
    this.startIndex = end;
  }

  ontextentity(codePoint: number, end: number): void {
    this.endIndex = end - 1;
    if (this.invisibleDepth === 0) this.appendText(String.fromCodePoint(codePoint), end);
    this.startIndex = end;
  }

  // Visible text read from `[startIndex, end)`.
  private appendText(text: string, end: number): void {
    const shift = this.shift;
    if (shift >= 0) this.body.append(text, this.startIndex + shift, end + shift);
    else this.body.appendContent(text, this.startIndex, end, this.mapper);
  }

  onopentagname(start: number, end: number): void {
    this.endIndex = end;
    this.emitOpenTag(this.tagAt(start, end));
  }

  // The tag named by `html[start, end)`, lowercased. Names repeat (`td` after `td`): a name
  // written like one read before, in ASCII, is that tag again rather than a new slice, its
  // lowercase copy and a lookup.
  private tagAt(start: number, end: number): Tag {
    const html = this.html;
    const slot = nameSlot(html, start, end);
    const known = this.recentTags[slot];
    if (known !== undefined && sameAsciiName(html, start, end, known.name)) return known;
    const tag = this.tagNamed(html.slice(start, end).toLowerCase());
    this.recentTags[slot] = tag;
    return tag;
  }

  private tagNamed(name: string): Tag {
    let tag = this.tags.get(name);
    if (!tag) this.tags.set(name, (tag = tagOf(name)));
    return tag;
  }

  onattribname(start: number, end: number): void {
    this.startIndex = start;
    // Attribute names repeat even more than tag names (`style`, `class`, `width`).
    const html = this.html;
    const slot = nameSlot(html, start, end);
    const known = this.recentAttribs[slot];
    if (known !== undefined && sameAsciiName(html, start, end, known)) this.attribName = known;
    else this.attribName = this.recentAttribs[slot] = html.slice(start, end).toLowerCase();
  }

  onattribdata(start: number, end: number): void {
    this.attribValue += this.html.slice(start, end);
  }

  onattribentity(codePoint: number): void {
    this.attribValue += String.fromCodePoint(codePoint);
  }

  onattribend(quote: number, end: number): void {
    this.endIndex = end;
    const html = this.html;
    const start = this.startIndex;
    let valueStart = end;
    let valueEnd = end;
    if (quote !== QUOTE_NO_VALUE) {
      let i = start + this.attribName.length;
      while (i < end && html.charCodeAt(i) !== 61 /* = */) i++;
      i++;
      while (i < end && isSpaceCode(html.charCodeAt(i))) i++;
      if (quote === QUOTE_DOUBLE || quote === QUOTE_SINGLE) {
        valueStart = i + 1;
        valueEnd = Math.max(valueStart, html.charCodeAt(end - 1) === (quote === QUOTE_DOUBLE ? 34 : 39) ? end - 1 : end);
      } else {
        valueStart = i;
        valueEnd = end;
      }
    }
    if (this.pendingAttrs === NO_ATTRS) this.pendingAttrs = [];
    const name = this.attribName;
    if (name === 'alt' || name === 'title') this.pendingAltText = true;
    this.pendingAttrs.push({
      name,
      value: this.attribValue,
      start: this.sourceStart(start),
      end: this.sourceEnd(end),
      valueStart: this.sourceStart(valueStart),
      valueEnd: this.sourceEnd(valueEnd),
    });
    this.attribValue = '';
  }

  onopentagend(end: number): void {
    this.endIndex = end;
    this.endOpenTag(false);
    this.startIndex = end + 1;
  }

  onselfclosingtag(end: number): void {
    this.endIndex = end;
    this.closeCurrentTag(false);
    this.startIndex = end + 1;
  }

  onclosetag(start: number, end: number): void {
    this.endIndex = end;
    const tag = this.tagAt(start, end);
    const names = this.names;
    if (!(tag.flags & IS_PARSER_VOID)) {
      const pos = names.lastIndexOf(tag);
      if (pos !== -1) {
        // The end tag closes everything opened inside its element; only its own close is written.
        while (names.length > pos) {
          const closed = names.pop()!;
          this.closeElement(closed, names.length !== pos);
        }
      } else if (tag.name === 'p') {
        // `</p>` without a start tag: an empty paragraph, opened (implied) and closed here.
        this.emitOpenTag(tag);
        this.closeCurrentTag(true);
      }
    } else if (tag.name === 'br') {
      // `</br>` reads as `<br>`: opened (implied) and closed here, never put on the stack.
      this.openElement(tag, true);
      this.closeElement(tag, false);
    }
    this.startIndex = end + 1;
  }

  oncomment(start: number, end: number, offset: number): void {
    this.comment(start, end, offset, false);
  }

  oncdata(start: number, end: number, offset: number): void {
    // HTML is not XML: a CDATA section is a comment.
    this.comment(start, end, offset, true);
  }

  ondeclaration(start: number, end: number): void {
    this.endIndex = end;
    if (DOCTYPE_RE.test(this.html.slice(start, end))) this.preambleEnd = this.mapper.end(end + 1);
    this.startIndex = end + 1;
  }

  onprocessinginstruction(_start: number, end: number): void {
    this.endIndex = end;
    this.startIndex = end + 1;
  }

  onend(): void {
    // Elements still open are closed (implied) where the input ends, innermost first.
    this.endIndex = this.startIndex;
    const names = this.names;
    for (let k = names.length - 1; k >= 0; k--) this.closeElement(names[k], true);
  }
}

const NAME_SLOTS = 256;

function nameSlot(html: string, start: number, end: number): number {
  return (((html.charCodeAt(start) | 0x20) * 31 + (html.charCodeAt(end - 1) | 0x20)) * 8 + (end - start)) & (NAME_SLOTS - 1);
}

// Whether `html[start, end)` lowercases to `name`, for ASCII: A-Z match their lowercase letter,
// every other character itself. Any other character makes it false (the name is then sliced
// and lowercased as usual, which is right for every character).
function sameAsciiName(html: string, start: number, end: number, name: string): boolean {
  if (name.length !== end - start) return false;
  for (let i = 0; i < name.length; i++) {
    const c = html.charCodeAt(start + i);
    if (c >= 128) return false;
    const n = name.charCodeAt(i);
    if (c !== n && !(c >= 65 && c <= 90 && c + 32 === n)) return false;
  }
  return true;
}
