// Benchmark (printed, not asserted): "Test with SpamAssassin" from command to result, against a
// local spamd --local, next to SpamAssassin's own spamc on the same message bytes. The Mailproof
// side runs the shipped bundle (dist/filters.js): read the draft, build the message (text part,
// headers), score it over SPAMC/1.5 and place the rules on the draft. The panel's rendering is not
// included (it is measured by npm run bench:e2e's webview timings when present).
// Run: node --import tsx scripts/bench-filters.ts (after npm run build)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSpamc, findSpamd, startSpamd } from '../test/support/spamd';

const RUNS = 15;
const root = join(__dirname, '..');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const spamc = findSpamc();
  if (!findSpamd() || !spamc) {
    console.log('filters: skipped, SpamAssassin (spamd, spamc) is not installed (apt-get install spamassassin)');
    return;
  }
  const mod = require(join(root, 'dist', 'filters.js')) as typeof import('../src/filters/index');
  const spamd = await startSpamd();
  try {
    for (const name of ['examples/promo-fr.html', 'examples/newsletter-en.html']) {
      const file = join(root, name);
      const target = { spamassassin: { host: spamd.host, port: spamd.port } };
      const command = async () => {
        const source = readFileSync(file, 'utf8');
        const message = await mod.buildMessage(source, { fileName: file, defaults: { from: 'news@boutique.example' } });
        const outcome = await mod.runFilter('spamassassin', message.raw, mod.buildModel(source, 'html'), target, 'en');
        if (!outcome.ok) throw new Error(outcome.message);
        return message.raw;
      };
      const raw = await command(); // warm-up: spamd's child loads, the bundle is compiled
      const ours: number[] = [];
      const theirs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        let t = performance.now();
        await command();
        ours.push(performance.now() - t);
        t = performance.now();
        const res = spawnSync(spamc, ['-d', spamd.host, '-p', String(spamd.port), '-R'], { input: raw });
        theirs.push(performance.now() - t);
        if (res.status !== 0 && res.status !== 1) throw new Error(`spamc exited ${res.status}: ${res.stderr}`);
      }
      const a = median(ours);
      const b = median(theirs);
      console.log(`${name} (${(raw.length / 1024).toFixed(1)} KB message): command to result ${a.toFixed(0)} ms, spamc -R ${b.toFixed(0)} ms, ratio ${(a / b).toFixed(2)} (median of ${RUNS})`);
    }
  } finally {
    await spamd.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
