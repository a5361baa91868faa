import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Parser } from 'htmlparser2';
import { attr, type HtmlElement, MAX_HTML_DEPTH, parseHtml } from '../../src/engine/parse/html';
import { BLOCK_BREAK, MERGE_TAG_MASK } from '../../src/engine/text/view';

describe('parseHtml', () => {
  const src = '<!DOCTYPE html><p class="a" id=b data-x=\'&amp;y\' hidden>Promo sp&eacute;ciale&nbsp;x</p><img src="a.png" alt="Logo"><style>p{width:900px}</style><!-- note -->';
  const doc = parseHtml(src);

  it('keeps element and attribute ranges', () => {
    const p = doc.byName('p')[0];
    assert.equal(src.slice(p.start, p.end), src.slice(src.indexOf('<p'), src.indexOf('</p>') + 4));
    assert.equal(src.slice(p.start, p.nameEnd), '<p');
    const cls = attr(p, 'class')!;
    assert.equal(src.slice(cls.start, cls.end), 'class="a"');
    assert.equal(src.slice(cls.valueStart, cls.valueEnd), 'a');
    const id = attr(p, 'id')!;
    assert.equal(src.slice(id.valueStart, id.valueEnd), 'b');
    const data = attr(p, 'data-x')!;
    assert.equal(data.value, '&y');
    assert.equal(src.slice(data.valueStart, data.valueEnd), '&amp;y');
    const hidden = attr(p, 'hidden')!;
    assert.equal(hidden.value, '');
    assert.equal(src.slice(hidden.start, hidden.end), 'hidden');
  });

  it('decodes visible text and maps it back through entities', () => {
    assert.equal(doc.text.text.split(BLOCK_BREAK).filter(Boolean)[0], 'Promo spéciale\u00a0x');
    const from = doc.text.text.indexOf('spéciale');
    const r = doc.text.sourceRange(from, from + 'spéciale'.length);
    assert.equal(src.slice(r.start, r.end), 'sp&eacute;ciale');
  });

  it('collects alt text, styles, comments and the end of the doctype', () => {
    assert.match(doc.altText.text, /Logo/);
    assert.equal(doc.styles[0].text, 'p{width:900px}');
    assert.equal(src.slice(doc.styles[0].start, doc.styles[0].end), 'p{width:900px}');
    assert.equal(doc.comments[0].text, ' note ');
    assert.equal(src.slice(0, doc.preambleEnd), '<!DOCTYPE html>');
  });

  it('keeps script, style and head text out of the visible text', () => {
    const d = parseHtml('<head><title>Promo</title></head><body><script>var x="GRATUIT"</script><p>Bonjour</p></body>');
    assert.doesNotMatch(d.text.text, /GRATUIT|Promo/);
    assert.match(d.text.text, /Bonjour/);
  });

  it('masks merge tags', () => {
    const d = parseHtml('<p>Hello *|FNAME|* and {{ last_name }}!</p>');
    assert.ok(d.text.text.includes(MERGE_TAG_MASK.repeat('*|FNAME|*'.length)));
    assert.doesNotMatch(d.text.text, /FNAME|last_name/);
  });

  it('survives unclosed tags and deep nesting', () => {
    const deep = '<div>'.repeat(10_000) + 'x';
    const d = parseHtml(deep);
    assert.equal(d.byName('div').length, 10_000);
    assert.equal(d.byName('div')[9_999].end, deep.length);
    const u = parseHtml('<p><b>bold <i>both');
    assert.equal(u.byName('i')[0].end, '<p><b>bold <i>both'.length);
  });

  it('maps offsets through a mapper (MIME parts)', () => {
    const d = parseHtml('<p>Hi</p>', { start: (o) => o + 100, end: (o) => o + 100 });
    const p = d.byName('p')[0];
    assert.equal(p.start, 100);
    assert.equal(p.end, 109);
  });
});

describe('parseHtml: deep nesting', () => {
  it('keeps at most MAX_HTML_DEPTH levels and reads deeper elements as siblings, as Chromium does', () => {
    const depth = MAX_HTML_DEPTH + 100;
    const doc = parseHtml('<div>'.repeat(depth) + '<p>deep</p>' + '</div>'.repeat(depth));
    const ancestors = (el: HtmlElement | undefined) => {
      let n = 0;
      for (let p = el?.parent; p; p = p.parent) n++;
      return n;
    };
    assert.equal(doc.elements.length, depth + 1);
    assert.ok(Math.max(...doc.elements.map(ancestors)) < MAX_HTML_DEPTH);
    assert.equal(doc.flattened?.count, 101);
    assert.equal(doc.flattened?.first.start, 5 * MAX_HTML_DEPTH);
    assert.equal(doc.text.text.trim(), 'deep');
  });

  it('leaves markup under the limit as written', () => {
    const doc = parseHtml('<svg>'.repeat(10) + '<p>x</p>');
    assert.equal(doc.flattened, undefined);
    assert.equal(doc.byName('p')[0].parent?.name, 'svg');
  });
});

// The model drives htmlparser2's Tokenizer and does its Parser layer's work itself. This reads the
// same markup with the Parser and builds elements from its events, as the model did before, so
// that every element, range and attribute is checked against what the Parser says.
describe('parseHtml: as htmlparser2 reads HTML', () => {
  // Void elements whose implied end does not move (the model's list, not the Parser's).
  const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

  function viaParser(html: string) {
    const els: Array<{ name: string; start: number; nameEnd: number; openEnd: number; end: number; unclosed: boolean; parent: number; attrs: unknown[] }> = [];
    const stack: number[] = [];
    const comments: string[] = [];
    let attrs: unknown[] = [];
    let preambleEnd = 0;
    const parser: Parser = new Parser(
      {
        onattribute(name, value) {
          attrs.push([name, value, parser.startIndex, parser.endIndex]);
        },
        onopentag(name, _attribs, implied) {
          const start = parser.startIndex;
          const openEnd = parser.endIndex + 1;
          const parent = stack.length ? stack[stack.length - 1] : -1;
          els.push({ name, start, nameEnd: implied ? start : start + 1 + name.length, openEnd: implied ? start : openEnd, end: openEnd, unclosed: true, parent, attrs });
          attrs = [];
          stack.push(els.length - 1);
        },
        onclosetag(name, implied) {
          let k = stack.length - 1;
          while (k >= 0 && els[stack[k]].name !== name) k--;
          if (k < 0) return;
          const el = els[stack[k]];
          stack.length = k;
          if (!implied) {
            el.end = parser.endIndex + 1;
            el.unclosed = false;
          } else if (parser.startIndex > 0 && !VOID.has(name)) el.end = parser.startIndex;
        },
        oncomment(data) {
          comments.push(data);
        },
        onprocessinginstruction(name) {
          if (name.toLowerCase() === '!doctype') preambleEnd = parser.endIndex + 1;
        },
      },
      { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
    );
    parser.end(html);
    for (const k of stack) els[k].end = html.length;
    return { els, comments, preambleEnd };
  }

  function viaModel(html: string) {
    const doc = parseHtml(html);
    const els = doc.elements.map((e) => ({
      name: e.name,
      start: e.start,
      nameEnd: e.nameEnd,
      openEnd: e.openEnd,
      end: e.end,
      unclosed: e.unclosed,
      parent: e.parent ? e.parent.index : -1,
      attrs: e.attrs.map((a) => [a.name, a.value, a.start, a.end]),
    }));
    return { els, comments: doc.comments.map((c) => c.text), preambleEnd: doc.preambleEnd };
  }

  const cases: Array<[string, string]> = [
    ['stray end tags: </p> opens an empty paragraph, </br> is a <br>', '<div><p>a</p></p>b</br>c<br/></div></P></Br>'],
    ['a start tag cut off by the end of the input', '<div><p>text<div class="x'],
    ['implied ends: cells, rows, list items, options, definitions', '<table><tr><td>a<td>b<th>c<tr><td>d</table><ul><li>a<li>b</ul><select><option>a<option>b<optgroup><option>c</select><dl><dd>x<dt>y</dl>'],
    ['block elements close a paragraph, tbody and tfoot a thead', '<p>a<div>b</div><p>c<h1>d</h1><p>e<table><thead><tr><td>1<tbody><tr><td>2<tfoot></table>'],
    ['form controls close each other; ruby', '<form><input><button>b<select><textarea>t</textarea></form><ruby><rt>a<rp>b<rt>c</ruby>'],
    ['<body> closes head, link and script', '<html><head><link rel=x><script>var a = "<b>";</script><body>x</body></html>'],
    ['self-closing tags, void elements the Parser knows and the model does not', '<div/>x<span/>y<br/><hr/><frame/><basefont/><isindex/><keygen/><command/>z<svg><path d="M0"/><title>t</title></svg>'],
    ['raw text: script, style, title, textarea, xmp', '<style>a{}</style><script>x<y</script><title>a&amp;b</title><textarea>a<b</textarea><xmp>q</xmp>'],
    ['comments, CDATA, doctype, processing instructions', '<!DOCTYPE html><!doctype/x><?xml v?><![CDATA[x]]><!-- c --><!-->x<!--->y<!---->z'],
    ['entities in text and attributes, quotes and unquoted values', '<p>a &amp; b &eacute;&#x1F600;&#0; <a title="x &lt; y" alt=\'q\' b=c d e = "f" g=">">t</a><img src="a"alt=b/>'],
    ['end tags close what they hold, innermost first', '<div><b><i>x</div>y</i></b><span><em>z</span>'],
    ['markup that is not a tag', 'a < b <1 <> </> <//> </ x> 3<4 <a href=x/>y</a/>'],
    ['upper case names, and names spelled like earlier ones', '<TD>a</td><Td>b</TD><tD>c</Td><DIV><dIv>d</DIV></div><TABLE><TR><TD>e</TABLE>'],
  ];
  for (const [title, html] of cases) {
    it(title, () => {
      assert.deepEqual(viaModel(html), viaParser(html));
    });
  }

  it('reads every HTML fixture as the Parser does (but those nested past MAX_HTML_DEPTH, tested above)', () => {
    const files: string[] = [];
    (function walk(dir: string) {
      for (const ent of readdirSync(dir, { withFileTypes: true })) {
        if (ent.isDirectory()) walk(join(dir, ent.name));
        else if (ent.name.endsWith('.html')) files.push(join(dir, ent.name));
      }
    })(join(__dirname, '..', 'fixtures'));
    assert.ok(files.length > 20);
    let compared = 0;
    for (const f of files) {
      const html = readFileSync(f, 'utf8');
      if (parseHtml(html).flattened) continue;
      assert.deepEqual(viaModel(html), viaParser(html), f);
      compared++;
    }
    assert.ok(compared > 20);
  });
});
