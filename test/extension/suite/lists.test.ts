import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type DnsServer, startDnsServer } from '../../support/dnsServer';
import { applyAction, closeAllEditors, codeActions, extension, LINT_TIMEOUT_MS, mailproofDiagnostics, openDraft, rangeOf, ruleOf, setSetting, unique, waitForDiagnostics, writeFile } from './helpers';

// A Brevo-style export: `;` separators, a quoted field with the separator, French providers.
const LIST = [
  'EMAIL;PRENOM;NOM',
  'jean.dupont@orange.fe;Jean;Dupont',
  'contact@boutique.fr;;"Boutique; SARL"',
  'marie.durand@gmail.com;Marie;Durand',
  'Marie.Durand+promo@googlemail.com;Marie;Durand',
  'pas-une-adresse;X;Y',
  'luc@ne-recoit-pas.fr;Luc;Martin',
  'zoe@boutique.fr;Zoé;Petit',
  '',
].join('\n');

function listTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('mailproof.lists'));
}

function codesAt(uri: vscode.Uri, line: number): string[] {
  return mailproofDiagnostics(uri)
    .filter((d) => d.range.start.line === line)
    .map(ruleOf)
    .sort();
}

describe('recipient lists', () => {
  let dns: DnsServer | undefined;

  before(async () => {
    await extension();
    dns = await startDnsServer({
      'boutique.fr': [{ type: 'MX', value: '10 mx.boutique.fr' }],
      'gmail.com': [{ type: 'MX', value: '10 mx.gmail.com' }],
      'orange.fr': [{ type: 'MX', value: '10 mx.orange.fr' }],
      'ne-recoit-pas.fr': [{ type: 'MX', value: '0 .' }],
    });
    // User settings: in an untrusted workspace only these may redirect the resolver.
    await setSetting('mailproof.check.dnsServers', [dns.address], vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await setSetting('mailproof.check.dnsServers', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
    await dns?.close();
  });

  it('puts one diagnostic per row problem on the address, with code, severity and source', async () => {
    const uri = await writeFile(unique('contacts.csv'), LIST);
    const { doc, diagnostics } = await openDraft(uri, (d) => d.some((x) => ruleOf(x) === 'typo-domain'));
    const typo = diagnostics.find((d) => ruleOf(d) === 'typo-domain')!;
    assert.ok(typo.range.isEqual(rangeOf(doc, 'jean.dupont@orange.fe')), 'the address cell');
    assert.equal(typo.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(typo.source, 'mailproof');
    assert.equal(typo.message, '“orange.fe” looks like a typo of orange.fr');
    assert.deepEqual(codesAt(uri, 1), ['typo-domain', 'unknown-tld']);
    assert.equal(diagnostics.find((d) => ruleOf(d) === 'unknown-tld')!.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(codesAt(uri, 2), ['role']);
    assert.deepEqual(codesAt(uri, 3), []);
    assert.deepEqual(codesAt(uri, 4), ['duplicate']);
    assert.equal(mailproofDiagnostics(uri).find((d) => ruleOf(d) === 'duplicate')!.message, 'Same mailbox as line 4');
    assert.deepEqual(codesAt(uri, 5), ['missing-at']);
    // Typing never queries DNS: the null MX domain is not flagged yet.
    assert.deepEqual(codesAt(uri, 6), []);
    assert.equal(dns!.questions.length, 0, 'no DNS question while editing');
  });

  it('fixes a typo domain with a quick fix, and the row is checked again', async () => {
    const uri = await writeFile(unique('contacts.csv'), LIST);
    const { doc } = await openDraft(uri, (d) => d.some((x) => ruleOf(x) === 'typo-domain'));
    const typo = mailproofDiagnostics(uri).find((d) => ruleOf(d) === 'typo-domain')!;
    const actions = (await codeActions(uri, typo.range, vscode.CodeActionKind.QuickFix.value)).filter((a) => a.title.startsWith('Change the domain'));
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Change the domain to orange.fr'],
    );
    await waitForDiagnostics(uri, (d) => !d.some((x) => ruleOf(x) === 'typo-domain'), () => applyAction(actions[0]), 'the check after the fix');
    assert.equal(doc.lineAt(1).text, 'jean.dupont@orange.fr;Jean;Dupont');
    assert.deepEqual(codesAt(uri, 1), []);
    assert.equal(dns!.questions.length, 0, 'still no DNS question');
  });

  it('gives a list over the live-check size one information diagnostic instead', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `client.numero${i}@orange.fe;Client;${i}`);
    const uri = await writeFile(unique('subscribers.csv'), `EMAIL;PRENOM;NOM\n${rows.join('\n')}\n`);
    const { diagnostics } = await openDraft(uri);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Information);
    assert.match(diagnostics[0].message, /^List too large to check while typing \(2.3 MB; limit 2 MB\): run “Mailproof: Check Recipient List”$/);
  });

  it('leaves files outside mailproof.lists alone', async () => {
    const uri = await writeFile(unique('inventaire.csv'), LIST);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    // Lists matching the globs are checked at once on open; give this one the same chance.
    const other = await writeFile(unique('abonnes.txt'), 'jean@orange.fe\n');
    await openDraft(other);
    assert.deepEqual(mailproofDiagnostics(uri), []);
  });

  it('looks the domains up only on command, then flags the null MX and opens the report panel', async () => {
    const uri = await writeFile(unique('destinataires.csv'), LIST);
    await openDraft(uri, (d) => d.some((x) => ruleOf(x) === 'typo-domain'));
    const opened = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no list panel')), LINT_TIMEOUT_MS);
      const check = () => {
        if (listTabs().length) {
          clearTimeout(timer);
          sub.dispose();
          resolve();
        }
      };
      const sub = vscode.window.tabGroups.onDidChangeTabs(check);
      check();
    });
    await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'null-mx'), () => vscode.commands.executeCommand('mailproof.checkList', uri), 'the DNS check');
    await opened;
    assert.equal(listTabs().length, 1, 'one list panel');
    const asked = new Set(dns!.questions.map((q) => `${q.type} ${q.name}`));
    for (const q of ['MX boutique.fr', 'MX gmail.com', 'MX ne-recoit-pas.fr']) assert.ok(asked.has(q), `asked ${q}; got ${JSON.stringify([...asked])}`);
    assert.ok(![...asked].some((q) => q.includes('orange.fe')), 'no lookup for an unregistered TLD');
    assert.ok(![...asked].some((q) => /dupont|durand|contact/.test(q)), 'no address in any query');
    const nullMx = mailproofDiagnostics(uri).find((d) => ruleOf(d) === 'null-mx')!;
    assert.equal(nullMx.range.start.line, 6);
    assert.equal(nullMx.severity, vscode.DiagnosticSeverity.Error);
  });
});
