import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ByteBatch } from './batch';
import type { WorkerConfiguration, WorkerReply, WorkerRequest, WorkerSetup } from './worker';

/** Where the compiled worker lives; absent when running from TypeScript sources (tests), then no pool. */
export const WORKER_FILE = join(__dirname, 'worker.js');
export const canUseWorkers = (): boolean => existsSync(WORKER_FILE);

/**
 * Evaluates blocks of lines on worker threads and hands their outputs back. A worker takes a block only while it
 * has fewer than {@link DEPTH} outstanding, so memory stays flat however long the input; the main thread
 * evaluates the blocks no worker has room for.
 */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly ready: Promise<void>[];
  /** Blocks sent to each worker and not yet answered. */
  private readonly outstanding: number[];
  private readonly pending = new Map<
    number,
    { resolve: (reply: WorkerReply) => void; reject: (e: Error) => void; worker: number }
  >();

  constructor(count: number, setup: WorkerSetup) {
    this.workers = Array.from(
      { length: count },
      () =>
        new Worker(WORKER_FILE, {
          workerData: setup,
          resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB },
        }),
    );
    this.outstanding = this.workers.map(() => 0);
    this.ready = this.workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.on('message', (message: WorkerReply | { ready: true }) => {
            if ('ready' in message) {
              resolve();
              return;
            }
            const waiting = this.pending.get(message.seq);
            if (!waiting) return;
            this.pending.delete(message.seq);
            this.outstanding[waiting.worker] = (this.outstanding[waiting.worker] ?? 1) - 1;
            waiting.resolve(message);
          });
          worker.on('error', (error) => {
            reject(error);
            for (const waiting of this.pending.values()) waiting.reject(error);
            this.pending.clear();
          });
        }),
    );
    // A worker that fails is reported through the blocks sent to it; before any is (the main thread may yet
    // find the configuration invalid and stop), its failure must not end the process on its own.
    for (const ready of this.ready) ready.catch(() => undefined);
  }

  /**
   * Hands the workers the configuration this thread has validated, to compile without validating it again;
   * call once, before any block.
   */
  configure(configuration: WorkerConfiguration): void {
    for (const worker of this.workers) worker.postMessage(configuration);
  }

  /**
   * Sends a block to the least busy worker, unless every worker already has {@link DEPTH} blocks; resolves to
   * its output, with the block's bytes handed back. Before a worker has started, blocks wait for it in its
   * queue.
   */
  offer(seq: number, batch: ByteBatch): Promise<WorkerReply> | undefined {
    let index = -1;
    for (let i = 0; i < this.outstanding.length; i++) {
      const load = this.outstanding[i] ?? DEPTH;
      if (load < DEPTH && (index < 0 || load < (this.outstanding[index] ?? DEPTH))) index = i;
    }
    if (index < 0) return undefined;
    this.outstanding[index] = (this.outstanding[index] ?? 0) + 1;
    return this.send(index, seq, batch);
  }

  private async send(index: number, seq: number, batch: ByteBatch): Promise<WorkerReply> {
    await this.ready[index];
    return new Promise<WorkerReply>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject, worker: index });
      const request: WorkerRequest = { seq, batch };
      // The block's memory moves to the worker; nothing is copied.
      this.workers[index]?.postMessage(request, [batch.bytes.buffer as ArrayBuffer]);
    });
  }

  get size(): number {
    return this.workers.length;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Blocks a worker holds at most: the one it is evaluating and a few more, so that it does not run dry while the
 * main thread evaluates a block of its own before it reads the worker's replies.
 */
const DEPTH = 6;

/**
 * A worker's young generation, in MB: semi-spaces of 8 MB instead of V8's 16. An issue's garbage dies with it,
 * so collections stay as cheap, and the process keeps some 30 MB less resident (the benchmark's bound is 256 MB).
 */
const YOUNG_MB = 24;
