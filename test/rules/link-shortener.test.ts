import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, findings } from '../helpers';

describe('link-shortener', () => {
  it('flags links through shorteners on the URL', () => {
    const html = '<a href="https://bit.ly/3xYz">Offer</a> <a href="http://www.tinyurl.com/abc">More</a> <area href="https://myapp.page.link/x" alt="">';
    const list = findings(html, 'link-shortener');
    assert.deepEqual(list.map((f) => at(html, f)), ['https://bit.ly/3xYz', 'http://www.tinyurl.com/abc', 'https://myapp.page.link/x']);
    assert.match(list[0].message, /URL shortener bit\.ly/);
  });

  it('reads URLs written out in plain-text drafts, without trailing punctuation', () => {
    const text = 'See https://t.co/AbC123. Or (https://cutt.ly/x), or www.bit.ly/abc!';
    const list = findings(text, 'link-shortener', { kind: 'text' });
    assert.deepEqual(list.map((f) => at(text, f)), ['https://t.co/AbC123', 'https://cutt.ly/x', 'www.bit.ly/abc']);
  });

  it('leaves look-alike hosts, first-party short domains and placeholders alone', () => {
    const html =
      '<a href="https://bitly.example.com/a">a</a><a href="https://notbit.ly/a">b</a><a href="https://youtu.be/x">c</a>' +
      '<a href="{{ short_url }}">d</a><a href="https://{{ shortener }}/x">e</a><a href="*|ARCHIVE|*">f</a>';
    assert.deepEqual(findings(html, 'link-shortener'), []);
  });
});
