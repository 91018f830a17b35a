import {
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CostRecord, DayWindow } from '@tollgate/plugin-finops-common';
import { PriceBook } from './PriceBook';

/**
 * A non-monetary daily measurement of an entity: request counts, latency quantiles,
 * error rates, upstream pressure, outcome counts. Kept beside cost records so that
 * scorecards and cost-per-request figures can use them.
 *
 * @public
 */
export interface UsageMetric {
  /** The UTC day, YYYY-MM-DD. */
  day: string;
  entityRef: string;
  /** Such as `http.requests`, `http.latency.p95`, `upstream.throttled`. */
  metric: string;
  /** Breakdown labels such as `{ status: '429', host: 'api.openai.com' }`. */
  labels?: Record<string, string>;
  value: number;
}

/**
 * What a source yields while it fetches a window: cost records and, optionally, usage
 * metrics. Everything yielded for a window replaces what the same source stored for
 * that window before.
 *
 * @public
 */
export type CostSourceItem =
  | { type: 'cost'; record: CostRecord }
  | { type: 'metric'; metric: UsageMetric };

/** What the backend lends a source while it fetches. @public */
export interface CostSourceFetchContext {
  /** Aborted when the run times out or the backend shuts down. */
  signal: AbortSignal;
  logger: LoggerService;
  /** The catalog's entities, loaded once per run with the backend's own credentials. */
  entities(): Promise<Entity[]>;
  /** Prices model tokens, requests and API operations. */
  priceBook: PriceBook;
}

/** How and when the backend runs a source. @public */
export interface CostSourceSchedule {
  /** How often it runs; defaults to every hour. */
  frequency?: SchedulerServiceTaskScheduleDefinition['frequency'];
  initialDelay?: SchedulerServiceTaskScheduleDefinition['initialDelay'];
  /** How long one run may take; defaults to 10 minutes. */
  timeout?: SchedulerServiceTaskScheduleDefinition['timeout'];
  /** How many days before today each scheduled run fetches again; defaults to 2. */
  lookbackDays?: number;
  /** How many days the first run fetches when the source has no data; defaults to 30. */
  backfillDays?: number;
  /** How many days one fetch covers; defaults to 1. */
  windowDays?: number;
}

/**
 * What a source's figures are, for counting spend once where sources overlap: an
 * `invoice` (a billing export), a vendor's `vendor-api` (usage or cost API), or
 * `telemetry` (metrics priced by the price book, allocation estimates). Where sources
 * of different kinds have spend of the same entity, provider and day, the day counts
 * the kind that `tollgate.metering.precedence` ranks highest (by default invoice, then
 * vendor-api, then telemetry, then usage metered as it is reported).
 *
 * @public
 */
export type CostAuthority = 'invoice' | 'vendor-api' | 'telemetry';

/**
 * A source of cost data: OpenCost, Prometheus, FOCUS exports, or any other that a
 * backend module adds through the cost sources extension point.
 *
 * A source fetches one window of UTC days at a time and yields what it found. The
 * backend stores the window atomically: if fetch throws, nothing of that window is
 * written and earlier data stays.
 *
 * @public
 */
export interface CostSource {
  /** Unique among sources, stable across restarts: `opencost:prod-eu`. */
  readonly id: string;
  /** The kind of source: `opencost`, `prometheus`, `focus`. */
  readonly type: string;
  readonly schedule?: CostSourceSchedule;
  /**
   * Whether a window for which the source yields no cost record replaces the spend
   * stored for it. By default it does not: an export with a header and no rows, or an
   * API that answered nothing, leaves the earlier data and fails the run.
   */
  readonly allowEmptyWindows?: boolean;
  /** What its figures are; `invoice` when not said. */
  readonly authority?: CostAuthority;
  fetch(
    window: DayWindow,
    context: CostSourceFetchContext,
  ): AsyncIterable<CostSourceItem>;
  /**
   * What `fetch` yields, in arrays: a source that reads many records at once (such as
   * an export file) may offer it, and the backend then stores each array at once
   * rather than awaiting item after item.
   */
  fetchBatches?(
    window: DayWindow,
    context: CostSourceFetchContext,
  ): AsyncIterable<CostSourceItem[]>;
}
