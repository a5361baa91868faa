// Layer 1 through @vscode/test-electron, for machines that can download VS Code (this one
// cannot: there, `npm run test:e2e` runs the same suite in code-server). Opens a fresh
// temporary folder as the workspace with a private user-data and extensions folder.
//
//   npm run test:extension                      # builds, then runs the suite in VS Code 1.100.3
//   MAILPROOF_VSCODE_VERSION=stable npm run test:extension
//   MAILPROOF_VSCODE_PATH=/path/to/code npm run test:extension   # an installed VS Code
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';

// The engines.vscode floor: the oldest VS Code the extension promises to run in.
const DEFAULT_VERSION = '1.100.3';

async function main(): Promise<number> {
  const root = join(__dirname, '..', '..');
  const run = mkdtempSync(join(tmpdir(), 'mailproof-extension-tests-'));
  const workspace = join(run, 'workspace');
  try {
    mkdirSync(workspace);
    await runTests({
      version: process.env.MAILPROOF_VSCODE_PATH ? undefined : (process.env.MAILPROOF_VSCODE_VERSION ?? DEFAULT_VERSION),
      vscodeExecutablePath: process.env.MAILPROOF_VSCODE_PATH,
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'out', 'test', 'extension', 'suite', 'index.js'),
      extensionTestsEnv: { MAILPROOF_TEST_GREP: process.env.MAILPROOF_TEST_GREP },
      launchArgs: [
        workspace,
        '--user-data-dir',
        join(run, 'user-data'),
        '--extensions-dir',
        join(run, 'extensions'),
        // Installed extensions are off; built-in ones stay (the Markdown preview shows rule docs).
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-telemetry',
        '--disable-updates',
        '--locale',
        'en',
      ],
    });
    return 0;
  } catch (e) {
    console.error(`extension tests failed: ${(e as Error).message}`);
    return 1;
  } finally {
    rmSync(run, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
