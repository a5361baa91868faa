// UI flow of the recipient lists, run in ui.ts's English session on the installed .vsix: a
// list's squiggles agree with `mailproof list`, Ctrl+. fixes a typo domain, and "Mailproof:
// Check Recipient List" shows the report with a hostile address as plain text.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Zone } from '../support/dnsServer';
import { ROOT } from './harness';
import type { Flow } from './steps';
import { activeEditor, goToPosition, openQuickFixMenu, runCommand, squiggles, waitForEditorText, waitForSquiggleCount, webview, webviewFrame } from './workbench';

/** Domains of the list, served by the run's loopback DNS server. */
export const LIST_ZONE: Zone = {
  'boutique.fr': [{ type: 'MX', value: '10 mx.boutique.fr' }],
  'gmail.com': [{ type: 'MX', value: '10 mx.gmail.com' }],
  'orange.fr': [{ type: 'MX', value: '10 mx.orange.fr' }],
  'hotmail.fr': [{ type: 'MX', value: '10 mx.hotmail.fr' }],
  'ne-recoit-pas.fr': [{ type: 'MX', value: '0 .' }],
};

const HOSTILE_ADDRESS = '<img src=x onerror="window.__mailproofPwned=3">@boutique.fr';
// One reason per problem row, so one squiggle each.
const LIST = [
  'EMAIL;PRENOM;NOM',
  'jean.dupont@orange.fr;Jean;Dupont',
  'chloe.moreau@hotmial.fr;Chloé;Moreau',
  'contact@boutique.fr;;Boutique',
  'marie.durand@gmail.com;Marie;Durand',
  'Marie.Durand+promo@gmail.com;Marie;Durand',
  `"${HOSTILE_ADDRESS.replace(/"/g, '""')}";X;Y`,
  'luc@ne-recoit-pas.fr;Luc;Martin',
  '',
].join('\n');

interface CliRow {
  line: number;
  address: string;
  status: string;
  reasons: { code: string; message: string }[];
}

function cliList(file: string): CliRow[] {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'list', file, '--no-dns', '--format', 'json'], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
  return JSON.parse(r.stdout).rows;
}

function expectOk(value: unknown, what: string): void {
  if (!value) throw new Error(what);
}

/** The list steps; `page` is the English session's workbench. */
export async function listFlow(flow: Flow, page: () => Page, workspace: string): Promise<void> {
  const file = join(workspace, 'contacts.csv');
  writeFileSync(file, LIST);
  const rows = cliList(file);
  const expected = rows.reduce((n, r) => n + r.reasons.length, 0);
  await flow.step('open a recipient list: one squiggle per row problem, as "mailproof list" says', async () => {
    // From the Explorer, which shows the new file at once (Quick Open's file index may not
    // have it yet in a session that already searched).
    const row = page().locator('.explorer-folders-view .monaco-list-row', { hasText: 'contacts.csv' });
    await row.waitFor();
    await row.click();
    await page().locator('.editor-group-container.active .tab.active', { hasText: 'contacts.csv' }).waitFor();
    await waitForEditorText(page(), 'EMAIL;PRENOM;NOM');
    await squiggles(page()).first().waitFor({ state: 'attached' });
    await waitForSquiggleCount(page(), expected);
    return `${expected} squiggles: ${rows.filter((r) => r.reasons.length).map((r) => `${r.line} ${r.reasons.map((x) => x.code).join('+')}`).join(', ')}`;
  });
  await flow.step('Ctrl+. on a typo domain offers the provider, Enter fixes it', async () => {
    await goToPosition(page(), 3, 18);
    const menu = await openQuickFixMenu(page());
    expectOk(menu.focused === 'Change the domain to hotmail.fr', `focused quick fix: ${JSON.stringify(menu)}`);
    await page().keyboard.press('Enter');
    await activeEditor(page()).locator('.view-lines', { hasText: 'chloe.moreau@hotmail.fr' }).waitFor();
    await waitForSquiggleCount(page(), expected - 1);
    await page().keyboard.press('Control+S');
    await page().locator('.editor-group-container.active .tab.active.dirty').waitFor({ state: 'detached' });
    expectOk(readFileSync(file, 'utf8').includes('chloe.moreau@hotmail.fr;Chloé;Moreau'), 'the fix is on disk, other columns untouched');
    return `menu: ${menu.rows.join(' | ')}`;
  });
  await flow.step('"Mailproof: Check Recipient List" looks domains up and shows the report as text', async () => {
    await runCommand(page(), 'Mailproof: Check Recipient List');
    const view = webview(page());
    await view.locator('h1', { hasText: 'Recipient list — contacts.csv' }).waitFor();
    await view.locator('#rerun').waitFor();
    await view.locator('#problems').waitFor();
    const cells = await view.locator('#problems td.record').allTextContents();
    expectOk(cells.includes(HOSTILE_ADDRESS), `the hostile address is shown verbatim: ${JSON.stringify(cells)}`);
    expectOk(cells.includes('luc@ne-recoit-pas.fr'), `the null MX row, found by the DNS lookup: ${JSON.stringify(cells)}`);
    const invalid = (await view.locator('#statuses [data-status="invalid"] .check-summary').textContent())?.trim();
    expectOk(invalid === '2', `2 invalid rows (the hostile one, the null MX): ${invalid}`);
    const frame = await webviewFrame(page());
    const dom = await frame.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
      scripts: Array.from(document.scripts)
        .filter((s) => s.id !== '_vscodeApiScript')
        .map((s) => `${(s.getAttribute('src') ?? 'inline').replace(/^.*\//, '')}${s.nonce ? ' (nonce)' : ''}`),
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      pwned: (window as unknown as { __mailproofPwned?: number }).__mailproofPwned ?? null,
    }));
    expectOk(dom.images === 0 && dom.handlers === 0 && dom.pwned === null, `no markup from the list in the page: ${JSON.stringify(dom)}`);
    expectOk(JSON.stringify(dom.scripts) === JSON.stringify(['lists-webview.js (nonce)']), `the page's scripts: ${JSON.stringify(dom.scripts)}`);
    expectOk(/default-src 'none'/.test(dom.csp) && /script-src 'nonce-/.test(dom.csp) && !/unsafe-inline/.test(dom.csp), `strict CSP: ${dom.csp}`);
    await view.locator('#problems').scrollIntoViewIfNeeded();
    return dom.csp;
  });
}
