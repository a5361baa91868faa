import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, findings, fixed } from '../helpers';

describe('html-width', () => {
  it('flags a width attribute over 800 px and sets just the number to 600', () => {
    const html = '<table width="900" cellpadding="0"><tr><td>Hi</td></tr></table>';
    const [f] = findings(html, 'html-width');
    assert.equal(at(html, f), 'width="900"');
    assert.match(f.message, /900 px; keep it within 800 px/);
    assert.equal(fixed(html, f), '<table width="600" cellpadding="0"><tr><td>Hi</td></tr></table>');
  });

  it('flags inline width and min-width declarations, each at its own range', () => {
    const html = '<div width="1000" style="min-width: 900px; width:1200px !important; max-width:100%">x</div>';
    const list = findings(html, 'html-width');
    assert.deepEqual(list.map((f) => at(html, f)), ['width="1000"', 'min-width: 900px', 'width:1200px !important']);
    assert.equal(fixed(html, list[2]), '<div width="1000" style="min-width: 900px; width:600px !important; max-width:100%">x</div>');
  });

  it('flags rules of <style> blocks, inside media queries too', () => {
    const html = '<style>.wrap { color: red; min-width: 850px }\n@media screen { .big { width: 960px; } }</style><div class="wrap">x</div>';
    const list = findings(html, 'html-width');
    assert.deepEqual(list.map((f) => at(html, f)), ['min-width: 850px', 'width: 960px']);
    assert.equal(fixed(html, list[1]), html.replace('960px', '600px'));
  });

  it('reads MJML widths', () => {
    const mjml = '<mjml><mj-body width="900px"><mj-section><mj-column><mj-image width="850px" src="a.png" /></mj-column></mj-section></mj-body></mjml>';
    const list = findings(mjml, 'html-width');
    assert.deepEqual(list.map((f) => at(mjml, f)), ['width="900px"', 'width="850px"']);
    assert.equal(fixed(mjml, list[0]), mjml.replace('900px', '600px'));
  });

  it('converts points and fixes them to pixels', () => {
    const html = '<table style="width:700pt"><tr><td>x</td></tr></table>';
    const [f] = findings(html, 'html-width');
    assert.match(f.message, /933 px/);
    assert.equal(fixed(html, f), '<table style="width:600px"><tr><td>x</td></tr></table>');
  });

  it('accepts 800 px, percentages, max-width and relative units', () => {
    const html =
      '<table width="800"><tr><td width="100%" style="width:50em; max-width:1200px">x</td></tr></table>' +
      '<style>.a { max-width: 1400px; width: 100%; } .b { width: auto }</style><img src="a.png" alt="" width="600px">';
    assert.deepEqual(findings(html, 'html-width'), []);
  });

  it('follows the configured limit', () => {
    const html = '<table width="900"><tr><td>x</td></tr></table>';
    assert.deepEqual(findings(html, 'html-width', { config: { rules: { 'html-width': { maxWidth: 1000 } } } }), []);
  });

  it('gives no fix when entities hide where the number is', () => {
    const html = '<div style="width:&#57;00px">x</div>';
    const [f] = findings(html, 'html-width');
    assert.equal(f.data?.width, 900);
    assert.equal(f.fixes, undefined);
  });
});
