// "Test with SpamAssassin" in the extension host, against a real spamd started on loopback by the
// suite: the French promo example gets real rule names as diagnostics (source `spamassassin`) at
// their place, the "Test results" panel opens, and the diagnostics go away when the draft changes.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { findRspamd, type RunningRspamd, startRspamd } from '../../support/rspamd';
import { findSpamd, type RunningSpamd, startSpamd } from '../../support/spamd';
import { closeAllEditors, extension, LINT_TIMEOUT_MS, setSetting, unique, writeFile } from './helpers';

const SETTINGS = ['mailproof.filters.spamassassin.host', 'mailproof.filters.spamassassin.port', 'mailproof.sender'];
// spamd loads its rules once; on a loaded two-core machine that can take a minute.
const SPAMD_START_MS = 150_000;

function filterDiagnostics(uri: vscode.Uri, source = 'spamassassin'): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);
}

/** Runs `action`, then waits until the document has the filter's diagnostics matching `predicate`. */
function waitForFilterDiagnostics(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean, action: () => unknown, source = 'spamassassin'): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const d = filterDiagnostics(uri, source);
      if (!predicate(d)) return false;
      listener.dispose();
      clearTimeout(timer);
      resolve(d);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no matching ${source} diagnostics; got ${JSON.stringify(filterDiagnostics(uri, source).map((d) => d.message))}`));
    }, 60_000);
    Promise.resolve(action()).catch(reject);
  });
}

function testResultTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('mailproof.testResults'));
}

/** The panel's tabs once the workbench reported one whose label matches (tab changes arrive as events). */
function resultTabs(label: RegExp): Promise<vscode.Tab[]> {
  return new Promise((resolve, reject) => {
    const done = () => {
      const tabs = testResultTabs();
      if (!tabs.some((t) => label.test(t.label))) return false;
      listener.dispose();
      clearTimeout(timer);
      resolve(tabs);
      return true;
    };
    const listener = vscode.window.tabGroups.onDidChangeTabs(done);
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no tab ${label}; tabs: ${JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => `${t.label} (${t.input instanceof vscode.TabInputWebview ? t.input.viewType : typeof t.input})`)))}`));
    }, LINT_TIMEOUT_MS);
    done();
  });
}

describe('test with SpamAssassin (real spamd on loopback)', function () {
  let spamd: RunningSpamd | undefined;

  before(async function () {
    this.timeout(SPAMD_START_MS + 10_000);
    if (!findSpamd()) {
      console.log('      (skipped: spamd is not installed; apt-get install spamassassin)');
      this.skip();
    }
    await extension();
    spamd = await startSpamd();
    // User settings: the only ones that may redirect scoring in an untrusted workspace.
    await setSetting('mailproof.filters.spamassassin.host', spamd.host, vscode.ConfigurationTarget.Global);
    await setSetting('mailproof.filters.spamassassin.port', spamd.port, vscode.ConfigurationTarget.Global);
    await setSetting('mailproof.sender', 'Boutique <news@boutique.example>', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    for (const key of SETTINGS) await setSetting(key, undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
    await spamd?.stop();
  });

  it('puts real SpamAssassin rules on the French promo as diagnostics at their place, and opens the panel', async function () {
    this.timeout(90_000);
    const ext = await extension();
    const text = readFileSync(join(ext.extensionPath, 'examples', 'promo-fr.html'), 'utf8');
    const uri = await writeFile(`emails/${unique('promo-fr.html')}`, text);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diags = await waitForFilterDiagnostics(uri, (d) => d.length > 0, () => vscode.commands.executeCommand('mailproof.testSpamAssassin'));
    const html = diags.find((d) => d.code === 'HTML_MESSAGE');
    assert.ok(html, `HTML_MESSAGE among ${diags.map((d) => d.code).join(' ')}`);
    assert.equal(html.source, 'spamassassin');
    assert.equal(doc.getText(html.range), '<html lang="fr">');
    assert.match(html.message, /^HTML_MESSAGE \(0\.0\): BODY: HTML included in message$/);
    assert.equal(html.severity, vscode.DiagnosticSeverity.Information);
    const tabs = await resultTabs(/^Test results — promo-fr-\d+\.html$/);
    assert.equal(tabs.length, 1, 'one Test results panel');
  });

  it('drops the filter diagnostics as soon as the draft changes', async function () {
    this.timeout(90_000);
    const uri = await writeFile(`emails/${unique('promo.html')}`, '<!DOCTYPE html>\n<html lang="fr"><body><p>Bonjour, voici nos nouveautés.</p></body></html>\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await waitForFilterDiagnostics(uri, (d) => d.length > 0, () => vscode.commands.executeCommand('mailproof.testSpamAssassin'));
    await new Promise<void>((resolve, reject) => {
      const listener = vscode.languages.onDidChangeDiagnostics(() => {
        if (filterDiagnostics(uri).length === 0) {
          listener.dispose();
          resolve();
        }
      });
      setTimeout(() => reject(new Error('filter diagnostics stayed after an edit')), LINT_TIMEOUT_MS);
      void editor.edit((b) => b.insert(new vscode.Position(2, 0), '<!-- -->\n'));
    });
  });
});

describe('test with Rspamd (real rspamd on loopback, no network lookups)', function () {
  let rspamd: RunningRspamd | undefined;

  before(async function () {
    this.timeout(200_000);
    if (!findRspamd()) {
      console.log('      (skipped: rspamd is not installed; apt-get install rspamd)');
      this.skip();
    }
    await extension();
    rspamd = await startRspamd();
    await setSetting('mailproof.filters.rspamd.url', rspamd.url, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await setSetting('mailproof.filters.rspamd.url', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
    await rspamd?.stop();
  });

  it('puts Rspamd symbols on the subject and the numeric link of a spammy draft', async function () {
    this.timeout(90_000);
    const ext = await extension();
    const text = readFileSync(join(ext.extensionPath, 'test', 'filters', 'fixtures', 'spammy.html'), 'utf8');
    const uri = await writeFile(`emails/${unique('deals.html')}`, text);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diags = await waitForFilterDiagnostics(uri, (d) => d.some((x) => x.code === 'HTTP_TO_IP'), () => vscode.commands.executeCommand('mailproof.testRspamd'), 'rspamd');
    const at = (code: string) => {
      const d = diags.find((x) => x.code === code);
      assert.ok(d, `${code} among ${diags.map((x) => x.code).join(' ')}`);
      return doc.getText(d.range);
    };
    assert.equal(at('HTTP_TO_IP'), 'http://192.0.2.7/claim');
    assert.equal(at('SUBJ_ALL_CAPS'), 'FREE MONEY NOW!!! ACT NOW');
    assert.ok(diags.every((d) => d.source === 'rspamd'));
  });
});
