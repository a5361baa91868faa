// A small runner for UI flows: each step has a deadline and leaves a screenshot; after a failed
// step the rest of its flow is skipped (they depend on it) and the next flow starts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { within } from './harness';

/** A step's deadline: generous next to the ~3 s a cold workbench needs. */
const STEP_TIMEOUT_MS = 60_000;

export type Outcome = 'pass' | 'fail' | 'skip';

export interface StepResult {
  flow: string;
  step: string;
  outcome: Outcome;
  ms: number;
  detail?: string;
  screenshot?: string;
}

export class Flow {
  private failed = false;
  private index = 0;

  constructor(
    readonly name: string,
    private readonly page: () => Page | undefined,
    private readonly shots: string,
    private readonly results: StepResult[],
  ) {
    mkdirSync(shots, { recursive: true });
  }

  /** Runs a step unless an earlier one failed; screenshots the page after it either way. */
  async step(name: string, fn: () => Promise<void | string>): Promise<void> {
    this.index++;
    if (this.failed) {
      this.record({ flow: this.name, step: name, outcome: 'skip', ms: 0, detail: 'an earlier step failed' });
      return;
    }
    const started = Date.now();
    let outcome: Outcome = 'pass';
    let detail: string | undefined;
    try {
      const note = await within(STEP_TIMEOUT_MS, `${this.name}: ${name}`, fn);
      if (typeof note === 'string') detail = note;
    } catch (e) {
      outcome = 'fail';
      detail = (e as Error).stack ?? String(e);
      this.failed = true;
    }
    const screenshot = await this.screenshot(name, outcome);
    this.record({ flow: this.name, step: name, outcome, ms: Date.now() - started, detail, screenshot });
  }

  /** Records a step that cannot run here, with the reason. */
  skip(name: string, reason: string): void {
    this.index++;
    this.record({ flow: this.name, step: name, outcome: 'skip', ms: 0, detail: reason });
  }

  private async screenshot(step: string, outcome: Outcome): Promise<string | undefined> {
    const page = this.page();
    if (!page || page.isClosed()) return undefined;
    const slug = `${this.name}-${String(this.index).padStart(2, '0')}-${step}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-+$/, '');
    const file = join(this.shots, `${slug}${outcome === 'fail' ? '-FAILED' : ''}.png`);
    try {
      await within(15_000, 'screenshot', () => page.screenshot({ path: file }));
      return file;
    } catch {
      return undefined;
    }
  }

  private record(r: StepResult): void {
    this.results.push(r);
    const mark = r.outcome === 'pass' ? '✔' : r.outcome === 'fail' ? '✖' : '-';
    const time = r.outcome === 'skip' ? '' : ` (${r.ms} ms)`;
    process.stdout.write(`  ${mark} ${r.flow}: ${r.step}${time}\n`);
    if (r.detail && r.outcome !== 'pass') process.stdout.write(`${r.detail.replace(/^/gm, '      ')}\n`);
    else if (r.detail) process.stdout.write(`      ${r.detail}\n`);
  }
}
