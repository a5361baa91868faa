// `mailproof check` end to end: the built dist/cli.js against the loopback DNS server, every
// format compared with golden files (UPDATE_GOLDEN=1 rewrites them), exit codes 0/1/2.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type DnsTestServer, startDnsServer } from '../deliverability/dns-server';
import { BEHAVIOURS, ZONES } from '../deliverability/fixtures';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const goldenDir = join(__dirname, 'golden');

let server: DnsTestServer;
before(async () => {
  server = await startDnsServer({ zones: ZONES, behaviours: BEHAVIOURS });
});
after(() => server.close());

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { env: { ...process.env, LANG: 'C', LC_ALL: '', MAILPROOF_DEBUG: '' }, timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Durations and the DNS server's port vary between runs; everything else is stable. */
function normalise(out: string): string {
  return out
    .replace(/\(\d+ ms\)/g, '(N ms)')
    .replace(/"durationMs": \d+/g, '"durationMs": 0')
    .replaceAll(server.address, '127.0.0.1:PORT');
}

function golden(name: string, actual: string): void {
  const file = join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs (UPDATE_GOLDEN=1 to accept)`);
}

const cases: { name: string; args: string[]; exit: number }[] = [
  { name: 'good.txt', args: ['check', 'news@good.example', '--ip', '192.0.2.10', '--selector', 'sel1'], exit: 0 },
  { name: 'good.json', args: ['check', 'good.example', '--ip', '192.0.2.10', '--selector', 'sel1', '--format', 'json'], exit: 0 },
  { name: 'good.md', args: ['check', 'good.example', '--ip', '192.0.2.10', '--selector', 'sel1,ed', '--format', 'markdown'], exit: 0 },
  { name: 'lax-fr.txt', args: ['check', 'lax.example', '--ip', '192.0.2.30', '--locale', 'fr'], exit: 1 },
  { name: 'xss.md', args: ['check', 'xss.example', '--format', 'markdown'], exit: 1 },
  { name: 'flaky.json', args: ['check', 'flaky.example', '--timeout', '2000', '--format', 'json'], exit: 1 },
  { name: 'blocklists.txt', args: ['check', 'refusedbl.example', '--ip', '192.0.2.66', '--ip', '192.0.2.77', '--selector', 'none'], exit: 1 },
];

describe('mailproof check', { skip: existsSync(cli) ? false : 'dist/cli.js missing: run npm run build first' }, () => {
  for (const c of cases) {
    it(`${c.args.slice(1).join(' ')} → ${c.name}, exit ${c.exit}`, async () => {
      const r = await runCli([...c.args, '--dns', server.address]);
      assert.equal(r.stderr, '');
      assert.equal(r.code, c.exit);
      if (c.name.endsWith('.json')) JSON.parse(r.stdout);
      golden(c.name, normalise(r.stdout));
    });
  }

  it('lets --ip-blocklists and --domain-blocklists replace the default lists', async () => {
    const r = await runCli(['check', 'good.example', '--ip', '192.0.2.66', '--ip-blocklists', 'bl.spamcop.net', '--domain-blocklists', 'dbl.spamhaus.org', '--format', 'json', '--dns', server.address]);
    const report = JSON.parse(r.stdout);
    const ipRecords = report.checks.find((c: { id: string }) => c.id === 'ip-blocklists').records;
    assert.deepEqual(ipRecords, ['bl.spamcop.net 192.0.2.66: 127.0.0.2 (127.0.0.2)']);
    assert.deepEqual(report.checks.find((c: { id: string }) => c.id === 'domain-blocklists').records, ['dbl.spamhaus.org good.example: not listed']);
    assert.equal(r.code, 1);
  });

  const usage: { args: string[]; message: RegExp }[] = [
    { args: ['check'], message: /^mailproof: no domain or address given; run “mailproof check --help”\n$/ },
    { args: ['check', 'a.example', 'b.example'], message: /^mailproof: one domain or address at a time \(got 2\)\n$/ },
    { args: ['check', 'good.example', '--ip', '999.1.1.1'], message: /^mailproof: “999\.1\.1\.1” is not an IPv4 or IPv6 address\n$/ },
    { args: ['check', 'good.example', '--format', 'sarif'], message: /^mailproof: unknown format “sarif”; use text, json, markdown\n$/ },
    { args: ['check', 'good.example', '--smtp-security', 'ssl'], message: /^mailproof: --smtp-security needs --smtp\n$/ },
    { args: ['check', 'good.example', '--smtp', 'mail.example:99999'], message: /^mailproof: “mail\.example:99999” is not HOST or HOST:PORT\n$/ },
    { args: ['check', 'good.example', '--timeout', 'soon'], message: /^mailproof: “soon” is not a time in milliseconds\n$/ },
    { args: ['check', 'good.example', '--dns', 'nowhere:dns'], message: /^mailproof: “nowhere:dns” is not a DNS server/ },
    { args: ['check', 'not a domain'], message: /^mailproof: “not a domain” is neither a domain nor an email address\n$/ },
    { args: ['check', 'good.example', '--bogus'], message: /^mailproof: unknown option “--bogus”/ },
    { args: ['check', 'good.example', '--locale', 'fr', '--ip', 'x'], message: /^mailproof: « x » n’est pas une adresse IPv4 ou IPv6\n$/ },
  ];
  for (const u of usage) {
    it(`exits 2 with one line for ${u.args.slice(1).join(' ') || 'no arguments'}`, async () => {
      const r = await runCli(u.args);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, u.message);
      assert.equal(r.stderr.trim().split('\n').length, 1);
    });
  }

  it('accepts a DNS server given by name (localhost comes from the hosts file, no network)', async () => {
    const port = server.address.split(':').pop();
    const r = await runCli(['check', 'news@good.example', '--ip', '192.0.2.10', '--selector', 'sel1', '--dns', `localhost:${port}`]);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    golden('good.txt', normalise(r.stdout));
  });

  it('prints the check usage in French', async () => {
    const r = await runCli(['check', '--help', '--locale', 'fr']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage : mailproof check DOMAINE\|ADRESSE/);
  });
});
