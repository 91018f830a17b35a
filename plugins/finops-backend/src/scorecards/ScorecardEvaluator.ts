import { LoggerService } from '@backstage/backend-plugin-api';
import {
  DayWindow,
  ScorecardDefinition,
  ScorecardValue,
  matchesScorecard,
  scoreScorecard,
} from '@tollgate/plugin-finops-common';
import {
  ScopeAllocation,
  ScorecardMetric,
  ScorecardMetricContext,
} from '@tollgate/plugin-finops-node';
import { BudgetSnapshot } from '../budgets/BudgetSnapshot';
import { CostedCatalog } from '../entities/CostedCatalog';
import { CostedEntity } from '../entities/CostedEntity';
import { entityRefKey } from '../entities/entityRefKey';
import { CostStore } from '../costs/store/CostStore';
import { BatchMetricData, BatchQuery } from './BatchMetricData';
import { batchBySpendRefs } from './batchBySpendRefs';
import { createMetricContext, EvaluationData } from './createMetricContext';
import { ScorecardStore, StoredScorecardResult } from './ScorecardStore';

/** Spend refs whose data one batch of an evaluation loads and holds at once. */
export const MAX_BATCH_REFS = 500;

/**
 * Evaluates every scorecard on every entity it applies to from the stored costs,
 * usage metrics, catalog and budget snapshot, and stores the results of the day.
 * Entities are scored in batches: each query the metrics ask for runs once per batch,
 * not once per entity (see BatchMetricData), and the next batch's queries run while
 * one is scored.
 */
export class ScorecardEvaluator {
  private readonly metrics: Map<string, ScorecardMetric>;

  constructor(
    private readonly options: {
      definitions: () => ScorecardDefinition[];
      metrics: ScorecardMetric[];
      costStore: CostStore;
      store: ScorecardStore;
      currency: string;
      logger: LoggerService;
      /** Spend refs per batch; MAX_BATCH_REFS by default. */
      maxBatchRefs?: number;
    },
  ) {
    this.metrics = new Map(options.metrics.map(m => [m.id, m]));
  }

  /** Scores all entities for the snapshot's day and stores the results. */
  async evaluate(budgets: BudgetSnapshot): Promise<StoredScorecardResult[]> {
    const definitions = this.options.definitions();
    if (definitions.length === 0) return [];
    // The catalog as the budget snapshot read it: no second read of the whole catalog.
    const catalog = CostedCatalog.of(budgets.catalogEntities);
    const asOf = budgets.asOf;
    const data: EvaluationData = {
      currency: this.options.currency,
      asOf,
      budgets,
      catalog,
      scopeAllocation: this.allocationLoader(asOf),
    };
    const scored = catalog.catalogEntities.flatMap((entity, index) => {
      const matching = definitions.filter(d =>
        matchesScorecard(d.filter, entity),
      );
      if (matching.length === 0) return [];
      const budgeted =
        budgets.entity(entityRefKey(entity)) ?? catalog.entities[index];
      return [{ entity, budgeted, matching }];
    });
    const batches = batchBySpendRefs(
      scored,
      this.options.maxBatchRefs ?? MAX_BATCH_REFS,
    );
    const dataOf = (index: number, prefetch?: BatchQuery[]) =>
      new BatchMetricData({
        costStore: this.options.costStore,
        currency: this.options.currency,
        entityRefs: batches[index].refs,
        prefetch,
      });
    const results: StoredScorecardResult[] = [];
    let plan: BatchQuery[] | undefined;
    let next: BatchMetricData | undefined;
    for (const [index, batch] of batches.entries()) {
      const metricData = next ?? dataOf(index, plan);
      // While this batch is scored, the next one loads what the previous one needed.
      next =
        plan && index + 1 < batches.length
          ? dataOf(index + 1, plan)
          : undefined;
      for (const { entity, budgeted, matching } of batch.items) {
        const context = createMetricContext(entity, budgeted, data, metricData);
        results.push(...(await this.score(context, budgeted, matching)));
      }
      plan = metricData.plan();
    }
    await this.options.store.save(results, new Date(budgets.takenAt));
    return results;
  }

  /** The results of the scorecards that apply to one entity. */
  private async score(
    context: ScorecardMetricContext,
    budgeted: CostedEntity,
    definitions: ScorecardDefinition[],
  ): Promise<StoredScorecardResult[]> {
    const values = new Map<string, Promise<ScorecardValue>>();
    const results: StoredScorecardResult[] = [];
    for (const definition of definitions) {
      const byCheck: Record<string, ScorecardValue> = {};
      for (const check of definition.checks) {
        let value = values.get(check.metric);
        if (!value) {
          value = this.compute(check.metric, context);
          values.set(check.metric, value);
        }
        byCheck[check.id] = await value;
      }
      results.push({
        result: scoreScorecard({
          definition,
          entityRef: budgeted.entityRef,
          day: context.asOf,
          values: byCheck,
        }),
        team: budgeted.team,
        costCenter: budgeted.costCenter,
      });
    }
    return results;
  }

  /** A metric's value; a metric that throws is logged and counts as missing data. */
  private async compute(
    metricId: string,
    context: ScorecardMetricContext,
  ): Promise<ScorecardValue> {
    const metric = this.metrics.get(metricId);
    if (!metric) return undefined;
    try {
      return await metric.compute(context);
    } catch (error) {
      this.options.logger.warn(
        `Scorecard metric ${metricId} failed for ${context.entityRef}: ${error}`,
      );
      return undefined;
    }
  }

  private allocationLoader(asOf: string): EvaluationData['scopeAllocation'] {
    const cache = new Map<string, Promise<Map<string, ScopeAllocation>>>();
    return (by, window: DayWindow) => {
      const key = `${by}:${window.from}..${window.to}:${asOf}`;
      let loaded = cache.get(key);
      if (!loaded) {
        loaded = this.options.costStore
          .scopeAllocation({ by, window, currency: this.options.currency })
          .then(
            rows =>
              new Map(rows.map(({ key: k, ...allocation }) => [k, allocation])),
          );
        cache.set(key, loaded);
      }
      return loaded;
    };
  }
}
