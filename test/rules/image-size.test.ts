import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runLint } from '../../src/cli/lint';
import { fileResources } from '../../src/node/fileResources';
import { resolveLocalPath, type Resources } from '../../src/engine/resources';
import { at, findings } from '../helpers';

const KB = 1024;

// Sizes of files that exist, keyed by the path the engine asks for; records every question.
function filesOf(sizes: Record<string, number>): Resources & { asked: string[] } {
  const asked: string[] = [];
  return { asked, size: (p) => (asked.push(p), sizes[p]) };
}

describe('image-size', () => {
  it('flags data: URIs on their header, with the decoded size', () => {
    const payload = 'A'.repeat(4000); // 3000 bytes
    const html = `<img alt="" src="data:image/png;base64,${payload}">`;
    const [f] = findings(html, 'image-size');
    assert.equal(at(html, f), 'data:image/png;base64');
    assert.match(f.message, /data: URI \(2\.9 KB\)/);
  });

  it('flags local images over 200 KB, resolved next to the draft', () => {
    const files = filesOf({ 'drafts/img/hero.jpg': 300 * KB, 'drafts/img/logo.png': 20 * KB });
    const html = '<img alt="" src="img/hero.jpg?v=2"><img alt="" src="./img/logo.png"><img alt="" src="https://cdn.example.com/big.jpg">';
    const list = findings(html, 'image-size', { fileName: 'drafts/news.html', resources: files });
    assert.deepEqual(list.map((f) => at(html, f)), ['img/hero.jpg?v=2']);
    assert.match(list[0].message, /\(300 KB; keep each image under 200 KB\)/);
    // Remote images are never asked for.
    assert.deepEqual(files.asked, ['drafts/img/hero.jpg', 'drafts/img/logo.png']);
  });

  it('flags images over 1 MB together on the heaviest, counting each file once', () => {
    const files = filesOf({ 'a.jpg': 190 * KB, 'b.jpg': 180 * KB, 'c.jpg': 199 * KB, 'd.jpg': 170 * KB, 'e.jpg': 160 * KB, 'f.jpg': 150 * KB });
    const imgs = ['a', 'b', 'c', 'd', 'e', 'f', 'a'].map((n) => `<img alt="" src="${n}.jpg">`).join('');
    const list = findings(imgs, 'image-size', { fileName: 'draft.html', resources: files });
    assert.equal(list.length, 1);
    assert.equal(at(imgs, list[0]), 'c.jpg');
    assert.match(list[0].message, /\(1[,.]?049 KB; keep the total under 1[,.]?024 KB\)/);
    assert.equal(list[0].related?.length, 4);
  });

  it('skips local images when the host gives no files, and template placeholders always', () => {
    const html = '<img alt="" src="img/hero.jpg"><img alt="" src="{{ hero_url }}"><img alt="" src="cid:logo@x">';
    assert.deepEqual(findings(html, 'image-size', { fileName: 'drafts/news.html' }), []);
    const files = filesOf({});
    assert.deepEqual(findings(html, 'image-size', { fileName: 'drafts/news.html', resources: files }), []);
    assert.deepEqual(files.asked, ['drafts/img/hero.jpg']);
  });

  it('measures real files through the CLI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailproof-image-size-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'big.png'), Buffer.alloc(250 * KB));
    writeFileSync(join(dir, 'small.png'), Buffer.alloc(10 * KB));
    const draft = join(dir, 'news.html');
    writeFileSync(draft, '<p>Hello</p>\n<img alt="" src="big.png"><img alt="" src="small.png"><img alt="" src="missing.png">\n');
    assert.equal(fileResources.size(join(dir, 'big.png')), 250 * KB);
    assert.equal(fileResources.size(dir), undefined);
    let out = '';
    const code = await runLint({ files: [draft], format: 'json', locale: 'en', fix: false, quiet: false }, { out: (t) => (out += t), err: () => {} });
    assert.equal(code, 0);
    const found = JSON.parse(out).results[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'image-size');
    assert.deepEqual(found.map((f: { line: number; column: number; message: string }) => [f.line, f.column, f.message]), [[2, 18, 'Heavy image (250 KB; keep each image under 200 KB)']]);
  });
});

describe('resolveLocalPath', () => {
  it('joins relative references to the draft folder with its separator', () => {
    assert.equal(resolveLocalPath('/home/me/mails/news.html', 'img/a%20b.png#x'), '/home/me/mails/img/a b.png');
    assert.equal(resolveLocalPath('/home/me/mails/news.html', '../shared/./logo.png'), '/home/me/shared/logo.png');
    assert.equal(resolveLocalPath('C:\\mails\\news.html', 'img/a.png'), 'C:\\mails\\img\\a.png');
    assert.equal(resolveLocalPath('news.html', 'a.png'), 'a.png');
    assert.equal(resolveLocalPath('mails/news.html', '../../a.png'), '../a.png');
  });

  it('keeps absolute paths and file: URLs', () => {
    assert.equal(resolveLocalPath(undefined, '/srv/img/a.png'), '/srv/img/a.png');
    assert.equal(resolveLocalPath('x.html', 'file:///C:/img/a.png'), 'C:/img/a.png');
    assert.equal(resolveLocalPath('x.html', 'file:///srv/a%20b.png'), '/srv/a b.png');
    assert.equal(resolveLocalPath('x.html', 'D:\\img\\a.png'), 'D:\\img\\a.png');
  });

  it('resolves nothing remote, embedded or templated', () => {
    for (const ref of ['https://example.com/a.png', '//cdn.example.com/a.png', 'data:image/png;base64,AAAA', 'cid:logo', '{{ url }}', '*|IMG|*', '']) {
      assert.equal(resolveLocalPath('/home/me/news.html', ref), undefined, ref);
    }
    assert.equal(resolveLocalPath(undefined, 'img/a.png'), undefined);
  });
});
