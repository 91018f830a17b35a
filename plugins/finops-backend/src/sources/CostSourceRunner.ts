import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError, stringifyError } from '@backstage/errors';
import {
  DayWindow,
  splitWindow,
  todayUtc,
  windowLength,
} from '@tollgate/plugin-finops-common';
import {
  CostSource,
  CostSourceItem,
  PriceBook,
} from '@tollgate/plugin-finops-node';
import { CostStore } from '../costs/store/CostStore';
import { SourceRun, SourceRunStore } from './SourceRunStore';
import { attributeBatches } from './attributeItems';
import { CostedCatalog } from '../entities/CostedCatalog';

export interface RetryPolicy {
  /** Attempts per window, the first included. */
  attempts: number;
  /** Delay before the second attempt; each later one doubles it. */
  initialDelayMs: number;
  /** Time one fetch of a part of a run's window (`windowDays` days) may take. */
  windowTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 3,
  initialDelayMs: 2_000,
  windowTimeoutMs: 5 * 60_000,
};

/** What one run's fetches and writes share. */
interface RunContext {
  catalog: () => Promise<CostedCatalog>;
  retry: RetryPolicy;
  logger: LoggerService;
  signal?: AbortSignal;
}

/**
 * Runs one cost source over a window of days, fetched in parts of the source's
 * `windowDays` and stored atomically as one window, retried with exponential backoff.
 * A run that still fails ends as failed and leaves the window's earlier data as it
 * was, however far it had got.
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
    let costedCatalog: Promise<CostedCatalog> | undefined;
    const catalog = () =>
      (costedCatalog ??= this.options.loadEntities().then(CostedCatalog.of));
    const parts = splitWindow(window, source.schedule?.windowDays ?? 1);
    /** The part being fetched, which an error names. */
    const at = { part: parts[0] };
    let error: string | undefined;
    try {
      const records = await this.storeRun(source, window, parts, at, {
        catalog,
        retry,
        logger,
        signal,
      });
      await this.options.runStore.recordProgress(
        run.id,
        windowLength(window),
        records,
      );
    } catch (e) {
      const cause = signal?.aborted ? signal.reason : e;
      error = `${at.part.from}..${at.part.to}: ${
        cause instanceof Error ? cause.message : stringifyError(cause)
      }`;
      logger.error(`Ingestion of ${source.id} failed for ${error}`);
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

  /**
   * Stores the run's whole window in one transaction, fetching it part by part: the
   * window is wholly replaced or wholly kept, never left with days of two exports.
   * A failure retries the whole window with exponential backoff.
   */
  private async storeRun(
    source: CostSource,
    window: DayWindow,
    parts: DayWindow[],
    at: { part: DayWindow },
    context: RunContext,
  ): Promise<number> {
    const { catalog, retry, logger, signal } = context;
    // The catalog is read before the window's transaction opens: on a single-connection
    // database (SQLite) a catalog or token request inside it would wait for itself.
    await catalog();
    for (let attempt = 1; ; attempt++) {
      try {
        const { records } = await this.options.costStore.replaceWindow(
          source.id,
          window,
          attributeBatches(
            this.fetchParts(source, parts, at, context),
            catalog,
          ),
          { allowEmpty: source.allowEmptyWindows },
        );
        return records;
      } catch (e) {
        if (attempt >= retry.attempts || signal?.aborted) {
          throw e;
        }
        const delay = retry.initialDelayMs * 2 ** (attempt - 1);
        logger.warn(
          `Attempt ${attempt} of ${retry.attempts} for ${window.from}..${
            window.to
          } failed at ${at.part.from}..${
            at.part.to
          }, retrying in ${delay} ms: ${stringifyError(e)}`,
        );
        await sleep(delay, signal);
      }
    }
  }

  /**
   * What the source yields for each part in turn, each fetch within its own timeout;
   * in arrays where the source offers them.
   */
  private async *fetchParts(
    source: CostSource,
    parts: DayWindow[],
    at: { part: DayWindow },
    context: RunContext,
  ): AsyncIterable<CostSourceItem | CostSourceItem[]> {
    const { catalog, retry, logger } = context;
    for (const part of parts) {
      at.part = part;
      const signal = AbortSignal.any([
        AbortSignal.timeout(retry.windowTimeoutMs),
        ...(context.signal ? [context.signal] : []),
      ]);
      const fetchContext = {
        signal,
        logger,
        entities: async () => (await catalog()).catalogEntities,
        priceBook: this.options.priceBook,
      };
      yield* source.fetchBatches
        ? source.fetchBatches(part, fetchContext)
        : source.fetch(part, fetchContext);
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
