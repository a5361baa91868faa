import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, findings } from '../helpers';

describe('hidden-text', () => {
  it('allows a short hidden preheader at the top of the body', () => {
    const html =
      '<body><div style="display:none;max-height:0">Your March statement is ready.</div>' +
      '<div style="display:none">&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;</div><p>Hello Ana</p></body>';
    assert.deepEqual(findings(html, 'hidden-text'), []);
  });

  it('flags hidden text after visible text, on the declaration that hides it', () => {
    const html = '<p>Hello</p><div style="color:#333; display: none">cheap pills online</div>';
    const [f] = findings(html, 'hidden-text');
    assert.equal(f.severity, 'info');
    assert.equal(at(html, f), 'display: none');
    assert.equal(f.message, 'Hidden text with display: none (18 characters: “cheap pills online”)');
  });

  it('flags tiny fonts, visibility and opacity', () => {
    const html = '<p>Hi</p><span style="font-size:0">a b</span><span style="visibility:hidden">c</span><span style="font-size: 1px">d</span><i style="opacity:0">e</i>';
    assert.deepEqual(findings(html, 'hidden-text').map((f) => at(html, f)), ['font-size:0', 'visibility:hidden', 'font-size: 1px', 'opacity:0']);
  });

  it('flags text in the colour of its background', () => {
    const html = '<p>Hi</p><table><tr><td bgcolor="#FFFFFF"><p>Visible</p><span style="color: white">hidden words</span></td></tr></table>';
    const [f] = findings(html, 'hidden-text');
    assert.equal(at(html, f), 'color: white');
    assert.match(f.message, /same colour as its background \(#ffffff; 12 characters: “hidden words”\)/);
  });

  it('flags a hidden preheader that is longer than any preview', () => {
    const long = 'word '.repeat(60);
    const html = `<div style="display:none">${long}</div><p>Hello</p>`;
    const [f] = findings(html, 'hidden-text');
    assert.match(f.message, /preheader too long \(299 characters; inbox previews show at most 255\)/);
    assert.deepEqual(findings(html, 'hidden-text', { config: { rules: { 'hidden-text': { maxPreheaderChars: 300 } } } }), []);
  });

  it('leaves readable and revealed text alone', () => {
    const html =
      '<p>Hi</p>' +
      '<td style="background-color:#000"><span style="color:#fff">White on black</span></td>' +
      '<td bgcolor="#ffffff" background="bg.jpg"><span style="color:#fff">Over an image</span></td>' +
      '<td bgcolor="#ffffff" style="color:#ffffff"><a href="https://example.com">A link keeps its colour</a></td>' +
      '<div style="visibility:hidden"><span style="visibility:visible">Shown again</span></div>' +
      '<div style="font-size:0"><span style="font-size:14px">Readable</span></div>' +
      '<style>@media (max-width:600px) { .mobile { display: block !important; } }</style>' +
      '<div class="mobile" style="display:none">Mobile-only content</div>' +
      '<span style="display:none">{{ preview_text }}</span>';
    assert.deepEqual(findings(html, 'hidden-text'), []);
  });

  it('says it in French', () => {
    const [f] = findings('<p>Bonjour</p><span style="display:none">texte caché</span>', 'hidden-text', { locale: 'fr' });
    assert.equal(f.message, 'Texte caché avec display:none (11 caractères : « texte caché »)');
  });
});
