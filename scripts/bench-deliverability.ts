// Benchmark (printed, not asserted): every DNS answer delayed 100 ms by the loopback server;
// the full check's wall time against the sum of the per-check times and against the number of
// queries. Checks run concurrently, so the wall time is the slowest chain of dependent queries
// (printed as round trips: wall / 100 ms), not the sum. Then a server that never answers: the
// run must end within its time budget.
// Run: node --import tsx scripts/bench-deliverability.ts
import { runChecks } from '../src/deliverability/index';
import { startDnsServer } from '../test/deliverability/dns-server';
import { BEHAVIOURS, ZONES } from '../test/deliverability/fixtures';

const DELAY_MS = 100;
const RUNS = 3;

async function main(): Promise<void> {
  const server = await startDnsServer({ zones: ZONES, behaviours: BEHAVIOURS, delayMs: DELAY_MS });
  try {
    const scenarios: { label: string; target: string; ips?: string[]; selectors?: string[] }[] = [
      { label: 'good.example, IP and selector given', target: 'good.example', ips: ['192.0.2.10'], selectors: ['sel1'] },
      { label: 'good.example, 30 guessed selectors, MX fallback', target: 'good.example' },
      { label: 'manylookups.example (SPF include tree)', target: 'manylookups.example', ips: ['192.0.2.10'] },
      { label: 'twelvemx.example (12 MX hosts, CNAME checks)', target: 'twelvemx.example' },
      { label: 'openinc.example (effective SPF coverage)', target: 'openinc.example', ips: ['203.0.113.9'] },
    ];
    console.log(`DNS answers delayed ${DELAY_MS} ms; best of ${RUNS} runs`);
    for (const s of scenarios) {
      let best = { wall: Infinity, sum: 0, queries: 0, slowest: '' };
      for (let i = 0; i < RUNS; i++) {
        const before = server.log.length;
        const t0 = performance.now();
        const report = await runChecks({ target: s.target, ips: s.ips, selectors: s.selectors, locale: 'en', dns: [server.address], timeoutMs: 10_000 });
        const wall = performance.now() - t0;
        const sum = report.checks.reduce((n, c) => n + (c.durationMs ?? 0), 0);
        const slowest = [...report.checks].sort((a, b) => (b.durationMs ?? 0) - (a.durationMs ?? 0))[0];
        if (wall < best.wall) best = { wall, sum, queries: server.log.length - before, slowest: `${slowest.id} ${slowest.durationMs} ms` };
      }
      const ratio = best.wall / best.sum;
      console.log(
        `${s.label}: wall ${best.wall.toFixed(0)} ms (${(best.wall / DELAY_MS).toFixed(1)} round trips), sum of checks ${best.sum.toFixed(0)} ms, ratio ${ratio.toFixed(2)}, ` +
          `${best.queries} queries (${(best.queries * DELAY_MS).toFixed(0)} ms if sequential), slowest ${best.slowest}`,
      );
    }
  } finally {
    await server.close();
  }
  const dead = await startDnsServer({ zones: {}, silent: true });
  try {
    for (const budget of [1000, 3000]) {
      const t0 = performance.now();
      const report = await runChecks({ target: 'good.example', ips: ['192.0.2.10'], locale: 'en', dns: [dead.address], timeoutMs: budget });
      const wall = performance.now() - t0;
      const pass = report.checks.filter((c) => c.status === 'pass').map((c) => c.id);
      console.log(`server that never answers, budget ${budget} ms: wall ${wall.toFixed(0)} ms (ratio to budget ${(wall / budget).toFixed(2)}), passes: ${pass.join(', ') || 'none'}`);
    }
  } finally {
    await dead.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
