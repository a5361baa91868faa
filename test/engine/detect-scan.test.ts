// The scans of detect.ts replaced regular expressions with bounded repetitions ({0,400}) whose
// backtracking from every tag or line start was costly on hostile files (issue #10). The old
// expressions are kept here as the specification: on every draft of the repository and the
// shared corpus, and on inputs generated from the pieces those expressions look for, the scans
// must find exactly the same signals, in the same order, with the same verdict.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { findCorpus } from '../../scripts/corpus-dir';
import { detectDraft, type DetectSignal, type DraftVerdict } from '../../src/engine/detect';

const root = join(__dirname, '..', '..');

// The probes as they were, in their order (ties keep it after sorting by strength).
const REFERENCE: Array<{ key: string; points: number; re: RegExp; top?: boolean }> = [
  { key: 'ampEmail', points: 6, re: /<html\b[^>]{0,200}(?:⚡4email|amp4email)/iu },
  { key: 'inky', points: 2, re: /<(?:container|row|columns|spacer|wrapper)\b/i },
  { key: 'msoConditional', points: 3, re: /<!--\[if [^\]]{0,40}mso/i },
  { key: 'presentationTable', points: 2, re: /<table\b[^>]{0,400}\brole\s*=\s*["']?presentation/i },
  { key: 'fixedWidthContainer', points: 2, re: /(?:\bwidth\s*=\s*["']?(?:5[5-9]\d|6\d\d|700)\b|max-width\s*:\s*(?:5[5-9]\d|6\d\d|700)px)/i },
  { key: 'layoutTable', points: 1, re: /<table\b[^>]{0,400}\bcellpadding\s*=\s*["']?0/i },
  { key: 'mergeTag', points: 2, re: /\*\|[A-Z_:]{1,40}\|\*|%%[A-Za-z_]{1,40}%%|\{\{\s{0,3}(?:first_?name|unsubscribe|subscriber|contact\.|recipient)|\{\$[A-Za-z_]{1,40}\}|\[(?:unsubscribe|first_?name)\]/i },
  { key: 'unsubscribe', points: 2, re: /unsubscribe|d[ée]sinscri|d[ée]sabonn/i },
  { key: 'emailHeaders', points: 3, re: /^(?:subject|from|to)[ \t]{0,3}:/im, top: true },
  { key: 'greeting', points: 1, re: /^[ \t]{0,20}(?:<p[^>]{0,200}>[ \t]{0,5})?(?:hello|hi|dear|bonjour|bonsoir|cher|chère|salut)\b[^\n<]{0,60}[,!]/im },
  { key: 'viewInBrowser', points: 1, re: /view (?:it |this email )?in (?:your |a )?browser|voir (?:la version )?en ligne|version en ligne/i },
  { key: 'scriptSrc', points: -3, re: /<script\b[^>]{0,400}\bsrc\s*=/i },
  { key: 'stylesheetLink', points: -2, re: /<link\b[^>]{0,400}\brel\s*=\s*["']?stylesheet/i },
  { key: 'templateInheritance', points: -4, re: /\{%-?\s{0,3}(?:extends|block|include|load|url|static|csrf_token|macro|import)\b|\{\{\s{0,3}(?:url_for|csrf_token|form\.|super\(\))|<%=?\s{0,3}(?:yield|render|form_with|form_for|link_to|content_for|csrf_meta_tags|javascript_include_tag|stylesheet_link_tag)\b|@(?:extends|section|yield|csrf|include)\s{0,3}\(|\{\{>\s{0,3}layout/i },
  { key: 'webForm', points: -1, re: /<form\b[^>]{0,400}\bmethod\s*=/i },
  { key: 'pageChrome', points: -1, re: /<(?:nav|header|aside|dialog)\b/i },
];
const MARKER = /<!--\s{0,3}mailproof(?:\s{0,3}:[^>]{0,60})?\s{0,3}-->/i;

function reference(text: string, fileName = ''): DraftVerdict {
  const signals: DetectSignal[] = [];
  if (/\.(eml|msg|mbox)$/i.test(fileName)) signals.push({ key: 'emlFile', points: 100 });
  if (/\.mjml$/i.test(fileName)) signals.push({ key: 'mjmlFile', points: 100 });
  const head = text.slice(0, 256 * 1024);
  if (MARKER.test(head)) signals.push({ key: 'marker', points: 100 });
  if (/<mjml\b/i.test(head)) signals.push({ key: 'mjml', points: 100 });
  for (const p of REFERENCE) if (p.re.test(p.top ? head.slice(0, 2000) : head)) signals.push({ key: p.key, points: p.points });
  if (!/<(?:html|body|table|mjml)\b/i.test(head) && /\{\{|<%|\{%/.test(head)) signals.push({ key: 'templatePartial', points: -1 });
  let styles = 0;
  for (let i = head.indexOf('style='); i >= 0 && styles < 8; i = head.indexOf('style=', i + 6)) styles++;
  if (styles >= 8) signals.push({ key: 'inlineStyles', points: 1 });
  signals.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  if (signals.some((s) => s.points >= 100)) return { verdict: 'email', signals: signals.filter((s) => s.points >= 100) };
  const sum = signals.reduce((n, s) => n + s.points, 0);
  return { verdict: sum > 0 ? 'email' : sum < 0 ? 'web' : 'unknown', signals };
}

function files(dir: string, every = 1): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out.filter((_, i) => i % every === 0);
}

function agree(paths: string[]): number {
  for (const p of paths) {
    const text = readFileSync(p, 'utf8');
    assert.deepEqual(detectDraft(text, p), reference(text, p), relative(root, p));
  }
  return paths.length;
}

describe('detectDraft scans', () => {
  it('find the signals the regular expressions found, on every draft of the repository', () => {
    const n = agree(['test/fixtures', 'test/fixtures-web', 'test/cli/fixtures', 'examples', 'test/fuzz/regressions'].flatMap((d) => files(join(root, d))));
    assert.ok(n > 200, `${n} files`);
  });

  const corpus = findCorpus(root);
  it('find the signals the regular expressions found, on the shared corpus (templates, ham, spam, 1 in 20 of train)', { skip: !corpus && 'no shared corpus' }, () => {
    const n = agree([...['templates', 'ham', 'spam'].flatMap((d) => files(join(corpus!, d))), ...files(join(corpus!, 'train'), 20)]);
    assert.ok(n > 500, `${n} files`);
  });

  it('find the signals the regular expressions found, on inputs built from the pieces they look for', () => {
    // Pieces that start, fill, break and end each probe's window, in every case and spacing.
    const pieces = [
      '<table', '<TABLE', '<tables', ' role', 'ROLE', 'role=', ' = ', '"', "'", 'presentation', 'cellpadding', '=0', '0',
      '<html', '<HTML', ' amp4email', '⚡4email', '<script', ' src', 'src=', '<link', ' rel=', 'stylesheet', '<form', ' method', 'method =',
      '<!--', '<!--[if ', '<!--[IF ', 'mso', 'MSO', ']', ' mailproof', 'MailProof', ':', '-->', '--', ' note ',
      '\n', '\r', '\r\n', '\u2028', ' ', '\t', '\u00a0', '<p>', '<p class="x">', '<P', '>', '<',
      'hello', 'Hello', 'hi', 'HI', 'dear', 'bonjour', 'bonsoir', 'cher', 'chère', 'CHÈRE', 'salut', 'ſalut', 'İ', 'hix', ',', '!', 'Sam', 'x', 'a_b', '9',
    ];
    let seed = 7;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    for (let k = 0; k < 4000; k++) {
      let text = '';
      for (let m = 2 + next(40); m > 0; m--) {
        const piece = pieces[next(pieces.length)];
        // Runs long enough to cross the windows (20, 40, 60, 200 and 400 characters).
        text += next(8) === 0 ? piece.repeat(1 + next(120)) : piece;
      }
      assert.deepEqual(detectDraft(text, 'a.html'), reference(text, 'a.html'), JSON.stringify(text));
    }
  });
});
