// Entry point of the extension-host test suite, following the @vscode/test-electron contract:
// VS Code loads this module inside the extension host (desktop through test-electron, or the
// browser workbench of code-server through the URL payload) and awaits `run()`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
// mocha stays outside the bundle: it is required from the repository's node_modules.
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** Per-test timeout: a first activation in a cold extension host takes a few seconds. */
const TEST_TIMEOUT_MS = 30_000;

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: TEST_TIMEOUT_MS, reporter: 'spec' });
  // MAILPROOF_TEST_GREP narrows the run while developing (e.g. "quick fixes").
  const grep = process.env.MAILPROOF_TEST_GREP;
  if (grep) mocha.grep(grep);
  // The code-server runner echoes the extension host's output from this line on.
  console.log(`Mailproof extension-host tests in ${vscode.env.appName} ${vscode.version} (${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}, ${vscode.env.language})`);
  for (const f of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} extension test(s) failed`)) : resolve()));
  });
}
