/**
 * "Is this an email?" from the file's content, so that Mailproof lints drafts and leaves web
 * pages and web-application templates alone, whatever folder they sit in.
 *
 * Email layouts have habits that web pages do not: presentation tables, Outlook (`mso`)
 * conditional comments, a container about 600 px wide, inline styles, merge tags, an
 * unsubscribe link. Web pages and framework templates load scripts and style sheets and use
 * their framework's layout and form syntax (`{% extends %}`, `{% csrf_token %}`, `<%= yield %>`,
 * `@section`). Each signal found adds or removes points; the verdict follows the sign.
 */
import { isSpaceCode } from './text/normalize';

/** A reason for the verdict; `key` names a message `detect.<key>`. */
export interface DetectSignal {
  key: string;
  /** Points toward email (positive) or toward a web page (negative). */
  points: number;
}

/** What a file looks like: an email draft, a web page, or nothing telling. */
export interface DraftVerdict {
  verdict: 'email' | 'web' | 'unknown';
  /** The signals found, strongest first. */
  signals: DetectSignal[];
}

// Only the head of a file is read: a signal of a large file shows in its first 256 KB.
const SCAN_CHARS = 256 * 1024;
// A signal that decides alone (a `.eml` file, MJML, the marker comment).
const DECISIVE = 100;

interface Probe {
  key: string;
  points: number;
  re: RegExp;
  /** Looked for in the first 2,000 characters only (headers and front matter come first). */
  top?: boolean;
}

// Every pattern is linear: literal prefixes, bounded classes, no nested quantifiers. Signals
// that need a bounded window (an attribute within a start tag, a greeting after a `<p>`) are
// found by the scans below rather than by `{0,400}` repetitions, which were tried again from
// every tag or line start (200 KB of unclosed `<table ` tags: 63 ms as expressions, 10 ms scanned).
const PROBES: Probe[] = [
  // Email layout.
  // Email templates centre a column 550–700 px wide (Litmus, Campaign Monitor guides: 600 px).
  { key: 'fixedWidthContainer', points: 2, re: /(?:\bwidth\s*=\s*["']?(?:5[5-9]\d|6\d\d|700)\b|max-width\s*:\s*(?:5[5-9]\d|6\d\d|700)px)/i },
  { key: 'mergeTag', points: 2, re: /\*\|[A-Z_:]{1,40}\|\*|%%[A-Za-z_]{1,40}%%|\{\{\s{0,3}(?:first_?name|unsubscribe|subscriber|contact\.|recipient)|\{\$[A-Za-z_]{1,40}\}|\[(?:unsubscribe|first_?name)\]/i },
  { key: 'unsubscribe', points: 2, re: /unsubscribe|d[ée]sinscri|d[ée]sabonn/i },
  { key: 'emailHeaders', points: 3, re: /^(?:subject|from|to)[ \t]{0,3}:/im, top: true },
  { key: 'viewInBrowser', points: 1, re: /view (?:it |this email )?in (?:your |a )?browser|voir (?:la version )?en ligne|version en ligne/i },
  // Web pages and application templates.
  { key: 'templateInheritance', points: -4, re: /\{%-?\s{0,3}(?:extends|block|include|load|url|static|csrf_token|macro|import)\b|\{\{\s{0,3}(?:url_for|csrf_token|form\.|super\(\))|<%=?\s{0,3}(?:yield|render|form_with|form_for|link_to|content_for|csrf_meta_tags|javascript_include_tag|stylesheet_link_tag)\b|@(?:extends|section|yield|csrf|include)\s{0,3}\(|\{\{>\s{0,3}layout/i },
];

// Elements that tell by their name alone (`<name` and a word boundary, in any case), found by one
// pass over the `<` rather than one regular expression each.
const NAME_PROBES: Array<{ key: string; points: number; names: string[] }> = [
  // MJML markup: email whatever else the file holds.
  { key: 'mjml', points: DECISIVE, names: ['mjml'] },
  // Inky, the markup of Foundation for Emails.
  { key: 'inky', points: 2, names: ['container', 'row', 'columns', 'spacer', 'wrapper'] },
  { key: 'pageChrome', points: -1, names: ['nav', 'header', 'aside', 'dialog'] },
];
// Their first letters. As with `/<name\b/i`, only ASCII letters match them (without the `u`
// flag no other character case-folds to ASCII), so they are compared on the code with bit 5 set.
const NAME_INITIALS = new Set(NAME_PROBES.flatMap((p) => p.names.map((name) => name.charCodeAt(0))));

/** The keys of the name probes found in `text`: `/<(?:names)\b/i` for each, in one pass. */
function scanNames(text: string): Set<string> {
  const found = new Set<string>();
  for (let i = text.indexOf('<'); i >= 0 && found.size < NAME_PROBES.length; i = text.indexOf('<', i + 1)) {
    const first = text.charCodeAt(i + 1) | 0x20;
    if (!NAME_INITIALS.has(first)) continue;
    for (const probe of NAME_PROBES) {
      if (found.has(probe.key)) continue;
      for (const name of probe.names) {
        if (name.charCodeAt(0) !== first || !wordAt(text, i + 1, name) || isWordCode(text.charCodeAt(i + 1 + name.length))) continue;
        found.add(probe.key);
        break;
      }
    }
  }
  return found;
}

// ---- scans ---------------------------------------------------------------------------------
// ASCII case folding and JavaScript's `\s` and `\w` (without the `u` flag), so that each scan
// finds exactly what the regular expression it replaces found.

const isWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Whether `word` (lower case) is at `i`, ignoring case. */
function wordAt(text: string, i: number, word: string): boolean {
  if (i + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) {
    let c = text.charCodeAt(i + k);
    if (c >= 65 && c <= 90) c += 32;
    else if (c > 127) {
      // Case folding of `i` without `u`: upper case, one character, never from or to ASCII.
      const upper = text[i + k].toUpperCase();
      if (word.charCodeAt(k) < 128 || upper.length !== 1 || upper !== word[k].toUpperCase()) return false;
      continue;
    }
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** The index after the `\s` characters from `i`. */
function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** `name\s*=\s*["']?value` at `i` (`value` empty: the `=` is enough). */
function attributeAt(text: string, i: number, name: string, value = ''): boolean {
  if (!wordAt(text, i, name)) return false;
  let k = skipSpaces(text, i + name.length);
  if (text.charCodeAt(k) !== 61 /* = */) return false;
  if (!value) return true;
  k = skipSpaces(text, k + 1);
  if (text[k] === '"' || text[k] === "'") k++;
  return wordAt(text, k, value);
}

interface TagProbe {
  key: string;
  points: number;
  /** The element's name (lower case): the attribute is looked for in its start tag. */
  tag: string;
  /** At most this many characters between the name and the attribute (none of them `>`). */
  window: number;
  /** The attribute starts a word (`\b`), as attributes after a space do. */
  wordStart: boolean;
  /** The first character of the attribute, in lower case (a quick test before `attr`). */
  first: string;
  /** `\b` after the name as with the `u` and `i` flags, where ſ (U+017F) and K (U+212A) are word characters. */
  unicode?: boolean;
  attr(text: string, i: number): boolean;
}

const TAG_PROBES: TagProbe[] = [
  // AMP for Email (amp.dev: `<html ⚡4email>` or `<html amp4email>`) loads AMP's script legitimately.
  { key: 'ampEmail', points: 6, tag: 'html', window: 200, wordStart: false, unicode: true, first: '⚡a', attr: (t, i) => t.startsWith('⚡4email', i) || wordAt(t, i, 'amp4email') },
  { key: 'presentationTable', points: 2, tag: 'table', window: 400, wordStart: true, first: 'r', attr: (t, i) => attributeAt(t, i, 'role', 'presentation') },
  { key: 'layoutTable', points: 1, tag: 'table', window: 400, wordStart: true, first: 'c', attr: (t, i) => attributeAt(t, i, 'cellpadding', '0') },
  { key: 'scriptSrc', points: -3, tag: 'script', window: 400, wordStart: true, first: 's', attr: (t, i) => attributeAt(t, i, 'src') },
  { key: 'stylesheetLink', points: -2, tag: 'link', window: 400, wordStart: true, first: 'r', attr: (t, i) => attributeAt(t, i, 'rel', 'stylesheet') },
  { key: 'webForm', points: -1, tag: 'form', window: 400, wordStart: true, first: 'm', attr: (t, i) => attributeAt(t, i, 'method') },
];

// The first letters of the probes' element names: a quick test before comparing names. Only
// ASCII letters lowercase to them (of the other characters, only the Kelvin sign and İ lowercase
// to ASCII), so they are compared on the code with bit 5 set.
const TAG_INITIALS = new Set(TAG_PROBES.map((t) => t.tag.charCodeAt(0)));
// Per probe, the codes of the first characters its attribute may start with; and all of them,
// so that the other characters of a start tag are passed over without trying each probe.
const FIRST_CODES = TAG_PROBES.map((t) => [...t.first].map((c) => c.charCodeAt(0)));
const FIRST_ASCII = new Uint8Array(128);
const FIRST_OTHER = new Set<number>();
for (const codes of FIRST_CODES) for (const c of codes) c < 128 ? (FIRST_ASCII[c] = 1) : FIRST_OTHER.add(c);

/**
 * The tag probes in one pass: for each probe, the window of the latest start tag of its element
 * not yet closed by a `>` (the latest one leaves the most room), and the attribute tried at each
 * position inside it. Each position costs a constant, whatever the input.
 */
function scanTags(text: string): Set<string> {
  const found = new Set<string>();
  // Per probe: where the window of the open start tag begins, or -1.
  const open = TAG_PROBES.map(() => -1);
  let openCount = 0;
  // The first position past an open window, where it must be closed: the probes are looked at
  // there too, so that windows close where they did when every position looked.
  let expiry = Infinity;
  for (let i = 0; i < text.length; i++) {
    // Outside every window only a `<` matters: jump to the next one.
    if (openCount === 0) {
      i = text.indexOf('<', i);
      if (i < 0) break;
    }
    const c = text.charCodeAt(i);
    if (c === 62 /* > */) {
      open.fill(-1);
      openCount = 0;
      expiry = Infinity;
      continue;
    }
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    if (openCount > 0 && (i > expiry || (lower < 128 ? FIRST_ASCII[lower] === 1 : FIRST_OTHER.has(lower)))) {
      const wordStart = i === 0 || !isWordCode(text.charCodeAt(i - 1));
      expiry = Infinity;
      for (let p = 0; p < TAG_PROBES.length; p++) {
        if (open[p] < 0) continue;
        const probe = TAG_PROBES[p];
        if (i < open[p]) {
          expiry = Math.min(expiry, open[p] + probe.window);
          continue;
        }
        if (i - open[p] > probe.window) {
          open[p] = -1;
          openCount--;
          continue;
        }
        expiry = Math.min(expiry, open[p] + probe.window);
        if ((wordStart || !probe.wordStart) && FIRST_CODES[p].includes(lower) && !found.has(probe.key) && probe.attr(text, i)) found.add(probe.key);
      }
    }
    if (c === 60 /* < */ && i + 1 < text.length && TAG_INITIALS.has(text.charCodeAt(i + 1) | 0x20)) {
      for (let p = 0; p < TAG_PROBES.length; p++) {
        const { tag, unicode } = TAG_PROBES[p];
        const end = i + 1 + tag.length;
        const after = text.charCodeAt(end);
        if (wordAt(text, i + 1, tag) && (end >= text.length || !(isWordCode(after) || (unicode && (after === 0x17f || after === 0x212a))))) {
          if (open[p] < 0) openCount++;
          open[p] = end;
          expiry = Math.min(expiry, end + TAG_PROBES[p].window);
        }
      }
    }
  }
  return found;
}

/** `<!--[if` then `mso` within 40 characters, none of them `]`: an Outlook conditional comment. */
function hasMsoConditional(text: string): boolean {
  const mso = /mso/gi;
  const nextMso = cursor(text.length, (from) => {
    mso.lastIndex = from;
    return mso.exec(text)?.index ?? -1;
  });
  const nextBracket = cursor(text.length, (from) => text.indexOf(']', from));
  for (let i = text.indexOf('<!--['); i >= 0; i = text.indexOf('<!--[', i + 5)) {
    if (!wordAt(text, i + 5, 'if ')) continue;
    const from = i + 8;
    const at = nextMso(from);
    if (at <= from + 40 && at < text.length && nextBracket(from) > at) return true;
  }
  return false;
}

/**
 * The first match at or after a position (`n` when none), for positions asked in increasing
 * order: a match found stays the answer until a position passes it, so each search starts
 * where no earlier one looked and a whole scan costs one pass.
 */
function cursor(n: number, find: (from: number) => number): (from: number) => number {
  let asked = Infinity;
  let at = -1;
  return (from) => {
    if (from < asked || at < from) {
      at = find(from);
      if (at < 0) at = n;
    }
    asked = from;
    return at;
  };
}

/** `<!-- mailproof -->` or `<!-- mailproof: note -->` (up to 3 spaces around, a note of up to 60 characters). */
function hasMarker(text: string): boolean {
  const spaces = (k: number) => {
    let n = 0;
    while (n < 4 && isSpaceCode(text.charCodeAt(k + n))) n++;
    return n;
  };
  const nextGt = cursor(text.length, (from) => text.indexOf('>', from));
  for (let i = text.indexOf('<!--'); i >= 0; i = text.indexOf('<!--', i + 4)) {
    let k = i + 4;
    const lead = spaces(k);
    if (lead > 3 || !wordAt(text, (k += lead), 'mailproof')) continue;
    k += 9;
    const gap = spaces(k);
    if (gap <= 3 && text.startsWith('-->', k + gap)) return true;
    if (gap > 3 || text[k + gap] !== ':') continue;
    // The note: the first `>` after the colon ends the comment; the note and up to 3 spaces fill the rest.
    const from = k + gap + 1;
    const gt = nextGt(from);
    if (gt >= text.length || gt - from > 65 || gt - 2 < from || !text.startsWith('-->', gt - 2)) continue;
    const length = gt - 2 - from;
    let trailing = 0;
    while (trailing < 3 && trailing < length && isSpaceCode(text.charCodeAt(gt - 3 - trailing))) trailing++;
    if (length - trailing <= 60) return true;
  }
  return false;
}

// A space or a tab.
const isBlankCode = (c: number) => c === 32 || c === 9;

const GREETINGS = ['hello', 'hi', 'dear', 'bonjour', 'bonsoir', 'cher', 'chère', 'salut'];

/**
 * A line that opens with a greeting followed by `,` or `!` within 60 characters (`Hello Sam,`,
 * `<p>Bonjour Marie !`): up to 20 spaces or tabs, an optional `<p…>` start tag (up to 200
 * characters) and 5 spaces or tabs, the greeting word, then no newline or `<` before the comma.
 */
function hasGreeting(text: string): boolean {
  const n = text.length;
  // The first `>` after a `<p`: line starts only grow, so one cursor serves all.
  const nextGt = cursor(n, (from) => text.indexOf('>', from));
  let lastWordAt = -1;
  const greetingAt = greetings(text);
  // The next line terminator of each kind at or after a position (or n), found with indexOf
  // and kept while it is still ahead: each character is searched once per kind.
  const terminators = ['\n', '\r', '\u2028', '\u2029'];
  const next = terminators.map(() => -1);
  const nextLineStart = (from: number) => {
    let end = n;
    for (let t = 0; t < terminators.length; t++) {
      if (next[t] < from) {
        next[t] = text.indexOf(terminators[t], from);
        if (next[t] < 0) next[t] = n;
      }
      if (next[t] < end) end = next[t];
    }
    return end + 1;
  };
  for (let line = 0; line < n; ) {
    let k = line;
    // Character codes, not one-character strings: this runs over the indentation of every line.
    while (k < n && k - line <= 20 && isBlankCode(text.charCodeAt(k))) k++;
    if (k - line <= 20) {
      let w = k;
      if (text.charCodeAt(k) === 60 /* < */ && (text.charCodeAt(k + 1) | 0x20) === 112 /* p */) {
        const gt = nextGt(k + 2);
        w = -1;
        if (gt < n && gt - (k + 2) <= 200) {
          let s = gt + 1;
          while (s < n && s - (gt + 1) <= 5 && isBlankCode(text.charCodeAt(s))) s++;
          if (s - (gt + 1) <= 5) w = s;
        }
      }
      // Start tags that share their `>` lead to the same word: it is looked at once.
      if (w >= 0 && w !== lastWordAt) {
        lastWordAt = w;
        if (greetingAt(w)) return true;
      }
    }
    // The next line: `^` with the `m` flag follows \n, \r, U+2028 and U+2029.
    const c = text.charCodeAt(k);
    line = c === 10 || c === 13 || c === 0x2028 || c === 0x2029 ? k + 1 : nextLineStart(k);
  }
  return false;
}

/**
 * A greeting word at `w` followed by `,` or `!` within 60 characters, none of them a newline or
 * `<`. The search for that stop character remembers how far it found none, so that greetings
 * on short lines that follow each other (`hi\rhi\r…`) do not each scan 60 characters again.
 */
function greetings(text: string): (w: number) => boolean {
  const n = text.length;
  // No stop character (`,` `!` newline `<`) in [clearFrom, clearTo).
  let clearFrom = 0;
  let clearTo = 0;
  const stopWithin = (from: number, limit: number) => {
    let k = from >= clearFrom && from <= clearTo ? clearTo : from;
    if (k === from) clearFrom = from;
    while (k < limit) {
      const c = text.charCodeAt(k);
      if (c === 44 || c === 33 || c === 10 || c === 60) break;
      k++;
    }
    clearTo = k;
    return k < limit ? k : -1;
  };
  return (w) => {
    const first = text.charCodeAt(w) | 32;
    if (first !== 104 && first !== 100 && first !== 98 && first !== 99 && first !== 115) return false; // h d b c s
    for (const g of GREETINGS) {
      const end = w + g.length;
      if (!wordAt(text, w, g)) continue;
      // `\b` after the word (è is not a word character without the `u` flag).
      if (isWordCode(text.charCodeAt(end - 1)) === (end < n && isWordCode(text.charCodeAt(end)))) continue;
      const stop = stopWithin(end, Math.min(end + 61, n));
      if (stop >= 0 && (text[stop] === ',' || text[stop] === '!')) return true;
    }
    return false;
  };
}

// Points of the signals the scans find, and the order signals are listed in (the order of the
// probes when all were regular expressions: ties keep it after sorting by strength).
const POINTS: Record<string, number> = { ...Object.fromEntries([...PROBES, ...TAG_PROBES, ...NAME_PROBES].map((p) => [p.key, p.points])), msoConditional: 3, greeting: 1 };
const SIGNAL_ORDER = ['ampEmail', 'inky', 'msoConditional', 'presentationTable', 'fixedWidthContainer', 'layoutTable', 'mergeTag', 'unsubscribe', 'emailHeaders', 'greeting', 'viewInBrowser', 'scriptSrc', 'stylesheetLink', 'templateInheritance', 'webForm', 'pageChrome'];

/**
 * Decides from a file's name and content whether it looks like an email draft. `.eml` and
 * `.mjml` files, MJML markup and a `<!-- mailproof -->` comment are email whatever else they
 * hold; otherwise the signals' points add up (positive: email, negative: web page, zero:
 * unknown).
 */
export function detectDraft(text: string, fileName = ''): DraftVerdict {
  const signals: DetectSignal[] = [];
  if (/\.(eml|msg|mbox)$/i.test(fileName)) signals.push({ key: 'emlFile', points: DECISIVE });
  if (/\.mjml$/i.test(fileName)) signals.push({ key: 'mjmlFile', points: DECISIVE });
  const head = text.length > SCAN_CHARS ? text.slice(0, SCAN_CHARS) : text;
  if (hasMarker(head)) signals.push({ key: 'marker', points: DECISIVE });
  const names = scanNames(head);
  if (names.has('mjml')) signals.push({ key: 'mjml', points: DECISIVE });
  // A decisive signal decides alone, and the verdict lists only those: the other probes would
  // not change it (a CLI run over .eml files skips them all).
  if (signals.length) return { verdict: 'email', signals };
  const tags = scanTags(head);
  // The order of the signals list: the probes' order before the scans replaced some of them.
  const found = (key: string) => {
    if (key === 'msoConditional') return hasMsoConditional(head);
    if (key === 'greeting') return hasGreeting(head);
    if (TAG_PROBES.some((t) => t.key === key)) return tags.has(key);
    if (NAME_PROBES.some((t) => t.key === key)) return names.has(key);
    const p = PROBES.find((q) => q.key === key)!;
    return p.re.test(p.top ? head.slice(0, 2000) : head);
  };
  for (const key of SIGNAL_ORDER) if (found(key)) signals.push({ key, points: POINTS[key] });
  // A fragment with template expressions and no document or table around it: a web
  // framework's partial (`<h1>{{title}}</h1>`), unless email signals say otherwise.
  if (!/<(?:html|body|table|mjml)\b/i.test(head) && /\{\{|<%|\{%/.test(head)) signals.push({ key: 'templatePartial', points: -1 });
  // Many inline styles and no style sheet: email clients drop <link> and most <style>.
  if (countInlineStyles(head) >= 8) signals.push({ key: 'inlineStyles', points: 1 });
  signals.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  const sum = signals.reduce((n, s) => n + s.points, 0);
  return { verdict: sum > 0 ? 'email' : sum < 0 ? 'web' : 'unknown', signals };
}

function countInlineStyles(text: string): number {
  let n = 0;
  // Bounded: stops counting at 8.
  for (let i = text.indexOf('style='); i >= 0 && n < 8; i = text.indexOf('style=', i + 6)) n++;
  return n;
}

/** The signals of a verdict as one readable list, strongest first (at most four). */
export function signalList(v: DraftVerdict, t: (key: string) => string): string {
  const want = v.verdict === 'web' ? (s: DetectSignal) => s.points < 0 : (s: DetectSignal) => s.points > 0;
  return v.signals.filter(want).slice(0, 4).map((s) => t(`detect.${s.key}`)).join(', ');
}
