import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDeclarations, parseStylesheet } from '../../src/engine/parse/css';

describe('css', () => {
  it('reads declarations with value ranges', () => {
    const text = 'width: 900px; color:red !important ;/* c */ background: url("a;b.png")';
    const decls = parseDeclarations(text, (i) => i);
    assert.deepEqual(decls.map((d) => [d.property, d.value, d.important]), [
      ['width', '900px', false],
      ['color', 'red', true],
      ['background', 'url("a;b.png")', false],
    ]);
    assert.equal(text.slice(decls[0].valueStart, decls[0].valueEnd), '900px');
    assert.equal(text.slice(decls[1].valueStart, decls[1].valueEnd), 'red');
  });

  it('reads rules inside @media with source offsets', () => {
    const css = '.a { width: 700px } @media (max-width: 600px) { .a { width: 100% !important; } } @import url(x.css);';
    const rules = parseStylesheet(css, (i) => i + 10);
    assert.deepEqual(rules.map((r) => [r.selector, r.atRule, r.declarations[0].value]), [
      ['.a', '', '700px'],
      ['.a', '@media (max-width: 600px)', '100%'],
    ]);
    const d = rules[0].declarations[0];
    assert.equal(css.slice(d.valueStart - 10, d.valueEnd - 10), '700px');
  });

  it('does not loop or throw on broken CSS', () => {
    for (const css of ['{{{{', '}}}}', 'a { b', '@media {', '/* unterminated', 'a { b: "unterminated }', ':::;;;']) {
      assert.doesNotThrow(() => parseStylesheet(css, (i) => i));
    }
  });
});
