import { InputError, toError } from '@backstage/errors';
import { CostRecord } from '@tollgate/plugin-finops-common';
import { Worker } from 'node:worker_threads';
import { FocusExportTally } from './FocusExportMapper';
import { FocusInput } from './FocusInput';
import { FocusRecordDecoder } from './FocusRecordBatch';
import {
  FocusReadOptions,
  FocusReadReply,
  FocusReadRequest,
} from './focusReadMessages';
import { FOCUS_READ_WORKER } from './focusReadWorker';

/**
 * Chunks sent ahead of the answers read: enough that the worker is rarely left
 * without one while the records of the last are written (2 MiB of exports).
 */
const CHUNKS_IN_FLIGHT = 8;

/** Bytes per chunk: exports are read straight into memory shared with the worker. */
const SLOT_BYTES = 256 * 1024;

/** How long a thread that has served a fetch waits for the next one. */
const IDLE_MS = 30_000;

/** What became of one export's rows. */
export interface FocusExportSummary {
  tally: FocusExportTally;
  /** The invalid rows, described by line; empty when there are none. */
  invalidRows: string;
}

/** Threads that served a fetch and wait for the next one. */
const idleWorkers: Array<{ worker: Worker; timer: NodeJS.Timeout }> = [];

/**
 * A new worker. Its module is the built JavaScript beside this module, or else the
 * TypeScript source, which the worker then compiles as the backend's development start
 * and its tests do.
 */
function startWorker(): Worker {
  const workerData = FOCUS_READ_WORKER;
  let built: string | undefined;
  try {
    built = require.resolve('./focusReadWorker.cjs.js');
  } catch {
    built = undefined;
  }
  if (built) {
    return new Worker(built, { workerData });
  }
  const source = require.resolve('./focusReadWorker');
  const transform = require.resolve('@backstage/cli/config/nodeTransform.cjs');
  return new Worker(
    `require(${JSON.stringify(transform)});\nrequire(${JSON.stringify(
      source,
    )});`,
    { eval: true, workerData },
  );
}

/** An idle worker, or a new one. */
function acquireWorker(): { worker: Worker; started: boolean } {
  const idle = idleWorkers.pop();
  if (!idle) {
    return { worker: startWorker(), started: true };
  }
  clearTimeout(idle.timer);
  idle.worker.ref();
  return { worker: idle.worker, started: false };
}

/** Keeps a worker for the next fetch for a while, without keeping the process alive. */
function releaseWorker(worker: Worker) {
  worker.unref();
  const entry = {
    worker,
    timer: setTimeout(() => {
      idleWorkers.splice(idleWorkers.indexOf(entry), 1);
      worker.terminate();
    }, IDLE_MS).unref(),
  };
  idleWorkers.push(entry);
}

/**
 * A worker thread reading the FOCUS exports of one fetch (see focusReadWorker): each
 * export's bytes go to it as they are read, a few chunks ahead, and its records come
 * back batch by batch, so that memory stays bounded whatever the export's size.
 */
export class FocusReadThread {
  private readonly replies: FocusReadReply[] = [];
  private arrived: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private failure: Error | undefined;
  /** Whether every request has been answered, so that the worker can serve again. */
  private settled = false;
  private readonly decoder = new FocusRecordDecoder();
  /** Memory shared with the worker, through which chunks go without a copy each. */
  private readonly slots = Array.from(
    { length: CHUNKS_IN_FLIGHT + 1 },
    () => new Uint8Array(new SharedArrayBuffer(SLOT_BYTES)),
  );
  private nextSlot = 0;
  private readonly onMessage = (reply: FocusReadReply) => {
    this.replies.push(reply);
    this.wake();
  };
  private readonly onError = (error: unknown) => this.fail(toError(error));
  private readonly onExit = (code: number) =>
    this.fail(new Error(`The FOCUS reading thread exited with ${code}`));

  private constructor(private readonly worker: Worker) {
    worker.on('message', this.onMessage);
    worker.on('error', this.onError);
    worker.on('exit', this.onExit);
  }

  /**
   * A thread ready to read: where a worker has to start, exports are opened only once
   * it has, so that no connection is held open meanwhile.
   */
  static async start(options: FocusReadOptions): Promise<FocusReadThread> {
    const { worker, started } = acquireWorker();
    const thread = new FocusReadThread(worker);
    try {
      thread.send({ type: 'begin', options, answer: started });
      if (started) {
        await thread.reply('ready');
      }
    } catch (error) {
      await thread.close();
      throw error;
    }
    return thread;
  }

  /**
   * Yields the records of the export as the thread answers them, as soon as they are
   * there; answers what became of its rows. Throws InputError where the export cannot
   * be read.
   */
  async *read(
    input: FocusInput,
    signal: AbortSignal,
  ): AsyncGenerator<CostRecord[], FocusExportSummary> {
    this.send({ type: 'open', name: input.name });
    // From a new turn of the event loop: a kept-alive connection that the server has
    // closed meanwhile is then seen closed, and not reused for the request.
    await new Promise(resolve => setTimeout(resolve, 0));
    const bytes = await input.open(signal);
    /** The read under way, into the slot it fills. */
    let reading: { slot: Uint8Array; length: Promise<number> } | undefined;
    let inFlight = 0;
    try {
      for (;;) {
        if (inFlight >= CHUNKS_IN_FLIGHT) {
          inFlight -= 1;
          yield await this.records();
          continue;
        }
        if (!reading) {
          const slot = this.takeSlot();
          reading = { slot, length: bytes.readInto(slot) };
        }
        if (inFlight > 0) {
          // Which comes first only: a failed read is thrown where it is awaited below,
          // and a race it lost is not left to reject unhandled.
          const first = await Promise.race([
            reading.length.then(
              () => 'chunk',
              () => 'chunk',
            ),
            this.arrival().then(() => 'reply'),
          ]);
          if (first === 'reply') {
            inFlight -= 1;
            yield await this.records();
            continue;
          }
        }
        const { slot, length } = reading;
        reading = undefined;
        const read = await length;
        if (read === 0) {
          break;
        }
        this.send({ type: 'chunk', bytes: slot.subarray(0, read) });
        inFlight += 1;
      }
    } finally {
      // A read under way ends before the export is closed.
      await reading?.length.catch(() => {});
      await bytes.close();
    }
    this.send({ type: 'end' });
    for (; inFlight >= 0; inFlight--) {
      yield await this.records();
    }
    const ended = await this.reply('ended');
    return { tally: ended.tally, invalidRows: ended.invalidRows };
  }

  /** The entity tags that named no entity of the catalog, over every export. */
  async finish(): Promise<{ count: number; examples: string[] }> {
    this.send({ type: 'finish' });
    const { unmatched } = await this.reply('finished');
    this.settled = true;
    return unmatched;
  }

  /** Lets the worker serve another fetch, or ends it when it may still be busy. */
  async close(): Promise<void> {
    this.worker.off('message', this.onMessage);
    this.worker.off('error', this.onError);
    this.worker.off('exit', this.onExit);
    if (this.settled && !this.failure) {
      releaseWorker(this.worker);
    } else {
      await this.worker.terminate();
    }
  }

  /**
   * The next slot of memory shared with the worker, which is free again: there are
   * more slots than chunks in flight, and a slot is filled only while fewer are.
   */
  private takeSlot(): Uint8Array {
    const slot = this.slots[this.nextSlot];
    this.nextSlot = (this.nextSlot + 1) % this.slots.length;
    return slot;
  }

  private send(request: FocusReadRequest, transfer: ArrayBuffer[] = []) {
    if (this.failure) {
      throw this.failure;
    }
    this.worker.postMessage(request, transfer);
  }

  private async records(): Promise<CostRecord[]> {
    return this.decoder.decode((await this.reply('records')).batch);
  }

  /** Resolves when a reply is there, or the thread has failed. */
  private arrival(): Promise<void> {
    if (this.replies.length > 0 || this.failure) {
      return Promise.resolve();
    }
    this.arrived ??= new Promise<void>(resolve => {
      this.wakeUp = resolve;
    });
    return this.arrived;
  }

  private async reply<T extends FocusReadReply['type']>(
    type: T,
  ): Promise<Extract<FocusReadReply, { type: T }>> {
    while (this.replies.length === 0 && !this.failure) {
      await this.arrival();
    }
    if (this.failure) {
      throw this.failure;
    }
    const reply = this.replies.shift()!;
    if (reply.type === 'failed') {
      this.failure = reply.inputError
        ? new InputError(reply.message)
        : new Error(reply.message);
      throw this.failure;
    }
    if (reply.type !== type) {
      throw new Error(
        `Expected ${type} from the FOCUS reading thread, got ${reply.type}`,
      );
    }
    return reply as Extract<FocusReadReply, { type: T }>;
  }

  private fail(error: Error) {
    this.failure ??= error;
    this.wake();
  }

  private wake() {
    const wakeUp = this.wakeUp;
    this.arrived = undefined;
    this.wakeUp = undefined;
    wakeUp?.();
  }
}
