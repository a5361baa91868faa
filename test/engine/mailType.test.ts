// Mail-type detection reads the subject and about 3,000 characters at each end of each body:
// on a long body it folds only those ends, and finds exactly what the whole folded text gave.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../src/engine/lint';

// Plain prose with no bulk, marketing or transactional words, `n` characters or a little more.
function filler(n: number): string {
  const line = 'We walked along the river and talked about the weather until evening came.\n';
  return line.repeat(Math.ceil(n / line.length));
}

describe('mail type detection on long bodies', () => {
  it('sees the way out in the last lines, past a leading U+FEFF and a pair cut at the boundary', () => {
    // The footer's 3,000 characters start in the middle of the Deseret letter 𐐀 (a surrogate pair).
    const footer = 'To stop these, UNSUBSCRIBE here.\n';
    const tail = '\u{10400}' + 'x'.repeat(3000 - 1 - footer.length) + footer;
    const receipt = '\uFEFFHere is your receipt.\n' + filler(20_000);
    const run = lint(receipt + tail, { kind: 'text' });
    assert.equal(run.mailTypeSource, 'detected');
    assert.equal(run.mailType, 'bulk');
    // Without the footer, the same receipt is transactional.
    assert.equal(lint(receipt + tail.replace('UNSUBSCRIBE', 'goodbye'), { kind: 'text' }).mailType, 'transactional');
  });

  it('reads receipts from the first lines', () => {
    const text = 'Thank you: here is your RECEIPT for order 4417.\n' + filler(20_000);
    assert.equal(lint(text, { kind: 'text' }).mailType, 'transactional');
  });

  it('does not read the middle of a long body', () => {
    // The bulk word sits 10,000 characters from either end: only a receipt's first lines count.
    const text = 'Thank you: here is your receipt for order 4417.\n' + filler(10_000) + 'newsletter\n' + filler(10_000);
    assert.equal(lint(text, { kind: 'text' }).mailType, 'transactional');
  });
});
