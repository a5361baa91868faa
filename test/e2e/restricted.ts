// UI flow of an untrusted folder (issue #10), run by ui.ts in a code-server of its own with
// workspace trust on, so that the folder opens in Restricted Mode as it would for a user who
// cloned a stranger's repository. The folder holds a `.mailproofrc.json` whose phrase list is as
// costly as validation lets through (2,000 phrases of 64 spellings each) and turns a rule off,
// and workspace settings that add phrases and point the deliverability checks at another DNS
// server. What the user must see: the draft linted with their own settings (their phrase, the
// built-in phrases, the project's rule switch, which costs nothing) and none of the folder's
// phrases; the checks ask the user's DNS server and never the folder's.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type DnsServer, startDnsServer } from '../support/dnsServer';
import { SENDING_IP } from '../support/zones';
import { frEml } from '../extension/suite/drafts';
import type { Flow } from './steps';
import { problems, quickOpen, runCommand, squiggles, waitForEditorText, waitForSquiggleCount, webview } from './workbench';

/** A phrase the user's own settings add: flagged. */
const USER_PHRASE = 'kangaroo offer';
/** A phrase only the untrusted project file adds: not flagged in Restricted Mode. */
const RC_PHRASE = 'wombat jamboree';
/** A phrase only the untrusted workspace settings add: not flagged in Restricted Mode. */
const WORKSPACE_PHRASE = 'koala festival';
/** A phrase of the built-in English list: flagged whatever the configuration. */
const BUILT_IN_PHRASE = 'Act now';
/** The SPF record the folder's DNS server would serve instead of the real one. */
const REDIRECTED_SPF = 'v=spf1 +all';

const DRAFT = `<!doctype html>
<html lang="en">
<body>
<table role="presentation" width="600"><tr><td>
<p>Hello Sam,</p>
<p>The ${RC_PHRASE} is back this week, with the ${WORKSPACE_PHRASE} and the ${USER_PHRASE} you asked about.</p>
<p>${BUILT_IN_PHRASE}: the sale ends on Sunday. <a href="https://shop.example.test/unsubscribe">Unsubscribe</a></p>
</td></tr></table>
</body>
</html>
`;

/**
 * 2,000 phrases (validation's maximum) of three optional groups of three ways each: 4³ = 64
 * spellings, validation's maximum too, so 128,000 entries for the matcher to compile.
 */
function costlyPhrases(first: string): string[] {
  const add = [first];
  for (let i = 1; i < 2000; i++) add.push(`promo${i}(a|b|c) deal(a|b|c) now(a|b|c)`);
  return add;
}

export interface CliFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
}

export interface UntrustedFolder {
  draft: string;
  eml: string;
  /** User settings of the session: the user's phrase list and DNS server. */
  userSettings: Record<string, unknown>;
  /** A configuration file (outside the folder) with what Restricted Mode should lint with. */
  expectedConfig: string;
  /** The folder's DNS server: it must never be asked. */
  redirect: DnsServer;
}

/** Writes the untrusted folder into `workspace` and starts the DNS server its settings name. */
export async function untrustedFolder(workspace: string, runRoot: string, userDns: DnsServer): Promise<UntrustedFolder> {
  const redirect = await startDnsServer({
    'example.test': [
      { type: 'TXT', value: REDIRECTED_SPF },
      { type: 'A', value: SENDING_IP },
    ],
  });
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  const draft = join(workspace, 'offer.html');
  const eml = join(workspace, 'bienvenue.eml');
  writeFileSync(draft, DRAFT);
  writeFileSync(eml, frEml('Les nouveautés de mars', 'Nouvelles <news@example.test>'));
  // The project file: its rule switch applies in Restricted Mode, its phrases do not.
  writeFileSync(join(workspace, '.mailproofrc.json'), JSON.stringify({ rules: { 'contact-info': 'off' }, phrases: { add: costlyPhrases(RC_PHRASE) } }));
  writeFileSync(
    join(workspace, '.vscode', 'settings.json'),
    JSON.stringify({ 'mailproof.phrases.add': costlyPhrases(WORKSPACE_PHRASE), 'mailproof.check.dnsServers': [redirect.address] }, null, 2),
  );
  // What the editor should lint with: the user's phrases and the project file's rule switch.
  const expectedConfig = join(runRoot, 'restricted-expected.mailproofrc.json');
  writeFileSync(expectedConfig, JSON.stringify({ rules: { 'contact-info': 'off' }, phrases: { add: [USER_PHRASE] } }));
  return {
    draft,
    eml,
    expectedConfig,
    redirect,
    userSettings: { 'mailproof.phrases.add': [USER_PHRASE], 'mailproof.check.dnsServers': [userDns.address], 'mailproof.check.timeoutMs': 5000 },
  };
}

export interface RestrictedContext {
  page: () => Page;
  folder: UntrustedFolder;
  userDns: DnsServer;
  /** `mailproof lint --format json` on a file, with `--config` when given. */
  cliLint: (file: string, config?: string) => { findings: CliFinding[] };
  problemLabel: (f: CliFinding) => string;
  hasDeliverability: boolean;
}

function expectOk(value: unknown, what: string): void {
  if (!value) throw new Error(what);
}

const phraseOf = (f: CliFinding) => /“([^”]{1,80})”/.exec(f.message)?.[1];

/** The steps after the draft is open in the Restricted Mode session. */
export async function restrictedFlow(flow: Flow, c: RestrictedContext): Promise<void> {
  const page = c.page;
  // The CLI trusts the folder it is run in: with the project file it flags the folder's phrase,
  // so the editor not flagging it below is Restricted Mode at work, not a phrase that never matches.
  const trusted = c.cliLint(c.folder.draft);
  const expected = c.cliLint(c.folder.draft, c.folder.expectedConfig).findings;
  await flow.step('the folder is in Restricted Mode', async () => {
    await page().locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor();
    expectOk(
      trusted.findings.some((f) => phraseOf(f) === RC_PHRASE),
      `"mailproof lint" in the folder (trusted) flags “${RC_PHRASE}”: ${JSON.stringify(trusted.findings.map(phraseOf))}`,
    );
  });
  await flow.step('the draft is linted with the user\'s settings only: no phrase of the folder', async () => {
    await waitForEditorText(page(), BUILT_IN_PHRASE);
    await squiggles(page()).first().waitFor({ state: 'attached' });
    await waitForSquiggleCount(page(), expected.length);
    const rows = await problems(page(), expected.length);
    for (const f of expected) expectOk(rows.includes(c.problemLabel(f)), `missing problem “${c.problemLabel(f)}” in ${JSON.stringify(rows)}`);
    const phrases = expected.map(phraseOf).filter(Boolean);
    // Non-vacuous: the user's phrase and a built-in one are there, the folder's are not.
    expectOk(phrases.includes(USER_PHRASE) && phrases.includes(BUILT_IN_PHRASE), `flagged phrases ${JSON.stringify(phrases)}`);
    expectOk(!rows.some((r) => r.includes(RC_PHRASE) || r.includes(WORKSPACE_PHRASE)), `a phrase of the untrusted folder is flagged: ${JSON.stringify(rows)}`);
    expectOk(!rows.some((r) => r.includes('postal address')), `contact-info is off in the project file: ${JSON.stringify(rows)}`);
    return `${rows.length} problems; phrases flagged: ${phrases.join(', ')}`;
  });
  if (!c.hasDeliverability) {
    flow.skip('Check Deliverability asks the user\'s DNS server, not the folder\'s', 'dist/deliverability.js is not built');
    return;
  }
  await flow.step('Check Deliverability asks the user\'s DNS server, not the folder\'s', async () => {
    const before = c.userDns.questions.length;
    await quickOpen(page(), 'bienvenue.eml');
    await runCommand(page(), 'Mailproof: Check Deliverability');
    const view = webview(page());
    await view.locator('h1', { hasText: 'Deliverability — example.test' }).waitFor();
    await view.locator('#rerun').waitFor();
    const spf = await view.locator('[data-check="spf"] pre.record').allTextContents();
    const asked = c.userDns.questions.length - before;
    expectOk(spf.some((r) => r.includes(`v=spf1 ip4:${SENDING_IP} -all`)), `the user's SPF record is shown: ${JSON.stringify(spf)}`);
    expectOk(!spf.some((r) => r.includes(REDIRECTED_SPF)), `the folder's SPF record is shown: ${JSON.stringify(spf)}`);
    expectOk(asked > 0, 'the user\'s DNS server was asked');
    expectOk(c.folder.redirect.questions.length === 0, `the folder's DNS server was asked ${c.folder.redirect.questions.length} question(s)`);
    return `${asked} questions to the user's DNS server, 0 to the folder's`;
  });
}
