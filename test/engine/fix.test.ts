import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, preferredEdits } from '../../src/engine/fix';
import type { Edit, Finding } from '../../src/engine/types';

const finding = (...edits: Edit[]): Finding => ({ ruleId: 'r', severity: 'warning', message: 'm', start: edits[0].start, end: edits[0].end, fixes: [{ title: 't', edits, preferred: true }] });

describe('preferredEdits', () => {
  it('takes the first of two overlapping fixes and leaves the other for the next pass', () => {
    const { edits, fixed } = preferredEdits([finding({ start: 2, end: 5, newText: 'A' }), finding({ start: 4, end: 8, newText: 'B' }), finding({ start: 8, end: 9, newText: 'C' })]);
    assert.equal(fixed, 2);
    assert.equal(applyEdits('0123456789', edits), '01A567C9');
  });

  it('refuses a fix that covers edits already taken, and two insertions at one place', () => {
    const { fixed } = preferredEdits([
      finding({ start: 3, end: 4, newText: 'x' }),
      finding({ start: 6, end: 7, newText: 'y' }),
      finding({ start: 0, end: 10, newText: 'all' }),
      finding({ start: 5, end: 5, newText: '+' }),
      finding({ start: 5, end: 5, newText: '-' }),
    ]);
    assert.equal(fixed, 3);
  });

  it('keeps every edit of a multi-edit fix, whatever the order findings come in', () => {
    const { edits } = preferredEdits([finding({ start: 8, end: 9, newText: 'Z' }), finding({ start: 0, end: 1, newText: 'A' }, { start: 4, end: 5, newText: 'E' })]);
    assert.deepEqual(edits.map((e) => e.start), [0, 4, 8]);
    assert.equal(applyEdits('abcdefghij', edits), 'AbcdEfghZj');
  });
});
