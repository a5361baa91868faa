import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, findings, fixed } from '../helpers';

describe('image-alt', () => {
  it('flags an image without alt and adds an empty alt after the tag name', () => {
    const html = '<p><img src="hero.png" width="600"></p>';
    const [f] = findings(html, 'image-alt');
    assert.equal(at(html, f), '<img src="hero.png" width="600">');
    assert.equal(fixed(html, f), '<p><img alt="" src="hero.png" width="600"></p>');
  });

  it('handles upper case, self-closing and attribute-less tags', () => {
    const html = '<IMG SRC="a.png"/><img>';
    const list = findings(html, 'image-alt');
    assert.deepEqual(list.map((f) => at(html, f)), ['<IMG SRC="a.png"/>', '<img>']);
    assert.equal(fixed(html, list[0]), '<IMG alt="" SRC="a.png"/><img>');
    assert.equal(fixed(html, list[1]), '<IMG SRC="a.png"/><img alt="">');
  });

  it('accepts empty and written alt texts, and MJML images', () => {
    const html = '<img src="a.png" alt=""><img src="b.png" alt="Our team"><img src="c.png" ALT><mj-image src="d.png"></mj-image>';
    assert.deepEqual(findings(html, 'image-alt'), []);
  });
});
