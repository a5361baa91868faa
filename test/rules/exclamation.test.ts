import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, findings, fixed } from '../helpers';

describe('exclamation', () => {
  it('flags a run of marks and collapses it to one', () => {
    const html = '<p>Vite !!! Profitez-en</p>';
    const [f] = findings(html, 'exclamation');
    assert.equal(at(html, f), '!!!');
    assert.equal(fixed(html, f), '<p>Vite ! Profitez-en</p>');
  });

  it('counts marks over the whole body', () => {
    const html = '<p>Un ! Deux ! Trois !</p><p>Quatre !</p>';
    const list = findings(html, 'exclamation');
    assert.equal(list.length, 1);
    assert.match(list[0].message, /4; limit 3/);
    assert.equal(list[0].start, html.lastIndexOf('!'));
  });

  it('allows three marks in the body and one in the subject', () => {
    assert.deepEqual(findings('---\nsubject: Enfin !\n---\n<p>Un ! Deux ! Trois !</p>', 'exclamation'), []);
  });

  it('flags a second mark in the subject', () => {
    const text = '---\nsubject: Enfin ! Les soldes !\n---\n<p>Bonjour</p>';
    const [f] = findings(text, 'exclamation');
    assert.match(f.message, /subject \(2; limit 1\)/);
  });

  it('ignores marks in markup, comments and merge tags', () => {
    assert.deepEqual(findings('<!DOCTYPE html><!-- !!! --><p>Bonjour {{ x!!! }}</p>', 'exclamation'), []);
  });
});
