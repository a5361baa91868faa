// A realistic newsletter of a chosen size, shared by the benchmarks (npm run bench, bench:e2e).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** A newsletter of about `bytes`, built by repeating the article blocks of the example. */
export function newsletter(bytes: number): string {
  const base = readFileSync(join(root, 'examples', 'newsletter-en.html'), 'utf8');
  const start = base.indexOf('<!-- article -->');
  const end = base.lastIndexOf('<!-- /article -->');
  const block = base.slice(start, end);
  const parts = [base.slice(0, end)];
  let size = base.length;
  while (size < bytes) {
    parts.push(block);
    size += block.length;
  }
  parts.push(base.slice(end));
  return parts.join('');
}

