// `.mailproofrc.json` as the extension reads it: problems located on their keys (they become
// diagnostics in the file), the valid part kept, a byte order mark accepted, and what an
// untrusted workspace may set.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keyRange, readConfigText, untrustedPart } from '../../src/extension/configFile';

describe('readConfigText', () => {
  it('puts each mistake on its key and keeps the valid part', () => {
    const text = '\uFEFF{\n  "rules": { "exclamation": "eror", "nope": "off", "all-caps": "error" },\n  "mailType": "bulky",\n  "phrases": { "add": ["promo", { "phrase": "soldes", "except": "soldes d’hiver" }] }\n}\n';
    const { config, problems } = readConfigText(text, 'en');
    assert.deepEqual(config.rules, { 'all-caps': 'error' });
    assert.deepEqual(
      problems.map((p) => [p.message, text.slice(p.start, p.end)]),
      [
        ['“rules.exclamation” must be one of error, warning, info, off', '"exclamation"'],
        ['Unknown rule “nope”', '"nope"'],
        ['“mailType” must be one of bulk, transactional', '"mailType"'],
        ['“phrases.add[1].except” must be string[]', '"except"'],
      ],
    );
  });

  it('reports invalid JSON where the parser stopped', () => {
    const text = '{ "rules": { "exclamation": "off", } }';
    const { config, problems } = readConfigText(text, 'fr');
    assert.deepEqual(config, {});
    assert.equal(problems.length, 1);
    assert.equal(text[problems[0].start], '}');
  });

  it('finds array items and nested keys in one scan', () => {
    const text = '{"a": [1, {"b": [true, "x", null]}], "c": {"d": {"e": 2}}}';
    const at = (p: string) => {
      const r = keyRange(text, p);
      return r && text.slice(r.start, r.end);
    };
    assert.equal(at('a[1].b[2]'), 'null');
    assert.equal(at('a[1].b[1]'), '"x"');
    assert.equal(at('c.d.e'), '"e"');
    assert.equal(at('c.x'), undefined);
    assert.equal(keyRange('['.repeat(100000), 'a'), undefined);
  });
});

describe('untrustedPart', () => {
  it('drops the phrase lists of an untrusted workspace and keeps the rest', () => {
    const config = { rules: { emoji: 'off' as const }, phrases: { add: ['x(s)'], ignore: ['y'] }, mailType: 'transactional' as const };
    assert.deepEqual(untrustedPart(config), { rules: { emoji: 'off' }, mailType: 'transactional' });
    assert.equal(untrustedPart(undefined), undefined);
  });
});
