import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, findings } from '../helpers';

describe('link-ip', () => {
  it('flags the address of links to raw IPv4 and IPv6 hosts', () => {
    const html = '<a href="http://192.168.1.10/login">a</a><a href="https://user@[2001:db8::1]:8443/">b</a><a href="http://3232235777/">c</a>';
    const list = findings(html, 'link-ip');
    assert.deepEqual(list.map((f) => at(html, f)), ['192.168.1.10', '[2001:db8::1]', '3232235777']);
    assert.match(list[0].message, /\(192\.168\.1\.10\)/);
  });

  it('leaves names with digits and placeholders alone', () => {
    const html = '<a href="https://1.example.com/">a</a><a href="https://v2.0.example.com">b</a><a href="http://{{ server_ip }}/x">c</a><a href="/10.0.0.1">d</a>';
    assert.deepEqual(findings(html, 'link-ip'), []);
  });
});
