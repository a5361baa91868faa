import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, textEdit } from '../../src/engine/fix';
import { parseHtml } from '../../src/engine/parse/html';
import { TextView } from '../../src/engine/text/view';
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
