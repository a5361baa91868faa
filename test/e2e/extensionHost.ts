// Layer 1 through code-server: runs the extension-host suite (out/test/extension/suite) inside
// a real VS Code 1.100 extension host. code-server has no --extensionTestsPath flag, but its
// browser workbench reads extensionDevelopmentPath/extensionTestsPath from the URL payload and
// reports the result through window.codeAutomationExit(code).
//
// Run by scripts/e2e.mjs, which sets MAILPROOF_E2E_RUN_DIR and the provisioned paths.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { captureConsole, type CodeServer, launchBrowser, ROOT, runDirs, startCodeServer, within, workbenchUrl } from './harness';

// Mocha has its own per-test timeouts; this bounds the whole suite, a cold start included.
const SUITE_TIMEOUT_MS = 240_000;
/** Printed by test/extension/suite/index.ts when mocha starts. */
const SUITE_BANNER = 'Mailproof extension-host tests';

async function main(): Promise<number> {
  const runRoot = process.env.MAILPROOF_E2E_RUN_DIR;
  if (!runRoot) throw new Error('MAILPROOF_E2E_RUN_DIR is not set (run through npm run test:e2e)');
  const testsPath = join(ROOT, 'out', 'test', 'extension', 'suite', 'index.js');
  if (!existsSync(testsPath)) throw new Error(`${testsPath} is missing: build the suite first (npm run test:e2e does)`);
  const dirs = runDirs(runRoot);
  let cs: CodeServer | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  const consoleLines: string[] = [];
  const workbenchLog: string[] = [];
  try {
    cs = await startCodeServer({
      dirs,
      name: 'code-server-extension-tests',
      env: { MAILPROOF_TEST_GREP: process.env.MAILPROOF_TEST_GREP ?? '' },
    });
    browser = await launchBrowser({ dirs });
    const page = browser.pages()[0] ?? (await browser.newPage());
    captureConsole(page, consoleLines);
    let settle!: (code: number) => void;
    const exit = new Promise<number>((resolve) => (settle = resolve));
    // The workbench forwards its own log and the extension host's console (mocha's reporter)
    // here, as console.log-style arguments. Workbench chatter goes to the log file only; the
    // suite's output starts with its banner.
    let suiteStarted = false;
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (text.includes(SUITE_BANNER)) suiteStarted = true;
      if (suiteStarted) (type === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
      else workbenchLog.push(`[${type}] ${text}`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => settle(code));
    const url = workbenchUrl(cs, dirs.workspace, [
      ['extensionDevelopmentPath', cs.remote(ROOT)],
      ['extensionTestsPath', cs.remote(testsPath)],
    ]);
    await page.goto(url);
    const code = await within(SUITE_TIMEOUT_MS, 'the extension-host suite to report through codeAutomationExit', () => exit);
    return code;
  } catch (e) {
    process.stderr.write(`extension-host tests could not run: ${(e as Error).message}\n`);
    if (cs) process.stderr.write(`code-server log: ${cs.logFile}\n`);
    return 1;
  } finally {
    writeFileSync(join(dirs.logs, 'extension-tests-browser-console.log'), consoleLines.join('\n'));
    writeFileSync(join(dirs.logs, 'extension-tests-workbench.log'), workbenchLog.join('\n'));
    await browser?.close().catch(() => undefined);
    await cs?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  },
);
