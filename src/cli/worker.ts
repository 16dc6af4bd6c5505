/**
 * A worker thread of `accord evaluate --issues`: compiles the configuration once, then evaluates the batches of
 * lines the main thread sends, answering each with its output in the same order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { EpochMs } from '../engine/time/units';
import { evaluateBatch, type ByteBatch } from './batch';
import { splitLines } from './lines';
import { loadConfigFromFiles, loadStatusesFromFile } from './config-files';

export interface WorkerSetup {
  readonly agreementsFile: string;
  readonly calendarsFile: string;
  readonly statusesFile: string | undefined;
  readonly now: number;
  readonly file: string;
}

export interface WorkerReply {
  readonly seq: number;
  readonly out: Uint8Array;
  readonly errors: readonly string[];
}

export interface WorkerRequest {
  readonly seq: number;
  readonly batch: ByteBatch;
}

async function serve(): Promise<void> {
  const setup = workerData as WorkerSetup;
  const port = parentPort;
  if (!port) return;
  // The main thread has already validated these files; a failure here is a bug, reported as one.
  const [config, statuses] = await Promise.all([
    loadConfigFromFiles(setup.agreementsFile, setup.calendarsFile),
    setup.statusesFile === undefined ? undefined : loadStatusesFromFile(setup.statusesFile),
  ]);
  port.on('message', (request: WorkerRequest) => {
    const { first, bytes } = request.batch;
    const output = evaluateBatch(
      config,
      { first, lines: splitLines(bytes) },
      setup.now as EpochMs,
      statuses,
      setup.file,
    );
    port.postMessage({ seq: request.seq, ...output });
  });
  port.postMessage({ ready: true });
}

void serve();
