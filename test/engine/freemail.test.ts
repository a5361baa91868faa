import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { domainOf, isFreemailDomain } from '../../src/engine/data/freemail';

describe('free-mail domains', () => {
  it('knows the big providers and French ISPs', () => {
    for (const d of ['gmail.com', 'orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'laposte.net', 'icloud.com', 'yahoo.fr', 'hotmail.co.uk', 'outlook.fr', 'gmx.de', 'GMAIL.COM.']) {
      assert.ok(isFreemailDomain(d), d);
    }
  });

  it('does not flag company domains that merely look alike', () => {
    for (const d of ['example.com', 'orange-business.com', 'free-software.org', 'mailjet.com', 'yahoo-inc.example', 'gmail.com.example.org', '']) {
      assert.ok(!isFreemailDomain(d), d);
    }
  });

  it('reads the domain of an address', () => {
    assert.equal(domainOf('Boutique <News@Example.FR>'), 'example.fr');
    assert.equal(domainOf('user@gmail.com'), 'gmail.com');
    assert.equal(domainOf('example.org'), 'example.org');
    assert.equal(domainOf('no address'), undefined);
  });
});
