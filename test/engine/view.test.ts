import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, textEdit } from '../../src/engine/fix';
import { parseHtml } from '../../src/engine/parse/html';
import { BLOCK_BREAK, MERGE_TAG_MASK, mergeTagRanges, TextView } from '../../src/engine/text/view';
import { wordsOf } from '../../src/engine/text/words';

describe('TextView', () => {
  it('maps a range across inline markup to the whole source span', () => {
    const src = '<p><b>sans</b> frais</p>';
    const view = parseHtml(src).text;
    const from = view.text.indexOf('sans');
    const r = view.sourceRange(from, from + 'sans frais'.length);
    assert.equal(src.slice(r.start, r.end), 'sans</b> frais');
  });

  it('replaces text across markup and keeps the tags balanced', () => {
    const src = '<p><b>sans</b> frais</p>';
    const view = parseHtml(src).text;
    const from = view.text.indexOf('sans');
    const edits = textEdit(view, from, from + 'sans frais'.length, 'inclus')!;
    assert.equal(applyEdits(src, edits), '<p><b>inclus</b></p>');
  });

  it('masks merge tags in a long text as in one piece, whatever the pieces it was appended in', () => {
    // Over 16,384 units the builder joins its pieces in chunks cut after a line break, and
    // masks each chunk on its own: tags near the cuts, tags across pieces and across block
    // breaks, and a piece holding a line break in its middle.
    const pieces: string[] = [];
    for (let k = 0; k < 12; k++) {
      pieces.push('lorem ipsum '.repeat(600 + k * 37), '{{ first', 'name }}\n*|LNAME|*', ' end {%', ' if x %}\n', '[[ab]]');
      if (k % 3 === 0) pieces.push(BLOCK_BREAK);
      pieces.push('%%x', '%%\n<% y %>');
    }
    const b = TextView.builder('body');
    let pos = 0;
    for (const p of pieces) {
      if (p === BLOCK_BREAK) b.blockBreak();
      else b.append(p, pos, pos + p.length);
      pos += p.length;
    }
    const whole = pieces.join('');
    let expected = whole;
    for (const [from, to] of mergeTagRanges(whole)) expected = expected.slice(0, from) + MERGE_TAG_MASK.repeat(to - from) + expected.slice(to);
    assert.ok(whole.length > 4 * 16384);
    assert.equal(mergeTagRanges(whole).length, 12 * 6);
    assert.equal(b.build().text, expected);
  });

  it('never puts two block breaks in a row, also after a piece that ends a chunk', () => {
    const b = TextView.builder('body');
    const long = `${'a'.repeat(20000)}\n`;
    b.append(long, 0, long.length);
    b.append(BLOCK_BREAK, long.length, long.length + 1);
    b.blockBreak();
    b.append('b', long.length + 1, long.length + 2);
    b.blockBreak();
    b.blockBreak();
    assert.equal(b.build().text, `${long}${BLOCK_BREAK}b${BLOCK_BREAK}`);
  });

  it('maps each view by its own runs when builders follow one another (columns are reused)', () => {
    const first = parseHtml(`<p>${'<b>x</b> '.repeat(300)}</p>`).text;
    const src = '<p>ab<i>cd</i>ef</p>';
    const second = parseHtml(src).text;
    assert.equal(second.text, `abcdef${BLOCK_BREAK}`);
    assert.deepEqual(
      [...'abcdef'].map((_, i) => src.slice(second.sourceRange(i, i + 1).start, second.sourceRange(i, i + 1).end)),
      ['a', 'b', 'c', 'd', 'e', 'f'],
    );
    assert.deepEqual(second.segments(0, 6), [
      { start: 3, end: 5, textFrom: 0, textTo: 2 },
      { start: 8, end: 10, textFrom: 2, textTo: 4 },
      { start: 14, end: 16, textFrom: 4, textTo: 6 },
    ]);
    // The first view still maps its own text after the second was built.
    const at = first.text.lastIndexOf('x');
    assert.equal(first.sourceRange(at, at + 1).start, 3 + 299 * 9 + 3);
  });

  it('refuses edits on read-only views', () => {
    const b = TextView.builder('body', { editable: false });
    b.append('Bonjour', 10, 20);
    assert.equal(textEdit(b.build(), 0, 3, 'x'), undefined);
  });

  it('splits words with letter case counts, including accented and astral letters', () => {
    const text = "ÉTÉ d'argent 2024 𝐁𝐨𝐥𝐝!";
    const view = TextView.ofSource(text, 0, text.length, 'body');
    const w = wordsOf(view);
    const list = Array.from({ length: w.count }, (_, i) => [w.text(i), w.folded(i), w.upper[i], w.lower[i]]);
    assert.deepEqual(list, [
      ['ÉTÉ', 'ete', 3, 0],
      ['d', 'd', 0, 1],
      ['argent', 'argent', 0, 6],
      ['2024', '2024', 0, 0],
      ['𝐁𝐨𝐥𝐝', '𝐁𝐨𝐥𝐝', 1, 3],
    ]);
  });
});
