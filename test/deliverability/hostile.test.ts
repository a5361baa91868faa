// Hostile DNS (issue 10) against the real loopback server: loops, huge records, 60,000-character
// labels, wrong transaction ids, truncation followed by a broken TCP answer, malformed packets
// and 5-second delays. Every run ends within its budget plus one second (a bound on hanging, not
// a speed target), and nothing that could not be evaluated reads as "pass".
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runChecks } from '../../src/deliverability/index';
import type { CheckResult, DeliverabilityReport } from '../../src/deliverability/types';
import { type DnsTestServer, startDnsServer } from './dns-server';
import { BEHAVIOURS, ZONES } from './fixtures';

const BUDGET_MS = 2000;
const SLACK_MS = 1000;

let server: DnsTestServer;
before(async () => {
  server = await startDnsServer({ zones: ZONES, behaviours: BEHAVIOURS });
});
after(() => server.close());

const check = (r: DeliverabilityReport, id: string): CheckResult => r.checks.find((c) => c.id === id)!;

async function timed(target: string, ips: string[] = []): Promise<{ report: DeliverabilityReport; ms: number }> {
  const t0 = Date.now();
  const report = await runChecks({ target, ips, selectors: ['selector1'], locale: 'en', dns: [server.address], timeoutMs: BUDGET_MS });
  return { report, ms: Date.now() - t0 };
}

describe('hostile DNS', () => {
  it('survives loops, a 60 KB record, wrong ids, broken TCP, malformed packets and 5 s delays', async () => {
    const { report, ms } = await timed('hostile.example', ['192.0.2.10']);
    assert.ok(ms < BUDGET_MS + SLACK_MS, `took ${ms} ms`);
    const status = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
    // Include loop (RFC 7208 §4.6.4 permerror) and an include that is a CNAME loop.
    assert.equal(status.spf, 'fail');
    assert.ok(check(report, 'spf').problems.some((p) => /loopa\.hostile\.example → loopb\.hostile\.example → loopa\.hostile\.example/.test(p.message)));
    // Wrong transaction id (ignored by the resolver, so it times out), a 5 s delay, a broken TCP
    // answer after truncation, a malformed packet: could not determine, never pass.
    for (const id of ['dmarc', 'mta-sts', 'tls-rpt', 'bimi', 'dkim']) assert.equal(status[id], 'error', `${id}: ${check(report, id).summary}`);
    for (const c of report.checks) assert.notEqual(c.status === 'pass' && ['dmarc', 'mta-sts', 'tls-rpt', 'bimi', 'dkim'].includes(c.id), true);
    assert.ok(server.log.includes('TCP TXT huge.hostile.example'), 'the 60 KB record came over TCP');
  });

  it('rejects a 60,000-character label at once instead of stalling, and never passes it', async () => {
    const { report, ms } = await timed('hugelabel.example', ['192.0.2.10']);
    assert.ok(ms < BUDGET_MS + SLACK_MS, `took ${ms} ms`);
    assert.equal(check(report, 'spf').status, 'fail');
    assert.equal(check(report, 'spf').problems[0].code, 'spf-syntax');
  });

  it('expands a macro next to a 60,000-character label in linear time (RFC 7208 §7.3)', async () => {
    const { report, ms } = await timed('macrolabel.example', ['192.0.2.10']);
    assert.ok(ms < BUDGET_MS + SLACK_MS, `took ${ms} ms`);
    const spf = check(report, 'spf');
    assert.equal(spf.status, 'fail');
    assert.ok(spf.records.some((r) => r.startsWith('192.0.2.10: fail')), spf.records.join('\n'));
  });

  const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
  it('mailproof check exits within --timeout plus one second of its own work', { skip: existsSync(cli) ? false : 'dist/cli.js missing: run npm run build first' }, async () => {
    const t0 = Date.now();
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, [cli, 'check', 'hostile.example', '--ip', '192.0.2.10', '--selector', 'selector1', '--dns', server.address, '--timeout', String(BUDGET_MS), '--format', 'json'], { timeout: 30_000 }, (err, out) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout: out }),
      );
    });
    const ms = Date.now() - t0;
    // Node's own start-up (well under a second) comes on top of the budget and the slack.
    assert.ok(ms < BUDGET_MS + SLACK_MS + 1500, `took ${ms} ms`);
    assert.equal(code, 1);
    const report = JSON.parse(stdout) as DeliverabilityReport;
    for (const id of ['dmarc', 'mta-sts', 'tls-rpt', 'bimi', 'dkim']) assert.equal(check(report, id).status, 'error', id);
  });
});
