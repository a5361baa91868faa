import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, findings, fixed } from '../helpers';

describe('html-embed', () => {
  it('flags an object once, with what it contains, and removes it whole', () => {
    const html = '<p>A</p><object data="movie.swf" width="300"><param name="movie" value="movie.swf"><embed src="movie.swf"></object><p>B</p>';
    const list = findings(html, 'html-embed');
    assert.equal(list.length, 1);
    assert.equal(list[0].severity, 'error');
    assert.equal(at(html, list[0]), '<object data="movie.swf" width="300">');
    assert.equal(fixed(html, list[0]), '<p>A</p><p>B</p>');
  });

  it('flags embed and applet elements, and Flash movies in other elements', () => {
    const html = '<embed src="intro.swf?v=2"><applet code="Game.class"></applet><video src="clip.swf"></video>';
    const list = findings(html, 'html-embed');
    assert.deepEqual(list.map((f) => at(html, f)), ['<embed src="intro.swf?v=2">', '<applet code="Game.class">', '<video src="clip.swf">']);
    assert.match(list[2].message, /Flash/);
  });

  it('leaves links to .swf files and look-alike names alone', () => {
    const html = '<a href="https://example.com/game.swf">Download</a><img src="swf-logo.png" alt="">';
    assert.deepEqual(findings(html, 'html-embed'), []);
  });
});
