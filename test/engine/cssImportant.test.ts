// `!important` in declarations: read as before, and in linear time on hostile values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDeclarations } from '../../src/engine/parse/css';

const parse = (text: string) => parseDeclarations(text, (i) => i).map((d) => [d.property, d.value, d.important]);

describe('!important', () => {
  it('is taken off the value, spaces around the ! included, in any case', () => {
    assert.deepEqual(parse('color: red !important; display:none!IMPORTANT;width: 1px ! important'), [
      ['color', 'red', true],
      ['display', 'none', true],
      ['width', '1px', true],
    ]);
    assert.deepEqual(parse('color: important; font-family: "x!important-ish"'), [
      ['color', 'important', false],
      ['font-family', '"x!important-ish"', false],
    ]);
  });

  // The former regex (\s*!\s*important$) took about 24 s on 40,000 spaces: a hang guard, not a timing.
  it('reads a value with a long run of spaces at once', { timeout: 10_000 }, () => {
    const spaces = ' '.repeat(200_000);
    assert.deepEqual(parse(`color: a${spaces}b`), [['color', `a${spaces}b`, false]]);
    assert.deepEqual(parse(`color: a${spaces}!${spaces}important`), [['color', 'a', true]]);
  });
});
