import { Worker } from 'node:worker_threads';
import type { FileLintRequest, FileLintResponse, LintRequest, LintResponse, WorkerMessage, WorkerReply } from './lintProtocol';

interface Job {
  id: number;
  message: WorkerMessage;
  key?: string;
  /** Called with the worker's answer to the message (of the message's kind). */
  resolve(r: LintResponse | FileLintResponse | undefined): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  /** The lints sent to this worker and not answered yet, by id. */
  jobs: Map<number, Job>;
}

/**
 * Lint workers (dist/lintWorker.js), started on demand up to `size`, each running one lint at
 * a time; requests wait in a queue in the order they came. A worker that dies fails its lints
 * and is replaced by the next request.
 *
 * With `depth` above 1, a worker is sent up to that many lints at once: the next one waits in
 * its own message queue, so that it starts as soon as the last ends, without a round trip
 * through this thread (which, on a busy machine, waits for a core before it can hand out the
 * next lint). A queued request can then no longer be replaced (see {@link lint}): an editor
 * keeps the default of 1.
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
    /** Lints sent to a worker at once. */
    private readonly depth = 1,
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
      const id = this.nextId++;
      this.queue.push({ id, message: { id, request }, key, resolve: (r) => resolve(r as LintResponse | undefined), reject });
      this.pump();
    });
  }

  /** Reads, tells apart and lints a draft on disk in a worker (the CLI's requests). */
  lintFile(file: FileLintRequest): Promise<FileLintResponse> {
    if (this.closed) return Promise.reject(new Error('lint pool closed'));
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.queue.push({ id, message: { id, file }, resolve: (r) => resolve(r as FileLintResponse), reject });
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
      const slot = this.nextSlot();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.jobs.set(job.id, job);
      if (this.unref) slot.worker.ref();
      slot.worker.postMessage(job.message);
    }
  }

  // An idle worker, else a new one, else the least busy worker with room for one more lint.
  private nextSlot(): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.slots) {
      if (s.jobs.size === 0) return s;
      if (s.jobs.size < this.depth && (!best || s.jobs.size < best.jobs.size)) best = s;
    }
    return this.slots.length < this.size ? this.spawn() : best;
  }

  private spawn(): Slot {
    const worker = new Worker(this.script);
    const slot: Slot = { worker, jobs: new Map() };
    if (this.unref) worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const job = slot.jobs.get(reply.id);
      if (!job) return;
      slot.jobs.delete(reply.id);
      if (this.unref && slot.jobs.size === 0) worker.unref();
      if ('error' in reply) job.reject(Object.assign(new Error(reply.error), reply.stack ? { stack: reply.stack } : {}));
      else job.resolve(reply.response);
      this.pump();
    });
    const fail = (e: Error) => {
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      this.slots.splice(i, 1);
      for (const job of slot.jobs.values()) job.reject(e);
      slot.jobs.clear();
      if (!this.closed) this.pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`lint worker exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }
}
