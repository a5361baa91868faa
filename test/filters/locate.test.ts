// Where filter rules land on the draft, for each kind of rule Mailproof can place. The rule names
// and descriptions are SpamAssassin's and Rspamd's own (as their reports print them).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel } from '../../src/engine/parse/index';
import { locateHits } from '../../src/filters/locate';

const DRAFT = `---
from: Promo <promo@gmail.com>
subject: Last chance!!!
---
<html><body>
<p>Dear Friend, our LIMITED TIME OFFER ends tonight.</p>
<p><img src="https://cdn.example/banner.png"><a href="https://bit.ly/x1">See the offer</a></p>
<p>Order now at <a href="http://203.0.113.9/buy">our shop</a>.</p>
</body></html>
`;

function place(name: string, description = ''): string | undefined {
  const model = buildModel(DRAFT, 'html');
  const [hit] = locateHits(model, [{ name, score: 1, description }]);
  return hit.range ? DRAFT.slice(hit.range.start, hit.range.end) : undefined;
}

describe('placing filter rules on the draft', () => {
  it('headers: subject, sender', () => {
    assert.equal(place('SUBJ_ILLEGAL_CHARS'), 'Last chance!!!');
    assert.equal(place('SUBJECT_ENDS_EXCLAIM'), 'Last chance!!!');
    assert.equal(place('FREEMAIL_FROM'), 'Promo <promo@gmail.com>');
    assert.equal(place('FROM_HAS_DN'), 'Promo <promo@gmail.com>');
  });

  it('words the rule names, a phrase quoted in its description, capitals', () => {
    assert.equal(place('DEAR_FRIEND', 'BODY: Dear Friend? That\'s not very dear!'), 'Dear Friend');
    assert.equal(place('LIMITED_TIME_CAPS', 'BODY: Limited time offer, in capitals'), 'LIMITED TIME');
    assert.equal(place('T_SHOUTING', 'BODY: capitals'), 'LIMITED TIME OFFER');
  });

  it('images and links: the first image, the numeric link, a link rule with no words of its own', () => {
    assert.equal(place('HTML_IMAGE_RATIO_02', 'BODY: HTML has a low ratio of text to image area'), '<img src="https://cdn.example/banner.png">');
    assert.equal(place('NUMERIC_HTTP_ADDR', 'URI: Uses a numeric IP address in URL'), 'http://203.0.113.9/buy');
    assert.equal(place('HTTP_TO_IP'), 'http://203.0.113.9/buy');
    assert.equal(place('URI_TRUNCATED', 'URI: Message contained a URI which was truncated'), 'https://bit.ly/x1');
    assert.equal(place('HTML_MESSAGE', 'BODY: HTML included in message'), '<html>');
  });

  it('leaves transport and network rules without a place', () => {
    for (const name of ['NO_RELAYS', 'NO_RECEIVED', 'RCVD_IN_DNSWL_NONE', 'BAYES_50', 'MISSING_MID']) assert.equal(place(name, 'Informational'), undefined, name);
  });
});
