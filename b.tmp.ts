import { readFileSync } from 'node:fs';
import { lint } from './src/engine/lint';
import { rules } from './src/engine/rules/index';
import { buildModel } from './src/engine/parse/index';
import { Parser } from 'htmlparser2';
const base = readFileSync('examples/newsletter-en.html', 'utf8');
const s = base.indexOf('<!-- article -->'), e = base.lastIndexOf('<!-- /article -->');
for (const reps of [45, 450]) {
const html = base.slice(0, e) + base.slice(s, e).repeat(reps) + base.slice(e);
function med(f: () => void) { for (let i = 0; i < 5; i++) f(); const t: number[] = []; for (let i = 0; i < 21; i++) { const a = performance.now(); f(); t.push(performance.now() - a); } t.sort((a, b) => a - b); return t[10].toFixed(2); }
console.log(html.length, 'parse', med(() => new Parser({}, { decodeEntities: true }).end(html)));
console.log('model', med(() => buildModel(html, 'html')));
for (const r of rules) console.log(r.id, med(() => lint(html, { kind: 'html', rules: [r] })));
console.log('none', med(() => lint(html, { kind: 'html', rules: [] })));
console.log('all', med(() => lint(html, { kind: 'html' })));
}
