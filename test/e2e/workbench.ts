// What a person does and sees in the VS Code 1.100 workbench, as Playwright calls on DOM
// states (selectors from ../shared/e2e/README.md). Every wait is on a DOM state, never a sleep.
import { type Frame, type FrameLocator, type Locator, type Page } from 'playwright-core';

/** The longest a workbench state may take to appear (a cold first file open is ~2.5 s). */
export const UI_TIMEOUT_MS = 30_000;

export const SQUIGGLES = '.squiggly-error, .squiggly-warning, .squiggly-info';

/**
 * Evaluates `fn(arg)` in a page or frame. tsx (keepNames) wraps named inner functions in a
 * `__name(...)` helper that exists only in Node; the page gets a no-op stand-in for it.
 */
export function inPage<A, R>(target: Page | Frame, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  return target.evaluate(`(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`) as Promise<R>;
}

/** The active editor. */
export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor').first();
}

/** Waits for the workbench and an editor showing `text`. */
export async function waitForEditorText(page: Page, text: string): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: UI_TIMEOUT_MS });
  await activeEditor(page).locator('.view-lines', { hasText: text }).waitFor({ timeout: UI_TIMEOUT_MS });
}

/** The squiggles drawn in the active editor (an overlay layer: attached, not "visible"). */
export function squiggles(page: Page): Locator {
  return activeEditor(page).locator(SQUIGGLES);
}

/** Waits until the active editor shows exactly `count` squiggles. */
export async function waitForSquiggleCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    ({ selector, count }) => document.querySelector('.editor-group-container.active .monaco-editor')?.querySelectorAll(selector).length === count,
    { selector: SQUIGGLES, count },
    { timeout: UI_TIMEOUT_MS, polling: 'raf' },
  );
}

/** Runs a command from the palette (F1) by its label, as a person types it. */
export async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: UI_TIMEOUT_MS });
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ timeout: UI_TIMEOUT_MS });
  // The typed text filters the list; the focused (first) row is the match.
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: label }).waitFor({ timeout: UI_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits for its tab to be active. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: UI_TIMEOUT_MS });
  await input.fill(fileName);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: fileName }).waitFor({ timeout: UI_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.editor-group-container.active .tab.active', { hasText: fileName }).waitFor({ timeout: UI_TIMEOUT_MS });
}

/** Moves the caret with "Go to Line/Column" (Ctrl+G), 1-based like the status bar. */
export async function goToPosition(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: UI_TIMEOUT_MS });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  // The caret already moves while typing (a preview): wait for the input to close and the
  // editor to take the focus back, or the next keys would go to the closing input.
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  await page.locator('.statusbar-item', { hasText: new RegExp(`^\\s*Ln ${line}, Col ${column}\\s*$`) }).waitFor({ timeout: UI_TIMEOUT_MS });
  await editorFocused(page);
}

/** Waits until the active editor has the keyboard focus. */
export async function editorFocused(page: Page): Promise<void> {
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: UI_TIMEOUT_MS });
}

/** The label of the focused row of the quick-fix menu opened with Ctrl+. */
export async function openQuickFixMenu(page: Page): Promise<{ focused: string; rows: string[] }> {
  await editorFocused(page);
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget');
  await menu.locator('.monaco-list-row').first().waitFor({ timeout: UI_TIMEOUT_MS });
  const focused = (await menu.locator('.monaco-list-row.focused').first().innerText()).trim();
  const rows = (await menu.locator('.monaco-list-row').allInnerTexts()).map((t) => t.trim());
  return { focused, rows };
}

/** The status bar item an extension contributed (`<extension id>.<item id>`). */
export function statusItem(page: Page, id: string): Locator {
  return page.locator(`.statusbar-item[id="${id}"]`);
}

/** The rows of the Problems panel (Ctrl+Shift+M), as their accessible labels. */
export async function problems(page: Page, expected: number): Promise<string[]> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
  await panel.waitFor({ timeout: UI_TIMEOUT_MS });
  // One row for the file, then one per problem.
  await page.waitForFunction((n) => document.querySelectorAll('.markers-panel .monaco-list-row').length === n, expected + 1, { timeout: UI_TIMEOUT_MS });
  return (await panel.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''))).slice(1);
}

/** The content of the active webview panel (the page inside VS Code's two webview frames). */
export function webview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/** The Frame object of the active webview content, for evaluating code in it. */
export async function webviewFrame(page: Page): Promise<Frame> {
  const outer = await page.locator('iframe.webview.ready').last().elementHandle({ timeout: UI_TIMEOUT_MS });
  const outerFrame = await outer!.contentFrame();
  const inner = await outerFrame!.locator('#active-frame').elementHandle({ timeout: UI_TIMEOUT_MS });
  const frame = await inner!.contentFrame();
  if (!frame) throw new Error('the webview has no content frame');
  return frame;
}
