import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BatchOutput, ByteBatch } from './batch';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './worker';

/** Where the compiled worker lives; absent when running from TypeScript sources (tests), then no pool. */
export const WORKER_FILE = join(__dirname, 'worker.js');
export const canUseWorkers = (): boolean => existsSync(WORKER_FILE);

/**
 * Evaluates batches of lines on worker threads, one per core, and hands their outputs back in input order.
 * At most two batches a worker are in flight, so memory stays flat however long the input.
 */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly ready: Promise<void>[];
  private readonly pending = new Map<
    number,
    { resolve: (o: BatchOutput) => void; reject: (e: Error) => void }
  >();
  private next = 0;

  constructor(count: number, setup: WorkerSetup) {
    this.workers = Array.from({ length: count }, () => new Worker(WORKER_FILE, { workerData: setup }));
    this.ready = this.workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.on('message', (message: WorkerReply | { ready: true }) => {
            if ('ready' in message) {
              resolve();
              return;
            }
            const waiting = this.pending.get(message.seq);
            this.pending.delete(message.seq);
            waiting?.resolve(message);
          });
          worker.on('error', (error) => {
            reject(error);
            for (const waiting of this.pending.values()) waiting.reject(error);
            this.pending.clear();
          });
        }),
    );
  }

  /** Sends a batch to the next worker; resolves to its output. */
  async run(seq: number, batch: ByteBatch): Promise<BatchOutput> {
    const index = this.next++ % this.workers.length;
    await this.ready[index];
    return new Promise<BatchOutput>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
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
