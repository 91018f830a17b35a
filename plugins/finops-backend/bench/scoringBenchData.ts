import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_BUDGET,
  ANNOTATION_COST_CENTER,
  ANNOTATION_LATENCY_SLO,
  ANNOTATION_TEAM,
  BudgetInput,
  CostRecord,
  DEFAULT_BUDGET_THRESHOLDS,
  DayWindow,
  addDays,
  enumerateDays,
} from '@tollgate/plugin-finops-common';
import { StoredItem } from '../src/costs/store/CostStore';

/** Capabilities per team and per cost center. */
const PER_TEAM = 100;
const PER_COST_CENTER = 500;

/** The sources the data is stored under, as separate ingestions would. */
export const SCORING_BENCH_SOURCES = [
  'ai-providers',
  'saas-apis',
  'otel',
] as const;
type Source = (typeof SCORING_BENCH_SOURCES)[number];

/** A deterministic value in [0, 1) for an entity and a salt. */
function noise(i: number, salt: number) {
  return (((i + 1) * 7919 + salt * 104729) % 1000) / 1000;
}

/**
 * The scoring benchmark's data: `count` components (capabilities and services) in teams
 * of 100 and cost centers of 500, nine in ten with a cost-center label, one in ten with
 * its own budget, half with a latency objective, three in four in production; AI token
 * spend (input, cache-read and output tokens, some on a second provider) for three in
 * five and SaaS API spend for the others, plus spend of each team that no entity
 * carries; and daily usage metrics: served requests by status, p95 latency, upstream
 * calls and business outcomes. Spend and requests grow or shrink by entity over time.
 */
export class ScoringBenchData {
  readonly teams: number;

  constructor(readonly count: number, readonly today: string) {
    this.teams = Math.ceil(count / PER_TEAM);
  }

  static entityRef(i: number): string {
    return `component:default/capability-${i}`;
  }

  private static team(i: number) {
    return `team-${Math.floor(i / PER_TEAM)}`;
  }

  private static costCenter(i: number) {
    return i % 10 === 9 ? undefined : `cc-${Math.floor(i / PER_COST_CENTER)}`;
  }

  private static usesAi(i: number) {
    return i % 5 < 3;
  }

  entities(): Entity[] {
    return Array.from({ length: this.count }, (_, i) => {
      const team = ScoringBenchData.team(i);
      const costCenter = ScoringBenchData.costCenter(i);
      return {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: `capability-${i}`,
          namespace: 'default',
          annotations: {
            [ANNOTATION_TEAM]: team,
            ...(costCenter ? { [ANNOTATION_COST_CENTER]: costCenter } : {}),
            ...(i % 10 === 0 ? { [ANNOTATION_BUDGET]: '300 USD/month' } : {}),
            ...(i % 2 === 0 ? { [ANNOTATION_LATENCY_SLO]: '800ms' } : {}),
          },
        },
        spec: {
          type: i % 4 === 0 ? 'service' : 'capability',
          lifecycle: i % 4 === 3 ? 'experimental' : 'production',
          owner: `group:default/${team}`,
        },
        relations: [{ type: 'ownedBy', targetRef: `group:default/${team}` }],
      };
    });
  }

  /** Every team's budget, made through the API. */
  apiBudgets(): BudgetInput[] {
    return Array.from({ length: this.teams }, (_, t) => ({
      scope: { team: `team-${t}` },
      amountMicros: BigInt(PER_TEAM * 250) * 1_000_000n,
      currency: 'USD',
      period: 'month',
      thresholds: [...DEFAULT_BUDGET_THRESHOLDS],
      enforcement: 'advisory',
    }));
  }

  /** The days data is stored on: `days` up to today. */
  window(days: number): DayWindow {
    return { from: addDays(this.today, 1 - days), to: this.today };
  }

  /** What one source stores for the days of a window. */
  async *items(source: Source, window: DayWindow): AsyncIterable<StoredItem> {
    for (const day of enumerateDays(window)) {
      // From about 0.5 ninety days ago to 1 today, steeper for some entities.
      const age = (Date.parse(this.today) - Date.parse(day)) / 86_400_000;
      for (let i = 0; i < this.count; i++) {
        const trend = 1 - (age / 180) * (0.5 + noise(i, 1));
        if (source === 'otel') {
          yield* this.metrics(i, day, trend);
        } else if (source === 'ai-providers' && ScoringBenchData.usesAi(i)) {
          yield* this.tokenSpend(i, day, trend);
        } else if (source === 'saas-apis' && !ScoringBenchData.usesAi(i)) {
          yield this.cost(i, day, {
            provider: 'algolia',
            service: 'Algolia Search',
            dimensionKind: 'operation',
            dimension: 'search',
            quantity: BigInt(Math.round(2000 * trend)) * 1_000_000n,
            unit: 'requests',
            billedCostMicros: BigInt(Math.round(1_500_000 * trend)),
          });
        }
      }
      if (source === 'ai-providers') {
        for (let t = 0; t < this.teams; t++) {
          yield {
            type: 'cost',
            record: {
              day,
              team: `team-${t}`,
              provider: 'openai',
              service: 'OpenAI API',
              model: 'gpt-4o-mini',
              dimensionKind: 'tokenType',
              dimension: 'output',
              billedCostMicros: 20_000_000n,
              currency: 'USD',
            },
          };
        }
      }
    }
  }

  private cost(
    i: number,
    day: string,
    record: Omit<CostRecord, 'day' | 'currency'>,
  ): StoredItem {
    return {
      type: 'cost',
      record: {
        day,
        entityRef: ScoringBenchData.entityRef(i),
        team: ScoringBenchData.team(i),
        costCenter: ScoringBenchData.costCenter(i),
        currency: 'USD',
        ...record,
      },
    };
  }

  private *tokenSpend(i: number, day: string, trend: number) {
    const cached = noise(i, 2);
    const tokens = (millions: number) =>
      BigInt(Math.round(millions * trend * 1e6)) * 1_000_000n;
    const micros = (usd: number) => BigInt(Math.round(usd * trend * 1e6));
    const openai = {
      provider: 'openai',
      service: 'OpenAI API',
      model: 'gpt-4o',
      dimensionKind: 'tokenType' as const,
      unit: 'tokens',
    };
    yield this.cost(i, day, {
      ...openai,
      dimension: 'input',
      quantity: tokens(2 * (1 - cached)),
      billedCostMicros: micros(5 * (1 - cached)),
    });
    yield this.cost(i, day, {
      ...openai,
      dimension: 'cache-read',
      quantity: tokens(2 * cached),
      billedCostMicros: micros(2.5 * cached),
    });
    yield this.cost(i, day, {
      ...openai,
      dimension: 'output',
      quantity: tokens(0.5),
      billedCostMicros: micros(5),
    });
    if (i % 3 === 0) {
      yield this.cost(i, day, {
        provider: 'anthropic',
        service: 'Anthropic API',
        model: 'claude-sonnet-4',
        dimensionKind: 'tokenType',
        dimension: 'output',
        quantity: tokens(0.2),
        unit: 'tokens',
        billedCostMicros: micros(3 * noise(i, 3)),
      });
    }
  }

  private *metrics(i: number, day: string, trend: number) {
    const entityRef = ScoringBenchData.entityRef(i);
    const metric = (
      name: string,
      value: number,
      labels?: Record<string, string>,
    ): StoredItem => ({
      type: 'metric',
      metric: {
        day,
        entityRef,
        metric: name,
        value,
        ...(labels ? { labels } : {}),
      },
    });
    const requests = Math.round(20_000 * trend * (0.5 + noise(i, 4)));
    const errors = Math.round(requests * 0.02 * noise(i, 5));
    yield metric('http.requests', requests - errors, { status: '200' });
    yield metric('http.requests', errors, { status: '500' });
    if (i % 2 === 0) {
      yield metric('http.latency.p95', 0.5 + noise(i, 6) * (1.5 - trend));
    }
    if (ScoringBenchData.usesAi(i)) {
      yield metric('upstream.requests', requests, {
        host: 'api.openai.com',
        status: '200',
      });
      if (i % 7 === 0) {
        yield metric('upstream.requests', Math.round(requests * 0.03), {
          host: 'api.openai.com',
          status: '429',
        });
      }
    }
    if (i % 4 === 0) {
      yield metric('outcomes', Math.round(requests / 40));
    }
  }
}
