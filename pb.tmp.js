const { readFileSync } = require('node:fs');
const { parseHtml } = require('./out/bench/html.cjs');
const { Parser } = require('./out/bench/hp.cjs');
const { lint } = require('./out/bench/engine.cjs');
const base = readFileSync('examples/newsletter-en.html', 'utf8');
const s = base.indexOf('<!-- article -->'), e = base.lastIndexOf('<!-- /article -->');
const html = base.slice(0, e) + base.slice(s, e).repeat(800) + base.slice(e);
function med(f) { for (let i = 0; i < 3; i++) f(); const t = []; for (let i = 0; i < 11; i++) { const a = performance.now(); f(); t.push(performance.now() - a); } t.sort((a, b) => a - b); return t[5].toFixed(1); }
const noop = {};
const cbs = { onopentag() {}, onattribute() {}, ontext() {}, onclosetag() {}, oncomment() {} };
console.log('bare', med(() => new Parser(noop, { decodeEntities: true }).end(html)));
console.log('with empty callbacks', med(() => new Parser(cbs, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true }).end(html)));
console.log('parseHtml', med(() => parseHtml(html)));
console.log('lint no rules', med(() => lint(html, { kind: 'html', rules: [] })));
console.log('lint', med(() => lint(html, { kind: 'html' })));
