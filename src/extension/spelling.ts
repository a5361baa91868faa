import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { KeyedDebounce } from './debounce';
import { resolveRule } from '../engine/config';
import { spelling } from '../engine/rules/spelling';
import type { Finding, Locale, Suggestion } from '../engine/types';
import type { SpellRequest, SpellResponse } from '../node/spellService';
import { kindOf, type Linter } from './linter';

type Pending = { resolve(r: SpellResponse): void; reject(e: Error): void };
type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;

// A worker that dies this many times (a bug, memory) is not restarted: spelling stays off
// for the session and the log says why.
const MAX_WORKER_STARTS = 3;
// Spelling starts this long after a lint, so that the first squiggles reach the screen before
// the worker (and on the first draft, Hunspell's load) takes a core of a small machine.
const SPELLING_DELAY_MS = 400;

/**
 * Spelling in the editor: after each lint of a draft, the worker thread (dist/lintWorker.js,
 * started on the first lint, never at activation) lints the same text with the spelling rule
 * and the linter adds its findings. The other rules' squiggles never wait for it.
 */
export class SpellingService implements vscode.Disposable {
  private worker: Worker | undefined;
  private starts = 0;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  // The lint run each document's spelling was last asked for, so the merge that fires
  // onDidLint again does not start another round.
  private readonly asked = new WeakMap<object, true>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly debounced = new KeyedDebounce(SPELLING_DELAY_MS);

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly linter: Linter,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      linter.onDidLint((doc) => this.schedule(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.post({ type: 'forget', uri: doc.uri.toString() })),
    );
  }

  private schedule(doc: vscode.TextDocument): void {
    this.debounced.schedule(doc.uri.toString(), () => void this.afterLint(doc));
  }

  private async afterLint(doc: vscode.TextDocument): Promise<void> {
    const state = this.linter.state(doc);
    if (!state || this.asked.has(state.run) || resolveRule(spelling, state.config).severity === 'off') return;
    this.asked.set(state.run, true);
    const { version, locale } = state;
    const text = doc.getText();
    if (doc.version !== version) return;
    try {
      const res = await this.request({
        type: 'lint',
        uri: doc.uri.toString(),
        version,
        text,
        kind: kindOf(doc, text),
        fileName: doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.path,
        config: state.config,
        locale,
      });
      if ('error' in res) throw new Error(res.error);
      if (!('findings' in res)) return;
      if (res.loadMs) this.log.info(`spelling dictionaries loaded in the worker: ${Object.entries(res.loadMs).map(([k, v]) => `${k} ${Math.round(v)} ms`).join(', ')}`);
      this.linter.mergeFindings(doc, version, 'spelling', res.findings);
    } catch (e) {
      this.log.error(`spelling failed for ${doc.uri.toString()}: ${(e as Error)?.message ?? e}`);
    }
  }

  /** Corrections of a spelling finding, computed by the worker when the quick-fix menu opens. */
  async suggestions(doc: vscode.TextDocument, version: number, finding: Finding, locale: Locale): Promise<Suggestion[]> {
    try {
      const res = await this.request({ type: 'suggest', uri: doc.uri.toString(), version, finding, locale });
      return 'suggestions' in res ? res.suggestions : [];
    } catch (e) {
      this.log.error(`spelling suggestions failed: ${(e as Error)?.message ?? e}`);
      return [];
    }
  }

  private request(msg: Distribute<Exclude<SpellRequest, { type: 'forget' }>>): Promise<SpellResponse> {
    const worker = this.ensureWorker();
    if (!worker) return Promise.reject(new Error('the spelling worker is not available'));
    const id = this.nextId++;
    return new Promise<SpellResponse>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...msg, id });
    });
  }

  private post(msg: SpellRequest): void {
    this.worker?.postMessage(msg);
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    if (this.starts >= MAX_WORKER_STARTS) return undefined;
    this.starts++;
    const worker = new Worker(vscode.Uri.joinPath(this.extensionUri, 'dist', 'lintWorker.js').fsPath);
    worker.on('message', (res: SpellResponse) => {
      const p = this.pending.get(res.id);
      if (!p) return;
      this.pending.delete(res.id);
      p.resolve(res);
    });
    const fail = (e: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.log.error(`spelling worker stopped: ${e.message}`);
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    // An idle worker must not keep the extension host alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  dispose(): void {
    this.debounced.dispose();
    for (const d of this.disposables) d.dispose();
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
  }
}
