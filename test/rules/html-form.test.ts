import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, findings } from '../helpers';

describe('html-form', () => {
  it('flags a form once, not each of its fields', () => {
    const html = '<form action="https://example.com/s" method="post"><input type="email" name="e"><select name="s"><option>A</option></select><textarea></textarea></form>';
    const list = findings(html, 'html-form');
    assert.equal(list.length, 1);
    assert.equal(list[0].severity, 'warning');
    assert.equal(at(html, list[0]), '<form action="https://example.com/s" method="post">');
  });

  it('flags fields outside a form and iframes', () => {
    const html = '<form></form><input type="text" name="q"><iframe src="https://example.com/embed"></iframe>';
    const list = findings(html, 'html-form');
    assert.deepEqual(list.map((f) => at(html, f)), ['<form>', '<input type="text" name="q">', '<iframe src="https://example.com/embed">']);
    assert.match(list[1].message, /<input>/);
  });

  it('says it in French', () => {
    const [f] = findings('<iframe src="x"></iframe>', 'html-form', { locale: 'fr' });
    assert.match(f.message, /^Cadre intégré/);
  });

  it('leaves buttons and the word form alone', () => {
    assert.deepEqual(findings('<p>Fill in the form on our site.</p><button>Go</button>', 'html-form'), []);
  });
});
