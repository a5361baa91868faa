import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, findings } from '../helpers';

// A body of `rows` paragraphs of 1,000 characters each.
const rows = (n: number, ch = 'a') => Array.from({ length: n }, (_, i) => `<p id="r${i}">${ch.repeat(990)}</p>`).join('\n');

describe('message-size', () => {
  it('flags HTML over 102 KB at the first element Gmail hides', () => {
    const html = `<html><body>${rows(110)}</body></html>`;
    const [f] = findings(html, 'message-size');
    assert.match(f.message, /HTML too large \(\d+(\.\d)? KB; Gmail clips after 102 KB/);
    // 102 KB = 104,448 bytes: the clip falls inside the 104th paragraph, so the 105th is the first hidden.
    assert.equal(at(html, f), '<p id="r104">');
  });

  it('counts bytes, not characters', () => {
    const html = `<html><body>${rows(60, 'é')}</body></html>`; // about 60,000 characters, 120 KB
    assert.equal(findings(html, 'message-size').length, 1);
    assert.deepEqual(findings(`<html><body>${rows(100)}</body></html>`, 'message-size'), []);
  });

  it('flags a style block over 16 KB on its tag', () => {
    const css = Array.from({ length: 500 }, (_, i) => `.c${i} { color: #123456; padding: 4px; }`).join('\n');
    const html = `<html><head><style>p{margin:0}</style><style type="text/css">${css}</style></head><body><p>x</p></body></html>`;
    const [f] = findings(html, 'message-size');
    assert.equal(at(html, f), '<style type="text/css">');
    assert.match(f.message, /Style block too large \(19\.4 KB; Gmail ignores blocks over 16 KB\)/);
  });

  it('follows the configured limits', () => {
    const html = `<html><body>${rows(110)}</body></html>`;
    assert.deepEqual(findings(html, 'message-size', { config: { rules: { 'message-size': { maxHtmlKb: 200 } } } }), []);
  });
});
