import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, findings, fixed } from '../helpers';

describe('html-script', () => {
  it('flags a script element as an error and removes the whole element', () => {
    const html = '<p>Hi</p><script type="text/javascript">alert(1)</script><p>Bye</p>';
    const [f] = findings(html, 'html-script');
    assert.equal(f.severity, 'error');
    assert.equal(at(html, f), '<script type="text/javascript">');
    assert.equal(fixed(html, f), '<p>Hi</p><p>Bye</p>');
  });

  it('flags event handlers and removes the attribute with its leading space', () => {
    const html = '<img src="a.png" alt="" onerror="steal()">';
    const [f] = findings(html, 'html-script');
    assert.equal(at(html, f), 'onerror="steal()"');
    assert.match(f.message, /“onerror”/);
    assert.equal(fixed(html, f), '<img src="a.png" alt="">');
  });

  it('flags javascript: URLs, even in mixed case, with entities or leading spaces', () => {
    const html = '<a href="javascript:go()">a</a><a href=" JaVa&#x09;Script:go()">b</a><form action="vbscript:x"></form>';
    const list = findings(html, 'html-script');
    assert.deepEqual(list.map((f) => at(html, f)), ['href="javascript:go()"', 'href=" JaVa&#x09;Script:go()"', 'action="vbscript:x"']);
    assert.equal(fixed(html, list[0]), '<a>a</a><a href=" JaVa&#x09;Script:go()">b</a><form action="vbscript:x"></form>');
  });

  it('leaves structured data, look-alike attributes and text alone', () => {
    const html =
      '<script type="application/ld+json">{"@type":"EmailMessage"}</script>' +
      '<a href="https://example.com/javascript:tips" data-onclick="x" one="1">Learn javascript: basics</a>';
    assert.deepEqual(findings(html, 'html-script'), []);
  });

  it('does not trip on unknown template tags', () => {
    const html = '<container><row><columns><callout onclick="x()">Hi</callout></columns></row></container>';
    assert.deepEqual(findings(html, 'html-script').map((f) => at(html, f)), ['onclick="x()"']);
  });
});

describe('html-script: AMP for Email', () => {
  it('leaves the AMP runtime of an AMP email alone, and still flags other scripts', () => {
    const amp = '<!doctype html><html ⚡4email><head><script async src="https://cdn.ampproject.org/v0.js"></script><script src="https://evil.example/x.js"></script></head><body>Hi</body></html>';
    const list = findings(amp, 'html-script');
    assert.deepEqual(list.map((f) => amp.slice(f.start, f.end)), ['<script src="https://evil.example/x.js">']);
    const page = '<html><head><script async src="https://cdn.ampproject.org/v0.js"></script></head></html>';
    assert.equal(findings(page, 'html-script').length, 1, 'not an AMP email: the script is flagged');
  });
});
