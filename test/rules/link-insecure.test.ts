import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, findings, fixed } from '../helpers';

describe('link-insecure', () => {
  it('flags http: links as info and switches only the scheme', () => {
    const html = '<a href="http://example.com/a?b=1&amp;c=2">Shop</a>';
    const [f] = findings(html, 'link-insecure');
    assert.equal(f.severity, 'info');
    assert.equal(at(html, f), 'http://example.com/a?b=1&amp;c=2');
    assert.equal(fixed(html, f), '<a href="https://example.com/a?b=1&amp;c=2">Shop</a>');
  });

  it('handles upper-case schemes, MJML buttons and plain text', () => {
    const html = '<mj-button href=" HTTP://EXAMPLE.COM">Go</mj-button>';
    const [f] = findings(html, 'link-insecure');
    assert.equal(fixed(html, f), '<mj-button href=" https://EXAMPLE.COM">Go</mj-button>');
    const text = 'Details: http://example.com/x, thanks';
    const [g] = findings(text, 'link-insecure', { kind: 'text' });
    assert.equal(at(text, g), 'http://example.com/x');
    assert.equal(fixed(text, g), 'Details: https://example.com/x, thanks');
  });

  it('leaves https, other schemes, relative links and placeholders alone', () => {
    const html =
      '<a href="https://example.com">a</a><a href="mailto:a@example.com">b</a><a href="/page">c</a>' +
      '<a href="{{ url }}">d</a><a href="http://{{ host }}/x">e</a><a href="%%view_url%%">f</a><img src="http://example.com/a.png" alt="">';
    assert.deepEqual(findings(html, 'link-insecure'), []);
  });
});
