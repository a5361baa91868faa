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

// Every pattern is linear: literal prefixes, bounded classes, no nested quantifiers.
const PROBES: Probe[] = [
  // Email layout.
  // AMP for Email (amp.dev: `<html ⚡4email>` or `<html amp4email>`) loads AMP's script legitimately.
  // regex-audit: safe, bounded repetitions ({0,400} at most) tried from each tag or line start, on the first SCAN_CHARS (256 KB): linear, if with a large constant
  { key: 'ampEmail', points: 6, re: /<html\b[^>]{0,200}(?:⚡4email|amp4email)/iu },
  // Inky, the markup of Foundation for Emails.
  { key: 'inky', points: 2, re: /<(?:container|row|columns|spacer|wrapper)\b/i },
  // regex-audit: safe, at most 40 characters tried from each `<!--[if `, on the first SCAN_CHARS (256 KB)
  { key: 'msoConditional', points: 3, re: /<!--\[if [^\]]{0,40}mso/i },
  // regex-audit: safe, bounded repetitions ({0,400} at most) tried from each tag or line start, on the first SCAN_CHARS (256 KB): linear, if with a large constant
  { key: 'presentationTable', points: 2, re: /<table\b[^>]{0,400}\brole\s*=\s*["']?presentation/i },
  // Email templates centre a column 550–700 px wide (Litmus, Campaign Monitor guides: 600 px).
  { key: 'fixedWidthContainer', points: 2, re: /(?:\bwidth\s*=\s*["']?(?:5[5-9]\d|6\d\d|700)\b|max-width\s*:\s*(?:5[5-9]\d|6\d\d|700)px)/i },
  // regex-audit: safe, bounded repetitions ({0,400} at most) tried from each tag or line start, on the first SCAN_CHARS (256 KB): linear, if with a large constant
  { key: 'layoutTable', points: 1, re: /<table\b[^>]{0,400}\bcellpadding\s*=\s*["']?0/i },
  { key: 'mergeTag', points: 2, re: /\*\|[A-Z_:]{1,40}\|\*|%%[A-Za-z_]{1,40}%%|\{\{\s{0,3}(?:first_?name|unsubscribe|subscriber|contact\.|recipient)|\{\$[A-Za-z_]{1,40}\}|\[(?:unsubscribe|first_?name)\]/i },
  { key: 'unsubscribe', points: 2, re: /unsubscribe|d[ée]sinscri|d[ée]sabonn/i },
  { key: 'emailHeaders', points: 3, re: /^(?:subject|from|to)[ \t]{0,3}:/im, top: true },
  // regex-audit: safe, bounded repetitions ({0,400} at most) tried from each tag or line start, on the first SCAN_CHARS (256 KB): linear, if with a large constant
  { key: 'greeting', points: 1, re: /^[ \t]{0,20}(?:<p[^>]{0,200}>[ \t]{0,5})?(?:hello|hi|dear|bonjour|bonsoir|cher|chère|salut)\b[^\n<]{0,60}[,!]/im },
  { key: 'viewInBrowser', points: 1, re: /view (?:it |this email )?in (?:your |a )?browser|voir (?:la version )?en ligne|version en ligne/i },
  // Web pages and application templates.
  // regex-audit: safe, bounded repetitions ({0,400} at most) tried from each tag or line start, on the first SCAN_CHARS (256 KB): linear, if with a large constant
  { key: 'scriptSrc', points: -3, re: /<script\b[^>]{0,400}\bsrc\s*=/i },
  // regex-audit: safe, bounded repetitions ({0,400} at most) tried from each tag or line start, on the first SCAN_CHARS (256 KB): linear, if with a large constant
  { key: 'stylesheetLink', points: -2, re: /<link\b[^>]{0,400}\brel\s*=\s*["']?stylesheet/i },
  { key: 'templateInheritance', points: -4, re: /\{%-?\s{0,3}(?:extends|block|include|load|url|static|csrf_token|macro|import)\b|\{\{\s{0,3}(?:url_for|csrf_token|form\.|super\(\))|<%=?\s{0,3}(?:yield|render|form_with|form_for|link_to|content_for|csrf_meta_tags|javascript_include_tag|stylesheet_link_tag)\b|@(?:extends|section|yield|csrf|include)\s{0,3}\(|\{\{>\s{0,3}layout/i },
  // regex-audit: safe, bounded repetitions ({0,400} at most) tried from each tag or line start, on the first SCAN_CHARS (256 KB): linear, if with a large constant
  { key: 'webForm', points: -1, re: /<form\b[^>]{0,400}\bmethod\s*=/i },
  { key: 'pageChrome', points: -1, re: /<(?:nav|header|aside|dialog)\b/i },
];

// regex-audit: safe, bounded repetitions (at most 66 characters) from each `<!--`, on the first SCAN_CHARS (256 KB)
const MARKER = /<!--\s{0,3}mailproof(?:\s{0,3}:[^>]{0,60})?\s{0,3}-->/i;
const MJML = /<mjml\b/i;

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
  if (MARKER.test(head)) signals.push({ key: 'marker', points: DECISIVE });
  if (MJML.test(head)) signals.push({ key: 'mjml', points: DECISIVE });
  for (const p of PROBES) if (p.re.test(p.top ? head.slice(0, 2000) : head)) signals.push({ key: p.key, points: p.points });
  // A fragment with template expressions and no document or table around it: a web
  // framework's partial (`<h1>{{title}}</h1>`), unless email signals say otherwise.
  if (!/<(?:html|body|table|mjml)\b/i.test(head) && /\{\{|<%|\{%/.test(head)) signals.push({ key: 'templatePartial', points: -1 });
  // Many inline styles and no style sheet: email clients drop <link> and most <style>.
  if (countInlineStyles(head) >= 8) signals.push({ key: 'inlineStyles', points: 1 });
  signals.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  if (signals.some((s) => s.points >= DECISIVE)) return { verdict: 'email', signals: signals.filter((s) => s.points >= DECISIVE) };
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
