import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CssDeclaration, parseDeclarations, parseStylesheet, PropertyNames } from '../../src/engine/parse/css';

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

  // A search for each declaration's colon used to read on to the next colon of the text: a
  // hang guard, not a timing (quadratic, this took minutes).
  it('reads declarations without colons at once', { timeout: 10_000 }, () => {
    const text = 'a;'.repeat(1_000_000) + 'color: red';
    assert.deepEqual(parseDeclarations(text, (i) => i).map((d) => [d.property, d.value]), [['color', 'red']]);
    assert.equal(parseStylesheet(`.x { ${text} }`, (i) => i)[0].declarations.length, 1);
  });

  // Each block cut short at its `}` was read on to the end of the sheet again: a hang guard (the
  // growth check of the fuzz run measures it), with the rules read as before.
  it('reads many blocks left open by a parenthesis or a comment at once', { timeout: 10_000 }, () => {
    for (const block of ['a{width:(}', 'a{x:/*}']) {
      const rules = parseStylesheet(block.repeat(50_000) + 'b{color:red}', (i) => i);
      assert.equal(rules.length, 50_001, block);
      assert.deepEqual(rules.at(-1)?.declarations.map((d) => [d.property, d.value]), [['color', 'red']]);
    }
    const [first, second] = parseStylesheet('a{width:(}b{width:(}', (i) => i);
    assert.deepEqual([first.declarations[0].value, second.declarations[0].value], ['(', '(']);
  });

  it('does not loop or throw on broken CSS', () => {
    for (const css of ['{{{{', '}}}}', 'a { b', '@media {', '/* unterminated', 'a { b: "unterminated }', ':::;;;']) {
      assert.doesNotThrow(() => parseStylesheet(css, (i) => i));
    }
  });
});

// Rules read a dozen properties (READ_PROPERTIES): parsing only those must give exactly the
// declarations a full parse gives for them, whatever the CSS, so that findings cannot change.
describe('css: only the properties rules read', () => {
  const only = new PropertyNames(['color', 'background', 'width', 'font-size']);
  const kept = (list: CssDeclaration[]) => list.filter((d) => ['color', 'background', 'width', 'font-size'].includes(d.property));
  // Pieces that stress names, case, comments, quotes, blocks and the non-ASCII characters whose
  // lowercase differs in length (İ) or is ASCII (the Kelvin sign gives k).
  const pieces = ['color', 'COLOR', 'Width', 'font-size', 'font-family', 'bac\u212Aground', 'background', 'wİdth', 'x', ':', ';', ' ', '\t', '/*', '*/', '"', "'", '(', ')', '{', '}', '@media s', 'red', '!important', '\\', '<!--', '-->', 'ſ'];
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const samples = ['width: 900px; color:red !important ;/* c */ background: url("a;b.png")', 'COLOR: Red; Color : blue', 'bac\u212Aground: red', 'a;a;a;a;color:red'];
  for (let k = 0; k < 3000; k++) {
    let text = '';
    const length = 1 + Math.floor(random() * 24);
    for (let j = 0; j < length; j++) text += pieces[Math.floor(random() * pieces.length)];
    samples.push(text);
  }

  it('keeps in a declaration list what a full parse keeps for those properties', () => {
    for (const text of samples) assert.deepEqual(parseDeclarations(text, (i) => i + 3, only), kept(parseDeclarations(text, (i) => i + 3)), text);
    assert.deepEqual(parseDeclarations('bac\u212Aground: red; Width: 1px; padding: 0', (i) => i, only).map((d) => d.property), ['background', 'width']);
  });

  it('keeps in a style sheet the rules and declarations a full parse has for those properties', () => {
    for (const body of samples) {
      const css = `.a { ${body} } @media x { .b { ${body} } } .c { padding: 0 }`;
      const full = parseStylesheet(css, (i) => i + 5)
        .map((r) => ({ ...r, declarations: kept(r.declarations) }))
        .filter((r) => r.declarations.length);
      assert.deepEqual(parseStylesheet(css, (i) => i + 5, only), full, css);
    }
  });
});
