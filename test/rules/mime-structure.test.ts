import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, findings } from '../helpers';

const lint = (text: string, locale: 'en' | 'fr' = 'en') => findings(text, 'mime-structure', { kind: 'eml', locale });

describe('mime-structure', () => {
  it('reports nothing on a well-formed message', () => {
    assert.deepEqual(lint('From: a@b.example\nSubject: x\nMIME-Version: 1.0\nContent-Type: text/plain\n\nHello\n'), []);
  });

  it('reports a boundary that never appears as a warning, on the Content-Type', () => {
    const text = 'From: a@b.example\nSubject: x\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="one"\n\n--two\n\nHello\n--two--\n';
    const [f] = lint(text);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, 'Boundary “one” never appears in the body (read as one part)');
    assert.equal(at(text, f), 'Content-Type: multipart/mixed; boundary="one"');
  });

  it('reports what clients recover from as info', () => {
    const text = 'From: a@b.example\nSubject: x\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\nHello\n';
    assert.deepEqual(
      lint(text).map((f) => [f.severity, f.message]),
      [
        ['info', 'MIME content without a MIME-Version header (RFC 2045 §4)'],
        ['info', 'Multipart never closed by “--b--”'],
      ],
    );
  });

  it('reports in French', () => {
    const [f] = lint('From: a@b.example\nSubject: x\nMIME-Version: 1.0\nContent-Type: text/plain\nBonjour\n', 'fr');
    assert.equal(f.message, 'Pas de ligne vide entre les champs d’en-tête et le corps');
    assert.equal(f.severity, 'warning');
  });

  it('applies to .eml drafts only', () => {
    assert.deepEqual(findings('Subject: x\n\nHello', 'mime-structure', { kind: 'text' }), []);
  });
});
