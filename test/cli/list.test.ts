// `mailproof list` end to end: the built dist/cli.js (loading dist/lists.js) on a mixed list of
// more than 300 rows covering every reason, against a real DNS server on loopback; golden JSON
// and text in English and French (UPDATE_GOLDEN=1 rewrites them), exports, history, exit codes.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, linkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type DnsTestServer, type FixtureRecord, startDnsServer } from '../deliverability/dns-server';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const goldenDir = join(__dirname, 'golden');
const mixed = join(__dirname, 'fixtures', 'lists', 'mixed.csv');
const MIXED = 'test/cli/fixtures/lists/mixed.csv';

const mx = (host: string): FixtureRecord => ({ type: 'MX', data: { preference: 10, exchange: host } });
const a = (ip: string): FixtureRecord => ({ type: 'A', data: ip });
// Every domain of the list that should receive mail has an MX; the typo domains are absent
// (NXDOMAIN), as they would mostly be in the real DNS.
const MAIL_DOMAINS = ['orange.fr', 'free.fr', 'gmail.com', 'googlemail.com', 'hotmail.fr', 'outlook.fr', 'icloud.com', 'me.com', 'yahoo.fr', 'laposte.net', 'sfr.fr', 'wanadoo.fr', 'exemple-pme.fr', 'boulangerie-martin.fr', 'bbox.fr', 'numericable.fr', 'mailinator.com', 'yopmail.com', 'xn--caf-des-arts-deb.fr'];
const ZONES: Record<string, FixtureRecord[]> = {
  ...Object.fromEntries(MAIL_DOMAINS.map((d) => [d, [mx(`mx.${d}`)]])),
  // RFC 7505 null MX.
  'ne-recoit-pas.fr': [{ type: 'MX', data: { preference: 0, exchange: '.' } }],
  // No MX but an address: RFC 5321 §5.1 implicit MX.
  'sans-mx.fr': [a('192.0.2.80')],
  // Exists (a TXT record) with neither MX nor address.
  'site-vitrine.fr': [{ type: 'TXT', data: 'v=spf1 -all' }],
};

let server: DnsTestServer;
let work: string;
before(async () => {
  server = await startDnsServer({ zones: ZONES, behaviours: { 'dns-en-panne.fr': 'servfail' } });
  work = mkdtempSync(join(tmpdir(), 'mailproof-list-'));
});
after(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, LANG: 'C', LC_ALL: '', MAILPROOF_DEBUG: '', ...env }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function golden(name: string, actual: string): void {
  const file = join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs (UPDATE_GOLDEN=1 to accept)`);
}

const ALL_REASONS = ['empty', 'missing-at', 'multiple-at', 'too-long', 'local-too-long', 'local-invalid', 'domain-invalid', 'domain-literal', 'syntax', 'unknown-tld', 'typo-domain', 'disposable', 'role', 'trap-role', 'duplicate', 'no-domain', 'null-mx', 'no-mx-a', 'no-mail-host', 'dns-failed'];

interface Row {
  line: number;
  address: string;
  status: string;
  reasons: { code: string; message: string; first?: number }[];
  suggestion?: string;
}

describe('mailproof list', { skip: existsSync(cli) ? false : 'dist/cli.js missing: run npm run build first' }, () => {
  it('reports every row of a 300-row list in the JSON contract, with every reason (golden)', async () => {
    const r = await runCli(['list', MIXED, '--format', 'json', '--dns', server.address]);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1, 'invalid rows and duplicates: exit 1');
    const doc = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(doc), ['version', 'file', 'summary', 'rows']);
    assert.equal(doc.version, 1);
    assert.equal(doc.file, MIXED);
    const rows: Row[] = doc.rows;
    assert.ok(rows.length >= 300, `${rows.length} rows`);
    for (const row of rows) {
      assert.deepEqual(Object.keys(row).filter((k) => k !== 'suggestion'), ['line', 'address', 'status', 'reasons']);
      assert.ok(['valid', 'risky', 'invalid', 'duplicate', 'unknown'].includes(row.status));
    }
    const seen = new Set(rows.flatMap((row) => row.reasons.map((x) => x.code)));
    assert.deepEqual(ALL_REASONS.filter((c) => !seen.has(c)), [], 'every reason appears');
    assert.equal(doc.summary.rows, rows.length);
    for (const s of ['valid', 'risky', 'invalid', 'duplicate', 'unknown']) assert.equal(doc.summary.statuses[s], rows.filter((row) => row.status === s).length, s);
    golden('list-mixed.json', r.stdout);
  });

  it('reads what a user would check by hand', async () => {
    const r = await runCli(['list', MIXED, '--format', 'json', '--dns', server.address]);
    const rows: Row[] = JSON.parse(r.stdout).rows;
    const by = (address: string) => rows.find((row) => row.address === address)!;
    // Typos of French providers get the corrected address.
    for (const [typo, fixed] of [
      ['thomas.petit@orange.fe', 'thomas.petit@orange.fr'],
      ['lea.durand@wanadoo.fe', 'lea.durand@wanadoo.fr'],
      ['hugo.leroy@laposte.nte', 'hugo.leroy@laposte.net'],
      ['chloe.moreau@hotmial.fr', 'chloe.moreau@hotmail.fr'],
      ['louis.simon@gmial.com', 'louis.simon@gmail.com'],
      ['emma.laurent@orage.fr', 'emma.laurent@orange.fr'],
      ['paul.michel@bboxx.fr', 'paul.michel@bbox.fr'],
    ]) {
      assert.equal(by(typo).suggestion, fixed, typo);
    }
    // Sub-addressing merged per provider; the first one stays, the group points at it.
    const group = ['manon.bertrand@gmail.com', 'Manon.Bertrand@gmail.com', 'manonbertrand+promo@googlemail.com'].map(by).sort((x, y) => x.line - y.line);
    assert.equal(group[0].status, 'valid');
    for (const dup of group.slice(1)) {
      assert.equal(dup.status, 'duplicate');
      assert.equal(dup.reasons.find((x) => x.code === 'duplicate')!.first, group[0].line);
    }
    for (const pair of [
      ['jules.roux@outlook.fr', 'jules.roux+news@outlook.fr'],
      ['zoe.vincent@icloud.com', 'zoe.vincent+shop@me.com'],
      ['marie.fournier@yahoo.fr', 'marie.fournier-soldes@yahoo.fr'],
      ['PIERRE.ROBERT@ORANGE.FR', 'pierre.robert@orange.fr'],
    ]) {
      const [a1, a2] = pair.map(by).sort((x, y) => x.line - y.line);
      assert.deepEqual([a1.status, a2.status], ['valid', 'duplicate'], pair.join(' / '));
    }
    // DNS verdicts.
    assert.equal(by('luc@ne-recoit-pas.fr').status, 'invalid');
    assert.deepEqual(by('luc@ne-recoit-pas.fr').reasons.map((x) => x.code), ['null-mx']);
    assert.deepEqual(by('camille@sans-mx.fr').reasons.map((x) => x.code), ['no-mx-a']);
    assert.deepEqual(by('nicolas@site-vitrine.fr').reasons.map((x) => x.code), ['no-mail-host']);
    assert.deepEqual(by('sophie@agence-fermee.fr').reasons.map((x) => x.code), ['no-domain']);
    assert.equal(by('julie@dns-en-panne.fr').status, 'unknown');
    // Role accounts are risky, abuse@ and postmaster@ as traps.
    assert.deepEqual(by('abuse@exemple-pme.fr').reasons.map((x) => x.code), ['trap-role']);
    assert.equal(by('compta@exemple-pme.fr').status, 'risky');
    // RFC 6531 addresses are valid.
    assert.equal(by('élodie.lefèvre@exemple-pme.fr').status, 'valid');
    // The quoted field with a line break does not shift the rows after it.
    assert.ok(rows.some((row) => row.address === 'marc.leroy@free.fr'));
    // Each domain was asked once, MX first.
    const mxAsked = server.log.filter((l) => l.endsWith(' MX orange.fr'));
    assert.equal(mxAsked.length, 2, 'once per run (two runs so far)');
  });

  it('prints the text report in French (golden)', async () => {
    const r = await runCli(['list', MIXED, '--dns', server.address, '--locale', 'fr']);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /ressemble à une faute de frappe pour orange\.fr/);
    golden('list-mixed-fr.txt', r.stdout);
  });

  it('says what it could not check with --no-dns (golden, English)', async () => {
    const before = server.log.length;
    const r = await runCli(['list', MIXED, '--no-dns']);
    assert.equal(server.log.length, before, 'no query');
    assert.match(r.stdout, /Domains were not looked up \(--no-dns\)/);
    golden('list-mixed-nodns.txt', r.stdout);
  });

  it('writes clean and suppressed lists with every column, atomically, never over the input', async () => {
    const clean = join(work, 'clean.csv');
    const suppressed = join(work, 'suppressed.csv');
    const r = await runCli(['list', mixed, '--dns', server.address, '--write-clean', clean, '--write-suppressed', suppressed, '--format', 'json']);
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.stdout);
    const cleanText = readFileSync(clean, 'utf8');
    const suppressedText = readFileSync(suppressed, 'utf8');
    const cleanLines = cleanText.split('\r\n');
    assert.equal(cleanLines[0], 'EMAIL;PRENOM;NOM;VILLE', 'the header, with CRLF as in the source');
    const kept = doc.summary.statuses.valid + doc.summary.statuses.unknown;
    assert.equal(cleanText.match(/@/g)!.length, kept, 'one address per kept row');
    assert.ok(cleanText.includes('hugo.garcia@free.fr;Hugo;"Garcia; fils";Paris'), 'other columns kept as written');
    assert.ok(cleanText.includes('marc.leroy@free.fr;Marc;Leroy;"Paris\r\n(ancien client)"'), 'a multi-line field kept');
    assert.ok(suppressedText.includes('thomas.petit@orange.fe;Thomas;Petit;Paris'));
    assert.ok(!cleanText.includes('orange.fe'));
    // No temporary file left behind.
    assert.deepEqual(readdirSync(work).filter((f) => f.endsWith('.tmp')), []);
    assert.equal((statSync(clean).mode & 0o777).toString(8), '600', 'personal data: owner only');
  });

  it('refuses to write an export over the list it reads, by any name', async () => {
    const copy = join(work, 'liste.csv');
    writeFileSync(copy, 'email\njean@orange.fr\n');
    const link = join(work, 'lien.csv');
    symlinkSync(copy, link);
    const hard = join(work, 'dur.csv');
    linkSync(copy, hard);
    for (const out of [copy, link, hard, `${work}/./liste.csv`]) {
      const r = await runCli(['list', copy, '--no-dns', '--write-clean', out]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /is the list being read; choose another file to write\n$/);
      assert.equal(readFileSync(copy, 'utf8'), 'email\njean@orange.fr\n');
    }
  });

  it('checks the sending history: volume jump with a ramp, complaint and bounce rates', async () => {
    const history = join(work, 'sends.csv');
    writeFileSync(history, 'date,recipients,bounces,complaints\n2025-03-01,1000,5,0\n2025-03-02,1800,10,1\n2025-03-03,20000,900,70\n2025-03-04,1500,3,2\n');
    const list = join(work, 'campagne.csv');
    writeFileSync(list, 'email\n' + Array.from({ length: 7000 }, (_, i) => `client${i}@orange.fr`).join('\n') + '\n');
    const r = await runCli(['list', list, '--no-dns', '--history', history]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /2025-03-03: 20,000 recipients after 1,800 on 2025-03-02 \(×11.1; at most ×2 a day\)/);
    assert.match(r.stdout, /2025-03-03: complaint rate 0\.35% \(70 of 20,000\); Gmail and Yahoo filter senders that reach 0\.30%/);
    assert.match(r.stdout, /2025-03-04: complaint rate 0\.13% \(2 of 1,500\); Gmail and Yahoo ask for under 0\.10%/);
    assert.match(r.stdout, /2025-03-03: bounce rate 4\.50% \(900 of 20,000\); keep it under 2%/);
    assert.match(r.stdout, /This list would go to 7,000 recipients after 1,500 on 2025-03-04 \(×4.7; at most ×2 a day\)/);
    assert.match(r.stdout, /Warm-up ramp: 3,000 → 6,000 → 7,000/);
    const calm = join(work, 'calme.csv');
    writeFileSync(calm, 'date;destinataires;rebonds;plaintes\n01/03/2025;1000;5;0\n02/03/2025;1900;10;1\n');
    const fr = await runCli(['list', list, '--no-dns', '--history', calm, '--max-growth', '4', '--locale', 'fr']);
    assert.match(fr.stdout, /2 envois : volume, plaintes et rebonds dans les limites/);
    assert.equal(fr.code, 0);
    // The history alone, without a list.
    const alone = await runCli(['list', '--history', history, '--format', 'json']);
    assert.equal(alone.code, 1);
    assert.match(alone.stdout, /2025-03-03: complaint rate 0\.35%/);
    assert.doesNotMatch(alone.stdout, /This list would go to/);
  });

  const usage: { args: string[]; message: RegExp }[] = [
    { args: ['list'], message: /^mailproof: no list given; run “mailproof list --help”\n$/ },
    { args: ['list', MIXED, '--format', 'sarif'], message: /^mailproof: unknown format “sarif”; use text, json\n$/ },
    { args: ['list', MIXED, '--keep', 'valid,good'], message: /^mailproof: “valid,good” is not a list of statuses/ },
    { args: ['list', MIXED, '--max-growth', '1'], message: /^mailproof: “1” is not a growth factor above 1\n$/ },
    { args: ['list', MIXED, '--no-dns', '--dns', '127.0.0.1'], message: /^mailproof: --no-dns and --dns cannot be used together\n$/ },
    { args: ['list', MIXED, '--dns', 'no such server'], message: /is not a DNS server that can be reached/ },
    { args: ['list', MIXED, MIXED, '--write-clean', 'x.csv'], message: /take one list at a time \(got 2\)/ },
    { args: ['list', 'missing.csv', '--no-dns'], message: /^mailproof: missing\.csv: no such file or directory\n$/ },
    { args: ['list', MIXED, '--no-dns', '--column', 'courriel'], message: /no column named “courriel” \(columns: EMAIL, PRENOM, NOM, VILLE\)/ },
  ];
  for (const u of usage) {
    it(`exits 2 for ${u.args.slice(1).join(' ') || 'no arguments'}`, async () => {
      const r = await runCli(u.args);
      assert.equal(r.code, 2);
      assert.match(r.stderr, u.message);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    });
  }

  it('prints its usage in French', async () => {
    const r = await runCli(['list', '--help', '--locale', 'fr']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage : mailproof list \[options\] FICHIER/);
    assert.match(r.stdout, /Aucune adresse ne\nquitte la machine/);
  });
});
