import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MailproofConfig } from '../../src/engine/config';
import { at, findings } from '../helpers';

interface Part {
  type: string;
  name?: string;
  disposition?: string;
  data?: string;
  extra?: string;
}

function message(parts: Part[], related = false): string {
  const kind = related ? 'related' : 'mixed';
  let out = `From: a@shop.example\nSubject: Documents\nMIME-Version: 1.0\nContent-Type: multipart/${kind}; boundary="b"\n\n--b\nContent-Type: text/${related ? 'html' : 'plain'}\n\nHello\n`;
  for (const p of parts) {
    out += `--b\nContent-Type: ${p.type}${p.name ? `; name="${p.name}"` : ''}\n`;
    if (p.disposition) out += `Content-Disposition: ${p.disposition}\n`;
    if (p.extra) out += p.extra;
    out += `Content-Transfer-Encoding: base64\n\n${p.data ?? 'QUJD'}\n`;
  }
  return out + '--b--\n';
}
const lint = (text: string, config?: MailproofConfig) => findings(text, 'attachments', { kind: 'eml', config });
const pdf = (n: number): Part => ({ type: 'application/pdf', disposition: `attachment; filename="doc-${n}.pdf"` });

describe('attachments', () => {
  it('flags executables as errors, whatever the configured severity', () => {
    const text = message([{ type: 'application/octet-stream', disposition: 'attachment; filename="facture.pdf.exe"' }]);
    const [f] = lint(text, { rules: { attachments: 'info' } });
    assert.equal(f.severity, 'error');
    assert.equal(f.message, 'Executable attachment “facture.pdf.exe” is blocked by mail providers');
    assert.match(at(text, f), /^Content-Type: application\/octet-stream\nContent-Disposition: attachment; filename="facture\.pdf\.exe"\nContent-Transfer-Encoding: base64$/);
  });

  it('recognises macro files by extension or by content type', () => {
    assert.match(lint(message([{ type: 'application/octet-stream', name: 'budget.xlsm' }]))[0].message, /with macros “budget\.xlsm”/);
    assert.match(lint(message([{ type: 'application/vnd.ms-word.document.macroEnabled.12' }]))[0].message, /with macros “application\/vnd\.ms-word\.document\.macroenabled\.12”/);
  });

  it('notes archives as info', () => {
    const [f] = lint(message([{ type: 'application/zip', disposition: "attachment; filename*=utf-8''photos%20%C3%A9t%C3%A9.zip" }]));
    assert.equal(f.severity, 'info');
    assert.equal(f.message, 'Archive attachment “photos été.zip” is often held by filters; share a link instead');
  });

  it('counts attachments against maxCount, not inline images', () => {
    const four = message([1, 2, 3, 4].map(pdf));
    const [f] = lint(four);
    assert.equal(f.message, 'Too many attachments (4; limit 3)');
    assert.match(at(four, f), /doc-4\.pdf/);
    assert.equal(f.related?.length, 3);
    assert.deepEqual(lint(message([1, 2, 3].map(pdf))), []);
    assert.deepEqual(lint(four, { rules: { attachments: { maxCount: 4 } } }), []);
    const images = message([1, 2, 3, 4, 5].map((n) => ({ type: 'image/png', extra: `Content-ID: <i${n}>\n` })), true);
    assert.deepEqual(lint(images), []);
  });

  it('adds up decoded sizes against maxTotalMB', () => {
    const big = 'A'.repeat(4 * 1024 * 400); // 1.2 MB once decoded
    const text = message([
      { ...pdf(1), data: big },
      { ...pdf(2), data: 'QUJD' },
    ]);
    assert.deepEqual(lint(text), []);
    const [f] = lint(text, { rules: { attachments: { maxTotalMB: 1 } } });
    assert.equal(f.message, 'Attachments too large (1.2 MB in total; limit 1 MB)');
    assert.match(at(text, f), /doc-1\.pdf/);
  });

  it('applies to .eml drafts only', () => {
    assert.deepEqual(findings('<a href="x.exe">x.exe</a>', 'attachments'), []);
  });
});
