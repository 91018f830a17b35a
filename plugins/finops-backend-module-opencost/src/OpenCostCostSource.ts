import {
  CostSource,
  CostSourceFetchContext,
  CostSourceItem,
  CostSourceSchedule,
  UsageMetric,
} from '@tollgate/plugin-finops-node';
import {
  DayWindow,
  addDays,
  formatMicros,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import { OpenCostClient } from './client/OpenCostClient';
import { OpenCostSourceConfig } from './config/OpenCostSourceConfig';
import { EntityAllocationMatcher } from './matching/EntityAllocationMatcher';
import { isIdleAllocation } from './matching/allocationNames';
import { WORKLOAD_AGGREGATE } from './matching/workloads';
import { workloadLabelMetrics } from './labels/workloadLabelMetrics';
import { allocationToRecords } from './records/allocationToRecords';
import { daysInWindow } from './records/daysInWindow';

/**
 * Kubernetes cost from OpenCost or Kubecost allocations: one request per UTC day,
 * aggregated by a label, each allocation attributed to the catalog entity whose
 * `backstage.io/kubernetes-id` or `backstage.io/kubernetes-label-selector` it
 * matches, and split into one record per resource. Allocations that match no entity,
 * `__unallocated__`, and `__idle__` (unless `idle` is `ignore`) are kept as
 * unallocated spend. For the last `workloadLabelDays` days it also reads each
 * workload's labels (`aggregate=cluster,namespace,controller`) and yields them as
 * usage metrics of the entity the workload's cost goes to, for the label drift check.
 *
 * @public
 */
export class OpenCostCostSource implements CostSource {
  readonly id: string;
  readonly type = 'opencost';
  readonly authority = 'telemetry';
  readonly schedule: CostSourceSchedule;
  private readonly client: OpenCostClient;

  private constructor(private readonly config: OpenCostSourceConfig) {
    this.id = `opencost:${config.id}`;
    this.schedule = config.schedule;
    this.client = new OpenCostClient(config);
  }

  static fromConfig(config: OpenCostSourceConfig): OpenCostCostSource {
    return new OpenCostCostSource(config);
  }

  async *fetch(
    window: DayWindow,
    context: CostSourceFetchContext,
  ): AsyncIterable<CostSourceItem> {
    const days = daysInWindow(window);
    const { aggregate, cluster, currency, idle, workloadLabelDays } =
      this.config;
    // days before this one get no workload labels; with 0 days, none do
    const firstLabelDay =
      workloadLabelDays > 0
        ? addDays(todayUtc(), 1 - workloadLabelDays)
        : '9999-12-31';
    const matcher = EntityAllocationMatcher.fromEntities(
      await context.entities(),
      { aggregate, logger: context.logger },
    );

    for (const day of days) {
      const sets = await this.client.fetchDay(day, context.signal);
      let attributed = 0;
      let unallocated = 0;
      let ignoredIdle = 0;
      for (const allocation of sets.flat()) {
        const idleAllocation = isIdleAllocation(allocation.name);
        if (idleAllocation && idle === 'ignore') {
          ignoredIdle += 1;
          continue;
        }
        const entityRef = idleAllocation
          ? undefined
          : matcher.match(allocation);
        const { records, differenceMicros } = allocationToRecords(allocation, {
          day,
          entityRef,
          cluster,
          currency,
        });
        if (differenceMicros !== 0n) {
          context.logger.debug(
            `${this.id}: resource costs of allocation "${
              allocation.name
            }" on ${day} differ from its totalCost by ${formatMicros(
              differenceMicros,
            )} ${currency}; recorded as resource "other"`,
          );
        }
        if (entityRef) {
          attributed += 1;
        } else {
          unallocated += 1;
        }
        for (const record of records) {
          yield { type: 'cost', record };
        }
      }
      context.logger.debug(
        `${
          this.id
        }: ${day}: ${attributed} allocations attributed to entities, ${unallocated} kept as unallocated${
          ignoredIdle ? `, ${ignoredIdle} idle left out` : ''
        }`,
      );
      if (day >= firstLabelDay) {
        for (const metric of await this.workloadLabels(day, matcher, context)) {
          yield { type: 'metric', metric };
        }
      }
    }
  }

  /**
   * The labels of the workloads OpenCost saw on a day, one metric per entity and
   * workload. Label drift is secondary to cost: when OpenCost cannot answer, the
   * day's cost is still stored and the problem is logged.
   */
  private async workloadLabels(
    day: string,
    matcher: EntityAllocationMatcher,
    context: CostSourceFetchContext,
  ): Promise<UsageMetric[]> {
    try {
      const sets = await this.client.fetchDay(day, context.signal, {
        aggregate: WORKLOAD_AGGREGATE,
        idle: 'ignore',
      });
      return workloadLabelMetrics(sets.flat(), {
        day,
        matcher,
        cluster: this.config.cluster,
      });
    } catch (error) {
      if (context.signal.aborted) {
        throw error;
      }
      context.logger.warn(
        `${this.id}: could not read workload labels for ${day}, so label drift for that day is unknown: ${error}`,
      );
      return [];
    }
  }
}
