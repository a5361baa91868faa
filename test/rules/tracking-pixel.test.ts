import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, findings, fixed } from '../helpers';

describe('tracking-pixel', () => {
  it('flags a 1×1 image and offers to remove it, without making it the fix-all choice', () => {
    const html = '<p>Bye</p><img src="https://t.example.com/o.gif?id=42" width="1" height="1" alt="" border="0"><p>End</p>';
    const [f] = findings(html, 'tracking-pixel');
    assert.equal(at(html, f), '<img src="https://t.example.com/o.gif?id=42" width="1" height="1" alt="" border="0">');
    assert.match(f.message, /\(1×1 px\)/);
    assert.equal(f.fixes, undefined);
    assert.ok(f.suggestions?.length);
    assert.equal(fixed(html, f, 0), '<p>Bye</p><p>End</p>');
  });

  it('reads sizes from CSS, and a single declared side', () => {
    const html = '<img src="a.gif" style="width:2px;height:2px" alt=""><img src="b.gif" width="1" alt="">';
    const list = findings(html, 'tracking-pixel');
    assert.deepEqual(list.map((f) => at(html, f)), ['<img src="a.gif" style="width:2px;height:2px" alt="">', '<img src="b.gif" width="1" alt="">']);
    assert.match(list[1].message, /\(1×\? px\)/);
  });

  it('flags hidden images without a size and known tracking hosts', () => {
    const html =
      '<div style="display:none"><img src="https://example.com/o.png" alt=""></div>' +
      '<img src="https://mailtrack.io/trace/mail/abc.png" width="600" height="10" alt="">' +
      '<img src="https://us1.list-manage.com/track/open.php?u=1" alt="">';
    const list = findings(html, 'tracking-pixel');
    assert.equal(list.length, 3);
    assert.match(list[0].message, /^Hidden image/);
    assert.match(list[1].message, /mailtrack\.io/);
    assert.match(list[2].message, /us1\.list-manage\.com/);
  });

  it('leaves spacers, small icons and responsive hidden images alone', () => {
    const html =
      '<img src="spacer.gif" width="1" height="20" alt=""><img src="icon.png" width="16" height="16" alt="">' +
      '<img src="mobile.jpg" width="600" style="display:none" alt=""><img src="{{ pixel_url }}" alt="">';
    assert.deepEqual(findings(html, 'tracking-pixel'), []);
  });

  it('says it in French', () => {
    const [f] = findings('<img src="p.gif" width="1" height="1" alt="">', 'tracking-pixel', { locale: 'fr' });
    assert.match(f.message, /consentement/);
  });
});
