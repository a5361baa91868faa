// Every string the extension shows through vscode.l10n.t has a French translation, and the
// manifest's nls files have the same keys in both languages.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...sources(join(dir, e.name)));
    else if (e.name.endsWith('.ts')) out.push(join(dir, e.name));
  }
  return out;
}

describe('extension localization', () => {
  it('translates every vscode.l10n.t string into French', () => {
    const fr = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.fr.json'), 'utf8'));
    const missing: string[] = [];
    for (const file of sources(join(root, 'src/extension'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/l10n\.t\(\s*(['"])((?:\\.|(?!\1).)*)\1/g)) {
        const key = m[2].replace(/\\(['"\\])/g, '$1');
        if (!(key in fr)) missing.push(`${file}: ${key}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('has the same manifest keys in English and French', () => {
    const en = Object.keys(JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'))).sort();
    const fr = Object.keys(JSON.parse(readFileSync(join(root, 'package.nls.fr.json'), 'utf8'))).sort();
    assert.deepEqual(fr, en);
  });

  it('defines every %key% the manifest uses', () => {
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const en = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
    const used = [...manifest.matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    assert.deepEqual(used.filter((k) => !(k in en)), []);
  });
});
