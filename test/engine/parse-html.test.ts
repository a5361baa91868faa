import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
