import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, findings, fixed } from '../helpers';

const msg = (...headers: string[]) => ['From: News <news@shop.example>', 'Subject: April', ...headers, 'MIME-Version: 1.0', 'Content-Type: text/plain', '', 'Hello'].join('\r\n');
const lint = (text: string) => findings(text, 'list-unsubscribe', { kind: 'eml' });

describe('list-unsubscribe', () => {
  it('flags a bulk message without List-Unsubscribe, on its From header', () => {
    const text = msg();
    const [f] = lint(text);
    assert.equal(at(text, f), 'From: News <news@shop.example>');
    assert.deepEqual(f.suggestions?.map((x) => x.title), ['Add a List-Unsubscribe header that mails news@shop.example', 'Mark this draft as transactional']);
    assert.match(fixed(text, f, 0), /Content-Type: text\/plain\r\nList-Unsubscribe: <mailto:news@shop\.example\?subject=unsubscribe>\r\n\r\nHello/);
  });

  it('adds List-Unsubscribe-Post under an https List-Unsubscribe (RFC 8058)', () => {
    const text = msg('List-Unsubscribe: <mailto:u@shop.example>,', ' <https://shop.example/u/1>');
    const [f] = lint(text);
    assert.match(f.message, /no “List-Unsubscribe-Post: List-Unsubscribe=One-Click”/);
    const out = fixed(text, f);
    assert.match(out, /<https:\/\/shop\.example\/u\/1>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\nMIME-Version/);
    assert.deepEqual(lint(out), []);
  });

  it('corrects a List-Unsubscribe-Post with another value', () => {
    const text = msg('List-Unsubscribe: <https://shop.example/u/1>', 'List-Unsubscribe-Post: one-click');
    const [f] = lint(text);
    assert.equal(at(text, f), 'List-Unsubscribe-Post: one-click');
    assert.equal(fixed(text, f), msg('List-Unsubscribe: <https://shop.example/u/1>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'));
  });

  it('wants an https link for one-click unsubscribe', () => {
    assert.match(lint(msg('List-Unsubscribe: <mailto:u@shop.example>'))[0].message, /no https link/);
    assert.match(lint(msg('List-Unsubscribe: <http://shop.example/u/1>'))[0].message, /plain http/);
    assert.match(lint(msg('List-Unsubscribe: <mailto:u@shop.example>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'))[0].message, /without an https link/);
  });

  it('wants the links in angle brackets (RFC 2369)', () => {
    const list = lint(msg('List-Unsubscribe: https://shop.example/u/1', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'));
    assert.deepEqual(list.map((f) => f.message), ['List-Unsubscribe links must be written in angle brackets (RFC 2369 §2)']);
  });

  it('notes a DKIM signature that does not cover the headers (RFC 8058 §4)', () => {
    const dkim = 'DKIM-Signature: v=1; a=rsa-sha256; d=shop.example; s=k1; h=From:Subject:List-Unsubscribe; bh=x; b=y';
    const [f] = lint(msg(dkim, 'List-Unsubscribe: <https://shop.example/u/1>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'));
    assert.equal(f.severity, 'info');
    assert.match(f.message, /does not cover List-Unsubscribe-Post/);
    const signed = dkim.replace('h=From:Subject:List-Unsubscribe', 'h=From:Subject:List-Unsubscribe:List-Unsubscribe-Post');
    assert.deepEqual(lint(msg(signed, 'List-Unsubscribe: <https://shop.example/u/1>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click')), []);
  });

  it('applies to bulk .eml drafts only', () => {
    assert.deepEqual(lint(msg('X-Mailproof-Type: transactional')), []);
    assert.deepEqual(findings('<p>Hello</p>', 'list-unsubscribe'), []);
  });
});
