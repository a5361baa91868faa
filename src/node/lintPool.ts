import { Worker } from 'node:worker_threads';
import type { LintRequest, LintResponse, WorkerMessage, WorkerReply } from './lintProtocol';

interface Job {
  id: number;
  request: LintRequest;
  key?: string;
  resolve(r: LintResponse | undefined): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  job?: Job;
}

/**
 * Lint workers (dist/lintWorker.js), started on demand up to `size`, each running one lint at
 * a time; requests wait in a queue in the order they came. A worker that dies fails its lint
 * and is replaced by the next request.
 */
export class LintPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly script: string,
    readonly size: number,
    /** Let the process exit while workers idle (an editor keeps one for the next lint). */
    private readonly unref = false,
  ) {}

  /**
   * Lints in a worker. A request with a `key` replaces a queued, not yet started request with
   * the same key, which then resolves to undefined: an editor sends one lint per document and
   * only the newest text matters.
   */
  lint(request: LintRequest, key?: string): Promise<LintResponse | undefined> {
    if (this.closed) return Promise.reject(new Error('lint pool closed'));
    return new Promise((resolve, reject) => {
      if (key !== undefined) {
        const older = this.queue.findIndex((j) => j.key === key);
        if (older >= 0) this.queue.splice(older, 1)[0].resolve(undefined);
      }
      this.queue.push({ id: this.nextId++, request, key, resolve, reject });
      this.pump();
    });
  }

  /** Stops every worker; queued and running lints fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.queue.splice(0)) j.reject(new Error('lint pool closed'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      const job = this.queue.shift()!;
      slot.job = job;
      if (this.unref) slot.worker.ref();
      slot.worker.postMessage({ id: job.id, request: job.request } satisfies WorkerMessage);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.script);
    const slot: Slot = { worker };
    if (this.unref) worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      slot.job = undefined;
      if (this.unref) worker.unref();
      if ('error' in reply) job.reject(new Error(reply.error));
      else job.resolve(reply.response);
      this.pump();
    });
    const fail = (e: Error) => {
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      this.slots.splice(i, 1);
      slot.job?.reject(e);
      slot.job = undefined;
      if (!this.closed) this.pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`lint worker exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }
}
