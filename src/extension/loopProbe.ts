import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type * as vscode from 'vscode';

// Short enough windows to tell a keystroke's lint apart from the next one.
const WINDOW_MS = 250;

let longestOwnMs = 0;
let probing = false;

/**
 * Notes how long a synchronous stretch of Mailproof's own work on the extension host took
 * (`since` from `performance.now()`); free when no probe runs.
 */
export function hostWorkDone(since: number): void {
  if (probing) longestOwnMs = Math.max(longestOwnMs, performance.now() - since);
}

/**
 * For `npm run bench:e2e` only, when MAILPROOF_BENCH_LOOP_FILE names a file: appends, every
 * 250 ms, the time, the longest event-loop delay of the extension host in that window (the
 * longest synchronous block any extension ran there, plus any wait for a core on a loaded
 * machine) and the longest stretch of Mailproof's own work (`<epoch ms> <delay ms> <own ms>`).
 */
export function startLoopProbe(file: string): vscode.Disposable {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  probing = true;
  const timer = setInterval(() => {
    appendFileSync(file, `${Date.now()} ${(histogram.max / 1e6).toFixed(1)} ${longestOwnMs.toFixed(1)}\n`);
    histogram.reset();
    longestOwnMs = 0;
  }, WINDOW_MS);
  timer.unref();
  return {
    dispose() {
      probing = false;
      clearInterval(timer);
      histogram.disable();
    },
  };
}
