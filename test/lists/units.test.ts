// Unit tests of the list checks on inline strings: syntax reasons, mailbox keys, typo domains,
// roles, the CSV reader, the send-history checks and the two message catalogues.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import isEmail from 'validator/lib/isEmail';
import { mailboxKey, parseAddress, roleOf } from '../../src/lists/address';
import { ListAnalyzer } from '../../src/lists/analyze';
import { domainFacts } from '../../src/lists/domains';
import { checkDiscipline, readHistory } from '../../src/lists/history';
import { listCatalogues, listText, percent } from '../../src/lists/i18n';
import { detectSeparator, fieldSpan, splitRecord } from '../../src/lists/reader';
import type { RowResult } from '../../src/lists/types';
import { editDistance, suggestDomain } from '../../src/lists/typo';

function rows(text: string, options: { column?: string; spans?: boolean } = {}): RowResult[] {
  const out: RowResult[] = [];
  ListAnalyzer.text(text, { file: 'list.csv', ...options, onRow: (r) => out.push(r) });
  return out;
}

describe('address syntax', () => {
  const cases: [string, string | undefined][] = [
    ['jean.dupont@orange.fr', undefined],
    ['Jean.Dupont+news@Orange.FR', undefined],
    ["o'brien@example.com", undefined],
    ['élodie@exemple.fr', undefined],
    ['contact@café.fr', undefined],
    ['"jean dupont"@exemple.fr', undefined],
    ['', 'empty'],
    ['jean.dupont.orange.fr', 'missing-at'],
    ['jean@dupont@orange.fr', 'multiple-at'],
    [`${'a'.repeat(65)}@orange.fr`, 'local-too-long'],
    [`${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(10)}.fr`, 'too-long'],
    ['.jean@orange.fr', 'local-invalid'],
    ['jean.@orange.fr', 'local-invalid'],
    ['jean..dupont@orange.fr', 'local-invalid'],
    ['jean dupont@orange.fr', 'local-invalid'],
    ['jean(dupont)@orange.fr', 'local-invalid'],
    ['jean@orange', 'domain-invalid'],
    ['jean@orange..fr', 'domain-invalid'],
    ['jean@-orange.fr', 'domain-invalid'],
    ['jean@orange_fr.fr', 'domain-invalid'],
    ['jean@orange.fr.', 'domain-invalid'],
    ['jean@[192.0.2.1]', 'domain-literal'],
    ['jean@orange.f1', 'syntax'],
    ['jean@orange.f', 'syntax'],
  ];
  for (const [address, reason] of cases) {
    it(`${address || '(empty)'} → ${reason ?? 'ok'}`, () => {
      const p = parseAddress(address);
      assert.equal(p.ok ? undefined : p.reason.code, reason);
    });
  }

  it('agrees with validator.isEmail on ASCII addresses (the domain verdict is cached)', () => {
    const locals = ['a', 'jean.dupont', 'x+y', 'a_b', 'a-b', "o'c", 'a..b', '.a', 'a.', 'a b', 'é'];
    const domains = ['orange.fr', 'sub.example.com', 'a.b', 'x.c1', 'x.-y.fr', 'xn--caf-dma.fr', 'x.xn--p1ai', 'a.b.c.d.e.fr', 'foo.123', '1.2.3.4', 'x.co'];
    const options = { allow_utf8_local_part: true, require_tld: true, allow_ip_domain: false };
    for (const l of locals) {
      for (const d of domains) {
        const address = `${l}@${d}`;
        assert.equal(parseAddress(address).ok, isEmail(address, options), address);
      }
    }
  });
});

describe('mailbox keys (duplicates)', () => {
  const same: [string, string][] = [
    ['Jean.Dupont@gmail.com', 'jeandupont@gmail.com'],
    ['jean.dupont+promo@gmail.com', 'jeandupont@googlemail.com'],
    ['jean+news@outlook.fr', 'jean@outlook.fr'],
    ['jean+news@hotmail.com', 'JEAN@hotmail.com'],
    ['jean+x@icloud.com', 'jean@me.com'],
    ['jean-soldes@yahoo.fr', 'jean@yahoo.fr'],
    ['JEAN@ORANGE.FR', 'jean@orange.fr'],
  ];
  const different: [string, string][] = [
    ['jean.dupont@orange.fr', 'jeandupont@orange.fr'],
    ['jean+news@orange.fr', 'jean@orange.fr'],
    ['jean-pierre@gmail.com', 'jean@gmail.com'],
    ['jean@outlook.fr', 'jean@outlook.com'],
  ];
  const key = (a: string) => {
    const p = parseAddress(a);
    assert.ok(p.ok, a);
    return mailboxKey(p.local, p.domain);
  };
  for (const [x, y] of same) it(`${x} = ${y}`, () => assert.equal(key(x), key(y)));
  for (const [x, y] of different) it(`${x} ≠ ${y}`, () => assert.notEqual(key(x), key(y)));

  it('reports the group, never rewrites the address', () => {
    const r = rows('email\nJean.Dupont@gmail.com\nx@orange.fr\njeandupont+a@googlemail.com\n');
    assert.deepEqual(
      r.map((x) => [x.line, x.address, x.status, x.reasons.map((y) => y.params.first ?? y.code)]),
      [
        [2, 'Jean.Dupont@gmail.com', 'valid', []],
        [3, 'x@orange.fr', 'valid', []],
        [4, 'jeandupont+a@googlemail.com', 'duplicate', ['2']],
      ],
    );
  });
});

describe('typo domains', () => {
  const typos: [string, string | undefined][] = [
    ['orange.fe', 'orange.fr'],
    ['wanadoo.fe', 'wanadoo.fr'],
    ['laposte.nte', 'laposte.net'],
    ['hotmial.fr', 'hotmail.fr'],
    ['gmial.com', 'gmail.com'],
    ['orage.fr', 'orange.fr'],
    ['bboxx.fr', 'bbox.fr'],
    ['numericble.fr', 'numericable.fr'],
    ['club-internet.fe', 'club-internet.fr'],
    ['gmail.co', 'gmail.com'],
    // Not typos: providers themselves, their real neighbours, short or unrelated domains.
    ['orange.fr', undefined],
    ['hotmail.de', undefined],
    ['sfe.fr', undefined],
    ['orange.com', undefined],
    ['exemple-pme.fr', undefined],
  ];
  for (const [domain, fixed] of typos) it(`${domain} → ${fixed ?? 'none'}`, () => assert.equal(suggestDomain(domain), fixed));

  it('counts a transposition as one edit', () => {
    assert.equal(editDistance('hotmial', 'hotmail', 2), 1);
    assert.equal(editDistance('abc', 'xyz', 1), 2);
  });

  it('gives the corrected address as the suggestion', () => {
    const [r] = rows('jean.dupont@orange.fe\n');
    assert.equal(r.suggestion, 'jean.dupont@orange.fr');
    assert.deepEqual(
      r.reasons.map((x) => x.code),
      ['unknown-tld', 'typo-domain'],
    );
  });
});

describe('domains without DNS', () => {
  it('knows ICANN TLDs from the Public Suffix List', () => {
    assert.equal(domainFacts('exemple.fr').unknownTld, undefined);
    assert.equal(domainFacts('exemple.bzh').unknownTld, undefined);
    assert.equal(domainFacts('exemple.comm').unknownTld, 'comm');
    assert.equal(domainFacts('exemple.test').unknownTld, 'test');
  });
  it('knows disposable services, subdomains included', () => {
    assert.equal(domainFacts('yopmail.com').disposable, true);
    assert.equal(domainFacts('mailinator.com').disposable, true);
    assert.equal(domainFacts('orange.fr').disposable, false);
  });
});

describe('role accounts', () => {
  for (const l of ['contact', 'info', 'admin', 'noreply', 'accueil', 'compta', 'rh', 'direction', 'commercial', 'Contact']) it(`${l}@ is a role`, () => assert.equal(roleOf(l), 'role'));
  for (const l of ['abuse', 'postmaster']) it(`${l}@ looks like a trap`, () => assert.equal(roleOf(l), 'trap-role'));
  it('a person is not a role', () => assert.equal(roleOf('jean.dupont'), undefined));
});

describe('CSV reader', () => {
  it('detects separators', () => {
    assert.equal(detectSeparator('email;nom;prenom'), ';');
    assert.equal(detectSeparator('email\tname'), '\t');
    assert.equal(detectSeparator('"a;b",c,d'), ',');
    assert.equal(detectSeparator('jean@orange.fr'), '');
  });
  it('splits quoted fields with separators and escaped quotes', () => {
    assert.deepEqual(splitRecord('a,"b,c","d ""e""",', ','), ['a', 'b,c', 'd "e"', '']);
    assert.deepEqual(splitRecord('"x";y', ';'), ['x', 'y']);
  });
  it('finds the address column by header name (Mailchimp, Brevo, Mailjet, French)', () => {
    assert.equal(rows('First Name,Email Address\nJean,jean@orange.fr\n')[0].address, 'jean@orange.fr');
    assert.equal(rows('PRENOM;EMAIL\nJean;jean@orange.fr\n')[0].address, 'jean@orange.fr');
    assert.equal(rows('name\temail\nJean\tjean@orange.fr\n')[0].address, 'jean@orange.fr');
    assert.equal(rows('Nom;Adresse e-mail\nJean;jean@orange.fr\n')[0].address, 'jean@orange.fr');
    assert.equal(rows('Nom;Courriel\nJean;jean@orange.fr\n')[0].address, 'jean@orange.fr');
  });
  it('without a header, reads the column with an @; --column by number or name', () => {
    assert.deepEqual(rows('Jean,jean@orange.fr\nMarie,marie@free.fr\n').map((r) => [r.line, r.address]), [
      [1, 'jean@orange.fr'],
      [2, 'marie@free.fr'],
    ]);
    assert.equal(rows('a@b.fr,jean@orange.fr\n', { column: '2' })[0].address, 'jean@orange.fr');
    assert.equal(rows('perso,pro\na@free.fr,jean@orange.fr\n', { column: 'PRO' })[0].address, 'jean@orange.fr');
  });
  it('plain text: one address per line, BOM and CRLF, blank lines skipped', () => {
    assert.deepEqual(
      rows('\uFEFFjean@orange.fr\r\n\r\nmarie@free.fr\r\n').map((r) => [r.line, r.address, r.status]),
      [
        [1, 'jean@orange.fr', 'valid'],
        [3, 'marie@free.fr', 'valid'],
      ],
    );
  });
  it('keeps line numbers right after a quoted field with a line break', () => {
    assert.deepEqual(
      rows('email,note\njean@orange.fr,"deux\nlignes"\nmarie@free.fr,x\n').map((r) => r.line),
      [2, 4],
    );
  });
  it('gives the address and domain columns for editor ranges', () => {
    const [r] = rows('nom;email\n"Dupont; Jean"; jean@orange.fe \n', { spans: true });
    assert.deepEqual(r.span, { line: 1, start: 16, end: 30, domainStart: 21 });
    const [q] = rows('email\n"jean@orange.fe"\n', { spans: true });
    assert.deepEqual(q.span, { line: 1, start: 1, end: 15, domainStart: 6 });
    assert.deepEqual(fieldSpan('a,"b""c",d', ',', 1), { lineOffset: 0, start: 3, end: 7, exact: false });
  });
});

describe('send history', () => {
  const pct = (r: number) => percent(r, 'en');
  it('reads English and French headers, ISO and French dates', () => {
    const en = readHistory('date,recipients,bounces,complaints\n2025-03-01,1000,2,0\n', 'h.csv');
    assert.deepEqual(en.sends, [{ date: '2025-03-01', day: '2025-03-01', recipients: 1000, bounces: 2, complaints: 0 }]);
    const fr = readHistory('jour;envois;plaintes\n02/03/2025;1 500;1\n', 'h.csv');
    assert.deepEqual(fr.sends, [{ date: '02/03/2025', day: '2025-03-02', recipients: 1500, complaints: 1 }]);
  });
  it('rejects a bad row with its line', () => {
    assert.throws(() => readHistory('2025-03-01,1000\nhier,lots\n', 'h.csv'), (e: Error & { params?: Record<string, string> }) => e.params?.line === '2');
  });
  it('flags jumps beyond the factor and suggests a ramp to the planned send', () => {
    const { sends } = readHistory('2025-03-02,2100\n2025-03-01,1000\n2025-03-03,3000\n', 'h.csv');
    const r = checkDiscipline(sends, { maxGrowth: 2, planned: 20_000, percent: pct });
    assert.deepEqual(
      r.findings.map((f) => f.key),
      ['history.jump', 'history.plannedJump'],
    );
    assert.deepEqual(r.ramp, [6000, 12000, 20000]);
  });
  it('compares complaint rates with 0.10% and 0.30%, bounces with 2% and 5%', () => {
    const { sends } = readHistory('date,recipients,bounces,complaints\n2025-03-01,10000,150,9\n2025-03-02,10000,250,10\n2025-03-03,10000,600,30\n', 'h.csv');
    const r = checkDiscipline(sends, { percent: pct });
    assert.deepEqual(
      r.findings.map((f) => `${f.key} ${f.params.date}`),
      ['history.complaints.warning 2025-03-02', 'history.bounces.warning 2025-03-02', 'history.complaints.danger 2025-03-03', 'history.bounces.danger 2025-03-03'],
    );
  });
});

describe('messages', () => {
  it('every English message has a French one with the same placeholders', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(Object.keys(listCatalogues.fr).sort(), Object.keys(listCatalogues.en).sort());
    for (const [key, text] of Object.entries(listCatalogues.en)) assert.deepEqual(names(listCatalogues.fr[key]), names(text), key);
  });
  it('formats rates per locale', () => {
    assert.equal(percent(0.0012, 'en'), '0.12%');
    assert.equal(percent(0.0012, 'fr'), '0,12 %');
    assert.equal(listText('fr', 'reason.duplicate', { first: '12' }), 'Même boîte aux lettres que la ligne 12');
  });
  it('counts agree with their number in each language', () => {
    const counts = { rows: 1, valid: 1, risky: 0, invalid: 2, duplicate: 1, unknown: 0 };
    assert.equal(listText('en', 'summary.rows', counts), '1 row: 1 valid, 0 risky, 2 invalid, 1 duplicate, 0 unknown');
    assert.equal(listText('fr', 'summary.rows', counts), '1 ligne : 1 valide, 0 à risque, 2 invalides, 1 doublon, 0 inconnue');
    assert.equal(listText('en', 'summary.clean', { count: 0, file: 'a.csv' }), '0 rows written to a.csv');
    assert.equal(listText('fr', 'summary.clean', { count: 0, file: 'a.csv' }), '0 ligne écrite dans a.csv');
  });
});
