import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, findings } from '../helpers';

// Text with exactly n visible characters, in words of four letters.
function words(n: number): string {
  let s = '';
  for (let k = 0; k < n; k += 4) s += 'abcd'.slice(0, Math.min(4, n - k)) + ' ';
  return s;
}

describe('image-ratio', () => {
  it('flags a large image with little text, on the image', () => {
    const html = `<img src="hero.jpg" alt="" width="600" height="400"><p>${words(100)}</p>`;
    const [f] = findings(html, 'image-ratio');
    assert.equal(at(html, f), '<img src="hero.jpg" alt="" width="600" height="400">');
    assert.match(f.message, /\(100 characters of text; 480 or more for 240,000 px² of images\)/);
  });

  it('wants 400 characters of text whatever the image size', () => {
    const html = `<img src="a.jpg" alt="" width="100" height="100"><p>${words(399)}</p>`;
    assert.equal(findings(html, 'image-ratio').length, 1);
    assert.deepEqual(findings(`<img src="a.jpg" alt="" width="100" height="100"><p>${words(400)}</p>`, 'image-ratio'), []);
  });

  it('accepts one character of text per 500 px² of image', () => {
    const html = (n: number) => `<img src="hero.jpg" alt="" width="600" height="400"><p>${words(n)}</p>`;
    assert.equal(findings(html(476), 'image-ratio').length, 1);
    assert.deepEqual(findings(html(480), 'image-ratio'), []);
  });

  it('assumes 200 px for missing sizes and reads CSS sizes', () => {
    // Three 200×200 guesses plus a 600×500 CSS image = 420,000 px²: 840 characters needed.
    const html = `<img src="a"><img src="b"><img src="c"><img src="d" style="width:600px;height:500px"><p>${words(800)}</p>`;
    const [f] = findings(html, 'image-ratio');
    assert.equal(at(html, f), '<img src="d" style="width:600px;height:500px">');
    assert.match(f.message, /840 or more for 420,000 px²/);
    assert.equal(f.related?.length, 3);
  });

  it('ignores tracking pixels, hidden images, icons and spacers', () => {
    const html =
      '<img src="p.gif" width="1" height="1" alt=""><img src="m.jpg" style="display:none" alt="">' +
      '<img src="icon.png" width="40" height="40" alt=""><img src="divider.png" width="600" height="10" alt=""><p>Short note</p>';
    assert.deepEqual(findings(html, 'image-ratio'), []);
  });

  it('does not count hidden text or merge tags as text', () => {
    const hidden = `<div style="display:none">${words(600)}</div>`;
    const html = `${hidden}<img src="a.jpg" alt="" width="300" height="200"><p>{{ body_text_that_is_long_enough_to_count }} ${words(50)}</p>`;
    const [f] = findings(html, 'image-ratio');
    assert.match(f.message, /\(50 characters/);
  });

  it('follows the configured thresholds', () => {
    const html = `<img src="hero.jpg" alt="" width="600" height="400"><p>${words(100)}</p>`;
    assert.deepEqual(findings(html, 'image-ratio', { config: { rules: { 'image-ratio': { minTextChars: 50, areaPerChar: 5000 } } } }), []);
  });
});
