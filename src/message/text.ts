import { Parser } from 'htmlparser2';

// Elements that end a line of text, as a mail client's "plain text" view renders them.
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);
// Paragraph-like blocks get a blank line around them.
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'ul', 'ol', 'hr', 'pre']);
// Content never shown as text.
const HIDDEN = new Set(['head', 'script', 'style', 'title', 'template', 'noscript', 'mj-head', 'mj-style', 'mj-attributes']);
// RFC 5322 §2.1.1: lines SHOULD be at most 78 characters; 76 leaves room for quoted-printable.
const WRAP_COLUMNS = 76;
// Text parts longer than this are cut (a text alternative of a newsletter is a few KB).
export const MAX_TEXT_CHARS = 1_000_000;
const MAX_LINK_TEXT_CHARS = 2048;
const MAX_OPEN_LINKS = 16;

/**
 * The plain-text alternative of an HTML body: visible text in reading order, a blank line
 * between paragraphs, list items with "- ", links as "text <url>" (once when the text is the
 * URL), images as their `alt` text, lines wrapped at 76 columns. SpamAssassin compares it with
 * its own rendering of the HTML (MPART_ALT_DIFF), so it keeps every visible word.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let hidden = 0;
  let pre = 0;
  let pendingBreak = 0; // 1: new line, 2: blank line
  // Open links and the text shown so far inside each (capped: only compared with the URL).
  const links: Array<{ href: string; shown: string }> = [];
  let chunk = '';

  const flushWord = () => {
    if (!chunk) return;
    if (pendingBreak) {
      endLine();
      if (pendingBreak === 2 && lines.length && lines[lines.length - 1] !== '') lines.push('');
      pendingBreak = 0;
    }
    line += chunk;
    chunk = '';
  };
  const endLine = () => {
    const trimmed = line.trimEnd();
    if (trimmed || (lines.length && lines[lines.length - 1] !== '')) lines.push(trimmed);
    line = '';
  };
  const append = (text: string) => {
    if (hidden) return;
    for (const l of links) if (l.shown.length < MAX_LINK_TEXT_CHARS) l.shown += text;
    if (pre) {
      for (const c of text) {
        if (c === '\n') {
          flushWord();
          endLine();
        } else chunk += c;
      }
      flushWord();
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f') {
        if (chunk) flushWord();
        if (line && !line.endsWith(' ') && !pendingBreak) line += ' ';
      } else chunk += c === '\u00a0' ? ' ' : c;
    }
    flushWord();
  };
  const block = (name: string) => {
    const kind = PARAGRAPH.has(name) ? 2 : 1;
    if (line.trim() || pendingBreak) pendingBreak = Math.max(pendingBreak, kind);
    else if (lines.length) pendingBreak = Math.max(pendingBreak, kind);
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (HIDDEN.has(name)) hidden++;
        if (hidden) return;
        if (name === 'pre') pre++;
        if (BLOCK.has(name)) block(name);
        if (name === 'br') {
          flushWord();
          endLine();
          pendingBreak = 0;
        } else if (name === 'li') append('- ');
        else if (name === 'img' && attrs.alt?.trim()) append(` ${attrs.alt.trim()} `);
        else if (name === 'a' && links.length < MAX_OPEN_LINKS) links.push({ href: (attrs.href ?? '').trim(), shown: '' });
        else if (name === 'td' || name === 'th') append(' ');
      },
      ontext(text) {
        append(text);
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) {
          if (hidden) hidden--;
          return;
        }
        if (hidden) return;
        if (name === 'pre' && pre) pre--;
        if (name === 'a') {
          const link = links.pop();
          if (link && /^(https?|mailto):/i.test(link.href)) {
            const shown = link.shown.replace(/\s+/g, ' ').trim();
            const bare = link.href.replace(/^mailto:/i, '');
            if (shown !== link.href && shown !== bare) append(` <${bare}>`);
          }
        }
        if (BLOCK.has(name)) block(name);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html.length > MAX_TEXT_CHARS * 4 ? html.slice(0, MAX_TEXT_CHARS * 4) : html);
  parser.end();
  flushWord();
  endLine();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  const out = lines.flatMap(wrap).join('\n');
  return (out.length > MAX_TEXT_CHARS ? out.slice(0, MAX_TEXT_CHARS) : out) + '\n';
}

/** Wraps a line at spaces before WRAP_COLUMNS; a longer word (a URL) stays whole on its line. */
function wrap(line: string): string[] {
  if (line.length <= WRAP_COLUMNS) return [line];
  const out: string[] = [];
  let rest = line;
  while (rest.length > WRAP_COLUMNS) {
    let cut = rest.lastIndexOf(' ', WRAP_COLUMNS);
    if (cut <= 0) cut = rest.indexOf(' ', WRAP_COLUMNS);
    if (cut <= 0) break;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut + 1);
  }
  out.push(rest);
  return out;
}
