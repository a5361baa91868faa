// The one pass over a view's characters (words, folded text, word hashes, visible characters)
// gives what the separate computations it replaced give.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fold } from '../../src/engine/text/normalize';
import { TextView } from '../../src/engine/text/view';
import { foldedText, GAP_BLOCK_BREAK, GAP_SENTENCE_END, hashFolded, wordsOf } from '../../src/engine/text/words';

const SAMPLE =
  'Offre SPÉCIALE : -50 % sur «\u00a0tout\u00a0» ! Ça déménage\u2029' +
  'İstanbul ﬀ Straße \u200b\u200d\u00ad\u2060 zero\u200bwidth 🎉🎉 1️⃣ 🇫🇷 👩‍💻 \ud83d lone \ude00 tab\tand\u007fdel\r\n' +
  '\uFFFC\uFFFC\uFFFC merge ÉCOLE école Œuvre ΣΊΣΥΦΟΣ крупная скидка 割引 123abc';

function view(text: string): TextView {
  return TextView.ofSource(text, 0, text.length, 'body');
}

// The visible character count as hidden-text defined it before the fused pass.
function countedChars(text: string): number {
  const space = (c: number) =>
    c === 0xa0 || c === 0xad || c === 0x34f || c === 0x1680 || c === 0x180e || c === 0x2029 || c === 0x2028 ||
    (c >= 0x2000 && c <= 0x200f) || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && (c < 0x7f || (c !== 0xfffc && !space(c)))) n++;
  }
  return n;
}

describe('wordsOf: the fused pass', () => {
  for (const [label, text] of [
    ['a short text', SAMPLE.slice(0, 60)],
    ['a long text', SAMPLE.repeat(20)],
  ] as const) {
    it(`folds ${label} as fold() does`, () => {
      assert.equal(foldedText(view(text)), fold(text));
    });

    it(`folds ${label} the same when its words were found first`, () => {
      const v = view(text);
      wordsOf(v);
      assert.equal(foldedText(v), fold(text));
    });

    it(`hashes each word of ${label} as its folded text`, () => {
      const words = wordsOf(view(text));
      assert.ok(words.count > 5);
      const hashes = words.hashes();
      for (let i = 0; i < words.count; i++) assert.equal(hashes[i], hashFolded(fold(words.text(i))), words.text(i));
    });

    it(`marks block breaks and sentence ends between the words of ${label}`, () => {
      const words = wordsOf(view(text));
      for (let i = 1; i < words.count; i++) {
        const gap = text.slice(words.to[i - 1], words.from[i]);
        assert.equal(!!(words.gapBefore[i] & GAP_BLOCK_BREAK), gap.includes('\u2029'), JSON.stringify(gap));
        assert.equal(!!(words.gapBefore[i] & GAP_SENTENCE_END), /[.!?…\u2029]/.test(gap), JSON.stringify(gap));
      }
    });

    it(`counts the visible characters of ${label}`, () => {
      const expected = countedChars(text);
      assert.ok(expected > 0 && expected < text.length);
      assert.equal(wordsOf(view(text)).visibleChars, expected);
    });
  }
});

describe('fold keeps the length', () => {
  it('keeps a leading U+FEFF on long texts, where the UTF-16 decoder would take it for a byte order mark', () => {
    for (const text of ['\uFEFFBonjour ' + 'É'.repeat(400), 'A'.repeat(300) + '\uFEFF' + 'B'.repeat(300), '\uFEFFcourt']) {
      const folded = fold(text);
      assert.equal(folded.length, text.length);
      assert.equal(folded, text.replace(/É/g, 'e').toLowerCase());
    }
  });
});
