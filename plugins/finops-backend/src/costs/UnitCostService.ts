import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_OUTCOME_QUERY,
  ANNOTATION_OUTCOME_UNIT,
  DayWindow,
  EntityUnitCostResponse,
  UnitCostComparison,
  enumerateDays,
  formatMicros,
  previousWindow,
} from '@tollgate/plugin-finops-common';
import { UsageMetric } from '@tollgate/plugin-finops-node';
import { CostStore } from './store/CostStore';
import { memo } from '../scorecards/memo';
import { relativeChange } from '../scorecards/metrics/metricWindows';
import { sumCostByDay } from '../scorecards/sumCostByDay';
import {
  UnitCostReader,
  costPerUnit,
  microsPerUnit,
  readUnitCostInputs,
} from '../scorecards/metrics/unitCost';

const OUTCOMES = 'outcomes';
const REQUESTS = 'http.requests';

/** The entity's outcome query and unit; null without a query. */
export function readOutcome(entity: Entity): EntityUnitCostResponse['outcome'] {
  const annotations = entity.metadata.annotations ?? {};
  const query = annotations[ANNOTATION_OUTCOME_QUERY]?.trim();
  const unit = annotations[ANNOTATION_OUTCOME_UNIT]?.trim();
  if (!query) {
    return null;
  }
  return unit ? { query, unit } : { query };
}

const text = (micros: bigint | undefined) =>
  micros === undefined ? null : formatMicros(micros);

/**
 * Assembles the answer of the entity unit cost route: spend per business outcome and
 * per 1,000 requests in a period, against the period before and day by day, computed
 * as the scorecard metrics compute them.
 */
export class UnitCostService {
  constructor(
    private readonly costStore: CostStore,
    private readonly currency: string,
  ) {}

  async entityUnitCost(options: {
    entity: Entity;
    entityRef: string;
    /** The entity and the entities whose spend and usage roll up into it. */
    entityRefs: string[];
    window: DayWindow;
  }): Promise<EntityUnitCostResponse> {
    const { window } = options;
    const reader = this.reader(options.entityRefs);
    const compare = async (metric: string, per: number) => {
      const [current, previous] = await Promise.all([
        readUnitCostInputs(reader, metric, window),
        readUnitCostInputs(reader, metric, previousWindow(window)),
      ]);
      const comparison: UnitCostComparison = {
        units: current.usage,
        previousUnits: previous.usage,
        cost: text(microsPerUnit(current, per)),
        previousCost: text(microsPerUnit(previous, per)),
        change:
          relativeChange(costPerUnit(current), costPerUnit(previous)) ?? null,
      };
      return { comparison, current, previous };
    };
    const [outcomes, requests, dailySpend, dailyOutcomes, dailyRequests] =
      await Promise.all([
        compare(OUTCOMES, 1),
        compare(REQUESTS, 1000),
        reader.dailySpend(window),
        reader.usage(OUTCOMES, window).then(usageByDay),
        reader.usage(REQUESTS, window).then(usageByDay),
      ]);
    return {
      entityRef: options.entityRef,
      from: window.from,
      to: window.to,
      currency: this.currency,
      outcome: readOutcome(options.entity),
      spend: formatMicros(outcomes.current.spendMicros),
      previousSpend: formatMicros(outcomes.previous.spendMicros),
      costPerOutcome: outcomes.comparison,
      costPer1kRequests: requests.comparison,
      daily: enumerateDays(window).map(day => {
        const spendMicros = dailySpend.get(day) ?? 0n;
        const dayOutcomes = dailyOutcomes.get(day) ?? 0;
        const dayRequests = dailyRequests.get(day) ?? 0;
        return {
          day,
          spend: formatMicros(spendMicros),
          outcomes: dayOutcomes,
          requests: dayRequests,
          costPerOutcome: text(
            microsPerUnit({ spendMicros, usage: dayOutcomes }),
          ),
          costPer1kRequests: text(
            microsPerUnit({ spendMicros, usage: dayRequests }, 1000),
          ),
        };
      }),
    };
  }

  /** The spend and usage of the entities, each query made once per request. */
  private reader(entityRefs: string[]): UnitCostReader {
    const { costStore, currency } = this;
    const cache = new Map<string, Promise<any>>();
    return {
      dailySpend: window =>
        memo(cache, `spend:${window.from}:${window.to}`, async () =>
          sumCostByDay(
            await costStore.entityDaily({
              entityRefs,
              window,
              groupBy: 'source',
              currency,
            }),
          ),
        ),
      usage: (metric, window) =>
        memo(cache, `usage:${metric}:${window.from}:${window.to}`, () =>
          costStore.usageMetrics({ entityRefs, window, metrics: [metric] }),
        ),
    };
  }
}

function usageByDay(metrics: UsageMetric[]): Map<string, number> {
  const byDay = new Map<string, number>();
  for (const m of metrics) {
    byDay.set(m.day, (byDay.get(m.day) ?? 0) + m.value);
  }
  return byDay;
}
