import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, findings } from '../helpers';

describe('link-mismatch', () => {
  it('flags link text showing another site than the link, on the shown address', () => {
    const html = '<a href="https://secure-login.example.net/account">www.mybank.com</a>';
    const [f] = findings(html, 'link-mismatch');
    assert.equal(at(html, f), 'www.mybank.com');
    assert.equal(f.message, 'Link text shows www.mybank.com but the link goes to secure-login.example.net');
    assert.equal(html.slice(f.related![0].start, f.related![0].end), 'https://secure-login.example.net/account');
  });

  it('finds the address inside inline markup and full URLs', () => {
    const html = '<a href="https://tracker.example.org/c?id=1">Log in at <b>paypal.com</b></a> <a href="http://a.example.com">https://b-site.org/x</a>';
    const list = findings(html, 'link-mismatch');
    assert.deepEqual(list.map((f) => at(html, f)), ['paypal.com', 'https://b-site.org']);
  });

  it('accepts the same site under other subdomains and country second levels', () => {
    const html =
      '<a href="https://www.acme.com/offer?utm=1">acme.com</a><a href="https://shop.acme.co.uk">www.acme.co.uk/shop</a>' +
      '<a href="https://news.acme.fr">Visit ACME.FR</a>';
    assert.deepEqual(findings(html, 'link-mismatch'), []);
  });

  it('ignores file names, e-mail addresses, words and links it cannot compare', () => {
    const html =
      '<a href="https://example.com/a">index.html</a><a href="https://example.com/b">Node.js guide</a>' +
      '<a href="https://example.com/c">Write to help@other.org</a><a href="mailto:x@other.org">other.org</a>' +
      '<a href="{{ link }}">other.org</a><a href="https://example.com/d">Read more</a>';
    assert.deepEqual(findings(html, 'link-mismatch'), []);
  });
});
