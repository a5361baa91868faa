// utf8Length counts bytes without encoding: it must agree with the platform's UTF-8 encoder.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { utf8Length } from '../../src/engine/parse/charset';

describe('utf8Length', () => {
  it('agrees with TextEncoder on ASCII, accents, symbols and emoji', () => {
    const enc = new TextEncoder();
    const samples = ['', 'plain ascii', 'café crème', '€100 — “quoted”', 'emoji 🎉🎉 and 👍🏽', 'ߺ ࠀ ﻿', 'a'.repeat(5000) + 'é' + '😀'.repeat(300)];
    for (const s of samples) assert.equal(utf8Length(s), enc.encode(s).length, JSON.stringify(s.slice(0, 30)));
  });

  it('counts a lone surrogate as the three bytes of its replacement', () => {
    assert.equal(utf8Length('a\udc00b'), 5);
    assert.equal(utf8Length('a\ud800'), 4);
  });
});
