import { stringifyEntityRef } from '@backstage/catalog-model';
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
import { CostStore } from '../database/CostStore';
import { createMetricContext, EvaluationData } from './createMetricContext';
import { ScorecardStore, StoredScorecardResult } from './ScorecardStore';
import { toBudgetedEntity } from '../budgets/BudgetEvaluator';

/**
 * Evaluates every scorecard on every entity it applies to from the stored costs,
 * usage metrics, catalog and budget snapshot, and stores the results of the day.
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
    },
  ) {
    this.metrics = new Map(options.metrics.map(m => [m.id, m]));
  }

  /** Scores all entities for the snapshot's day and stores the results. */
  async evaluate(budgets: BudgetSnapshot): Promise<StoredScorecardResult[]> {
    const definitions = this.options.definitions();
    if (definitions.length === 0) return [];
    // The catalog as the budget snapshot read it: no second read of the whole catalog.
    const entities = budgets.catalogEntities;
    const asOf = budgets.asOf;
    const data: EvaluationData = {
      costStore: this.options.costStore,
      currency: this.options.currency,
      asOf,
      budgets,
      entitiesByRef: new Map(
        entities.map(e => [
          stringifyEntityRef(e).toLocaleLowerCase('en-US'),
          e,
        ]),
      ),
      scopeAllocation: this.allocationLoader(asOf),
    };
    const results: StoredScorecardResult[] = [];
    for (const entity of entities) {
      const matching = definitions.filter(d =>
        matchesScorecard(d.filter, entity),
      );
      if (matching.length === 0) continue;
      const budgeted =
        budgets.entity(stringifyEntityRef(entity)) ?? toBudgetedEntity(entity);
      const context = createMetricContext(entity, budgeted, data);
      const values = new Map<string, Promise<ScorecardValue>>();
      for (const definition of matching) {
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
            day: asOf,
            values: byCheck,
          }),
          team: budgeted.team,
          costCenter: budgeted.costCenter,
        });
      }
    }
    await this.options.store.save(results, new Date(budgets.takenAt));
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
