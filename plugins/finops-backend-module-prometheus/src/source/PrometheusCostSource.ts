import { DayWindow } from '@tollgate/plugin-finops-common';
import {
  CostSource,
  CostSourceFetchContext,
  CostSourceItem,
  CostSourceSchedule,
} from '@tollgate/plugin-finops-node';
import { ConsumedApiIndex } from '../catalog/ConsumedApiIndex';
import { resolveComponentTargets } from '../catalog/ComponentTarget';
import { PrometheusClient } from '../client/PrometheusClient';
import { collectClientCalls } from '../collectors/collectClientCalls';
import { collectOutcomes } from '../collectors/collectOutcomes';
import { collectServerMetrics } from '../collectors/collectServerMetrics';
import { collectTokenUsage } from '../collectors/collectTokenUsage';
import { PrometheusSourceConfig } from '../config/PrometheusSourceConfig';
import { FetchSession } from './FetchSession';
import { listDayEvaluations } from './dayEvaluations';

/** Options of a {@link PrometheusCostSource} besides its configuration. */
export interface PrometheusCostSourceOptions {
  /** Currency of unpriced records; the reporting currency. */
  currency: string;
  /** The clock; defaults to `Date.now`. */
  now?: () => number;
  fetch?: typeof fetch;
}

/**
 * A cost source reading one Prometheus server: per component and UTC day, request
 * and latency metrics, upstream pressure, outcomes, and the priced token usage and
 * API operation calls.
 */
export class PrometheusCostSource implements CostSource {
  readonly id: string;
  readonly type = 'prometheus';
  readonly authority = 'telemetry';
  readonly schedule: CostSourceSchedule;
  private readonly client: PrometheusClient;
  private readonly now: () => number;

  constructor(
    private readonly config: PrometheusSourceConfig,
    private readonly options: PrometheusCostSourceOptions,
  ) {
    this.id = `prometheus:${config.id}`;
    this.schedule = config.schedule;
    this.now = options.now ?? Date.now;
    this.client = new PrometheusClient({
      baseUrl: config.baseUrl,
      headers: config.headers,
      timeoutMs: config.timeoutMs,
      fetch: options.fetch,
    });
  }

  async *fetch(
    window: DayWindow,
    context: CostSourceFetchContext,
  ): AsyncIterable<CostSourceItem> {
    const days = listDayEvaluations(window, this.now());
    const entities = await context.entities();
    if (!entities.some(entity => entity.kind.toLowerCase() === 'component')) {
      // A catalog still loading after a restart: a run without components would count
      // as done and leave the backfill unread.
      throw new Error(
        `Prometheus source ${this.config.id}: the catalog holds no Component yet, so no metrics were read; the run is retried`,
      );
    }
    const targets = resolveComponentTargets(
      entities,
      this.config.defaultSelector,
      context.logger,
    );
    const apis = ConsumedApiIndex.fromEntities(entities);
    const session = new FetchSession(
      this.config,
      this.client,
      context.signal,
      context.logger,
      context.priceBook,
      this.options.currency,
    );
    try {
      for (const target of targets) {
        const consumedApis = apis.consumedBy(target.entity);
        for (const day of days) {
          context.signal.throwIfAborted();
          const entityDay = { target, day };
          const [server, client, tokens, outcomes] = await Promise.all([
            collectServerMetrics(session, entityDay),
            collectClientCalls(session, entityDay, consumedApis),
            collectTokenUsage(session, entityDay),
            collectOutcomes(session, entityDay),
          ]);
          for (const metric of [...server, ...client.metrics, ...outcomes]) {
            yield { type: 'metric', metric };
          }
          for (const record of [...tokens, ...client.costs]) {
            yield { type: 'cost', record };
          }
        }
      }
    } finally {
      session.cancel();
    }
  }
}
