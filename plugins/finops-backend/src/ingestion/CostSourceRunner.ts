import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError, stringifyError } from '@backstage/errors';
import {
  DayWindow,
  splitWindow,
  todayUtc,
  windowLength,
} from '@tollgate/plugin-finops-common';
import { CostSource, PriceBook } from '@tollgate/plugin-finops-node';
import { CostStore } from '../database/CostStore';
import { SourceRun, SourceRunStore } from '../database/SourceRunStore';
import { attributeItems } from './attributeItems';
import { EntityIndex } from './EntityIndex';

export interface RetryPolicy {
  /** Attempts per window, the first included. */
  attempts: number;
  /** Delay before the second attempt; each later one doubles it. */
  initialDelayMs: number;
  /** Time one window's fetch may take. */
  windowTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 3,
  initialDelayMs: 2_000,
  windowTimeoutMs: 5 * 60_000,
};

/**
 * Runs one cost source over a window of days: window by window, each stored
 * atomically, each retried with exponential backoff. A window that still fails ends
 * the run as failed and leaves that window's earlier data as it was.
 */
export class CostSourceRunner {
  private readonly listeners: Array<(run: SourceRun) => Promise<void> | void> =
    [];

  constructor(
    private readonly options: {
      costStore: CostStore;
      runStore: SourceRunStore;
      logger: LoggerService;
      priceBook: PriceBook;
      loadEntities: () => Promise<Entity[]>;
      retry?: Partial<RetryPolicy>;
      now?: () => Date;
    },
  ) {}

  /** Called after each run ends, whatever its outcome. */
  onRunFinished(listener: (run: SourceRun) => Promise<void> | void) {
    this.listeners.push(listener);
  }

  async run(
    source: CostSource,
    requested: DayWindow,
    trigger: SourceRun['trigger'],
    signal?: AbortSignal,
  ): Promise<SourceRun> {
    const retry = { ...DEFAULT_RETRY_POLICY, ...this.options.retry };
    const logger = this.options.logger.child({ source: source.id });
    const window = clipToToday(requested, this.options.now?.() ?? new Date());
    const run = await this.options.runStore.startRun({
      sourceId: source.id,
      trigger,
      window,
      daysTotal: windowLength(window),
    });
    let entityIndex: Promise<EntityIndex> | undefined;
    const index = () =>
      (entityIndex ??= this.options
        .loadEntities()
        .then(e => new EntityIndex(e)));
    let daysDone = 0;
    let records = 0;
    let error: string | undefined;
    for (const part of splitWindow(window, source.schedule?.windowDays ?? 1)) {
      try {
        const written = await this.storeWindow(
          source,
          part,
          index,
          retry,
          logger,
          signal,
        );
        records += written;
        daysDone += windowLength(part);
        await this.options.runStore.recordProgress(run.id, daysDone, records);
      } catch (e) {
        const cause = signal?.aborted ? signal.reason : e;
        error = `${part.from}..${part.to}: ${
          cause instanceof Error ? cause.message : stringifyError(cause)
        }`;
        logger.error(`Ingestion of ${source.id} failed for ${error}`);
        break;
      }
    }
    const finished = await this.options.runStore.finishRun(run.id, { error });
    for (const listener of this.listeners) {
      try {
        await listener(finished);
      } catch (e) {
        logger.error(`After-ingestion work failed: ${stringifyError(e)}`);
      }
    }
    return finished;
  }

  private async storeWindow(
    source: CostSource,
    window: DayWindow,
    index: () => Promise<EntityIndex>,
    retry: RetryPolicy,
    logger: LoggerService,
    outerSignal?: AbortSignal,
  ): Promise<number> {
    // The catalog is read before the window's transaction opens: on a single-connection
    // database (SQLite) a catalog or token request inside it would wait for itself.
    await index();
    for (let attempt = 1; ; attempt++) {
      const signal = AbortSignal.any([
        AbortSignal.timeout(retry.windowTimeoutMs),
        ...(outerSignal ? [outerSignal] : []),
      ]);
      try {
        const items = source.fetch(window, {
          signal,
          logger,
          entities: async () => (await index()).entities,
          priceBook: this.options.priceBook,
        });
        const { records } = await this.options.costStore.replaceWindow(
          source.id,
          window,
          attributeItems(items, index),
          { allowEmpty: source.allowEmptyWindows },
        );
        return records;
      } catch (e) {
        if (attempt >= retry.attempts || outerSignal?.aborted) {
          throw e;
        }
        const delay = retry.initialDelayMs * 2 ** (attempt - 1);
        logger.warn(
          `Attempt ${attempt} of ${retry.attempts} for ${window.from}..${
            window.to
          } failed, retrying in ${delay} ms: ${stringifyError(e)}`,
        );
        await sleep(delay, outerSignal);
      }
    }
  }
}

/**
 * The window without its days after today: no source has spend for them yet. Throws
 * InputError for a window that begins after today.
 */
export function clipToToday(window: DayWindow, now: Date): DayWindow {
  const today = todayUtc(now);
  if (window.from > today) {
    throw new InputError(
      `The window ${window.from}..${window.to} begins after today (${today}): sources have no spend for days to come`,
    );
  }
  return window.to > today ? { from: window.from, to: today } : window;
}

/** Waits, or less when the signal aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
