// The shared HTML helpers the rules read, and robustness of all rules on odd markup.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseColor } from '../../src/engine/html/colors';
import { imagesOf } from '../../src/engine/html/images';
import { linksOf } from '../../src/engine/html/links';
import { isIpHost, parseUrl, siteOf } from '../../src/engine/html/url';
import { visibilityOf } from '../../src/engine/html/visibility';
import { lint } from '../../src/engine/lint';
import { buildModel } from '../../src/engine/parse/index';

describe('parseUrl', () => {
  it('finds scheme and host with their offsets', () => {
    const url = '  HTTPS://user:pw@Example.COM.:8080/path?q#x';
    const p = parseUrl(url);
    assert.equal(p.scheme, 'https');
    assert.equal(url.slice(p.schemeStart, p.schemeEnd), 'HTTPS');
    assert.equal(p.host, 'example.com');
    assert.equal(url.slice(p.hostStart, p.hostEnd), 'Example.COM.');
    assert.equal(p.templated, false);
  });

  it('marks URLs whose scheme or host comes from a placeholder', () => {
    for (const u of ['{{ url }}', '*|ARCHIVE|*', '{% url %}', '%%view_email_url%%', 'https://{{host}}/a', '<%= link %>', '[unsubscribe]', '%7B%7Burl%7D%7D']) {
      assert.equal(parseUrl(u).templated, true, u);
    }
    assert.equal(parseUrl('https://example.com/?name={{ first_name }}').templated, false);
    assert.equal(parseUrl('http://[fe80::1]/').templated, false);
    // The placeholder is looked for up to the end of the host only (issue #11): one that starts
    // there and runs on still counts, one after it does not.
    assert.equal(parseUrl('https://shop.[region name]/a').templated, true);
    assert.equal(parseUrl('https://www.{{domain}}').templated, true);
    assert.equal(parseUrl('https://example.com[[x]]').templated, true);
    assert.equal(parseUrl('https://example.com/[[x]]').templated, false);
    assert.equal(parseUrl('mailto:{{ email }}').templated, false);
    assert.equal(parseUrl('mailto:{{ email }}').scheme, 'mailto');
    assert.equal(parseUrl('\t{{x}}:y').templated, true);
  });

  it('reads schemes case-insensitively and authorities after two slashes of either kind', () => {
    assert.deepEqual([parseUrl('hTtP:\\\\Example.com\\x').host, parseUrl('//cdn.example/x').host, parseUrl('http:/example.com').host, parseUrl('1http://a.b').scheme], ['example.com', 'cdn.example', '', '']);
  });

  it('tells IP hosts and sites', () => {
    assert.ok(isIpHost('10.0.0.1') && isIpHost('[::1]') && isIpHost('0xc0.0xa8.0.1') && isIpHost('3232235777'));
    assert.ok(!isIpHost('1.example.com') && !isIpHost(''));
    assert.equal(siteOf('news.example.co.uk'), 'example.co.uk');
    assert.equal(siteOf('www2.example.com'), 'example.com');
  });
});

describe('parseColor', () => {
  it('reduces colours to #rrggbb', () => {
    assert.equal(parseColor('#FFF'), '#ffffff');
    assert.equal(parseColor('White'), '#ffffff');
    assert.equal(parseColor('rgb(255, 255, 255)'), '#ffffff');
    assert.equal(parseColor('rgba(0,0,0,0)'), 'transparent');
    assert.equal(parseColor('var(--x)'), undefined);
  });

  it('takes no property of a JavaScript object for a colour name', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) assert.equal(parseColor(name), undefined, name);
  });
});

describe('shared helpers', () => {
  it('compute each document once and agree with the parse', () => {
    const src = '<body><div style="display:none">Preview</div><p>Hi <a href="https://example.com">there</a></p><img src="a.png" width="1" height="1" alt=""></body>';
    const part = buildModel(src, 'html').parts[0];
    assert.equal(visibilityOf(part.html!, src), visibilityOf(part.html!, src));
    assert.equal(linksOf(part, src), linksOf(part, src));
    const [img] = imagesOf(part, src);
    assert.equal(img.tracking, 'size');
    const [link] = linksOf(part, src);
    assert.equal(link.parts.host, 'example.com');
    assert.equal(part.text.text.slice(link.text!.from, link.text!.to), 'there');
    assert.equal(visibilityOf(part.html!, src).blocks[0].snippet, 'Preview');
  });
});

describe('all rules on odd markup', () => {
  const cases: Record<string, string> = {
    'Inky sources': '<container><row><columns small="12" large="6"><h1>Hi</h1><callout class="primary"><p>Sale</p></callout><button href="http://example.com">Go</button><spacer size="16"></spacer></columns></row></container>',
    'MJML': '<mjml><mj-head><mj-preview>Preview</mj-preview></mj-head><mj-body width="600px"><mj-section><mj-column><mj-image src="hero.png" width="600px"></mj-image><mj-text>Hello</mj-text><mj-button href="http://bit.ly/x">Go</mj-button></mj-column></mj-section></mj-body></mjml>',
    'unclosed tags': '<table><tr><td style="display:none">a<td bgcolor=#fff><span style="color:#fff">b<a href="javascript:x">c<img src=data:,x',
    'deep nesting': '<div style="font-size:0">'.repeat(10000) + 'x' + '<span style="color:red;background:red">y</span>',
    'nested links': '<a href="https://a.example.com">'.repeat(3000) + 'other.org',
    'broken CSS': '<style>{{{ ;;; } .a { width: 900px</style><div style="width:;;:900px;color:">x</div>',
    'empty': '',
  };
  for (const [name, html] of Object.entries(cases)) {
    it(`lints ${name} without throwing`, () => {
      const run = lint(html, { kind: 'html', fileName: 'draft.html', resources: { size: () => 999_999 } });
      for (const f of run.findings) assert.ok(f.start >= 0 && f.end >= f.start && f.end <= html.length, `${f.ruleId} range`);
    });
  }

  it('understands Inky buttons and menu items as links', () => {
    const html = '<container><row><columns><button href="http://bit.ly/x">Go</button><menu><item href="http://10.0.0.1/">Home</item></menu></columns></row></container>';
    const ids = lint(html, { kind: 'html' }).findings.filter((f) => f.ruleId.startsWith('link-')).map((f) => f.ruleId).sort();
    assert.deepEqual(ids, ['link-insecure', 'link-insecure', 'link-ip', 'link-shortener']);
  });

  it('understands MJML widths, images and buttons', () => {
    const html = '<mjml><mj-body width="900px"><mj-section><mj-column><mj-image src="p.gif" width="1px" height="1px"></mj-image><mj-button href="http://bit.ly/x">Go</mj-button></mj-column></mj-section></mj-body></mjml>';
    const ids = lint(html, { kind: 'html' }).findings.map((f) => f.ruleId);
    for (const id of ['html-width', 'tracking-pixel', 'link-shortener', 'link-insecure']) assert.ok(ids.includes(id), id);
  });
});
