import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_BUDGET,
  ANNOTATION_BUDGET_ENFORCEMENT,
  ANNOTATION_COST_CENTER,
  ANNOTATION_TEAM,
  BudgetInput,
  DEFAULT_BUDGET_THRESHOLDS,
  DayWindow,
  addDays,
  enumerateDays,
} from '@tollgate/plugin-finops-common';
import { StoredItem } from '../src/costs/store/CostStore';

/** Capabilities per team and per cost center. */
const PER_TEAM = 100;
const PER_COST_CENTER = 500;
/** Days of spend stored before today, within the month. */
const HISTORY_DAYS = 6;
const ENTITY_BUDGET_USD = 100;

/**
 * The guardrail benchmark's data: `count` capabilities, each with a budget of 100
 * USD/month (in a `tollgate.dev/budget` annotation, or for one in twenty a budget made
 * through the API), hard for even and advisory for odd ones, in teams of 100 and cost
 * centers of 500 with their own budgets; and spend from 0 to 110 percent of each
 * budget, so that the guardrail answers allow, warn and deny.
 */
export class GuardrailBenchData {
  readonly teams: number;
  readonly costCenters: number;

  constructor(readonly count: number) {
    this.teams = Math.ceil(count / PER_TEAM);
    this.costCenters = Math.ceil(count / PER_COST_CENTER);
  }

  /** Budgets in force: one per capability, team and cost center. */
  get budgets(): number {
    return this.count + this.teams + this.costCenters;
  }

  static entityRef(i: number): string {
    return `component:default/capability-${i}`;
  }

  private static team(i: number) {
    return `team-${Math.floor(i / PER_TEAM)}`;
  }

  private static costCenter(i: number) {
    return `cc-${Math.floor(i / PER_COST_CENTER)}`;
  }

  private static hasApiBudget(i: number) {
    return i % 20 === 0;
  }

  /** Spend to date as a share of the budget, spread from 0 to 1.1. */
  private static utilization(i: number) {
    return ((i * 7919) % 1100) / 1000;
  }

  entities(): Entity[] {
    return Array.from({ length: this.count }, (_, i) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `capability-${i}`,
        namespace: 'default',
        annotations: {
          [ANNOTATION_TEAM]: GuardrailBenchData.team(i),
          [ANNOTATION_COST_CENTER]: GuardrailBenchData.costCenter(i),
          ...(GuardrailBenchData.hasApiBudget(i)
            ? {}
            : {
                [ANNOTATION_BUDGET]: `${ENTITY_BUDGET_USD} USD/month`,
                [ANNOTATION_BUDGET_ENFORCEMENT]:
                  i % 2 === 0 ? 'hard' : 'advisory',
              }),
        },
      },
      spec: {
        type: 'capability',
        lifecycle: 'production',
        owner: `group:default/${GuardrailBenchData.team(i)}`,
      },
      relations: [
        {
          type: 'ownedBy',
          targetRef: `group:default/${GuardrailBenchData.team(i)}`,
        },
      ],
    }));
  }

  /** The budgets made through the API: some capabilities', every team's and cost center's. */
  apiBudgets(): BudgetInput[] {
    const budget = (
      scope: BudgetInput['scope'],
      usd: number,
      enforcement: BudgetInput['enforcement'],
    ): BudgetInput => ({
      scope,
      amountMicros: BigInt(usd) * 1_000_000n,
      currency: 'USD',
      period: 'month',
      thresholds: [...DEFAULT_BUDGET_THRESHOLDS],
      enforcement,
    });
    return [
      ...Array.from({ length: this.count }, (_, i) => i)
        .filter(GuardrailBenchData.hasApiBudget)
        .map(i =>
          budget(
            { entityRef: GuardrailBenchData.entityRef(i) },
            ENTITY_BUDGET_USD,
            'hard',
          ),
        ),
      ...Array.from({ length: this.teams }, (_, t) =>
        budget({ team: `team-${t}` }, PER_TEAM * 70, 'advisory'),
      ),
      ...Array.from({ length: this.costCenters }, (_, c) =>
        budget({ costCenter: `cc-${c}` }, PER_COST_CENTER * 120, 'hard'),
      ),
    ];
  }

  /** The days the spend is stored on: the last week up to today, within the month. */
  window(today: string): DayWindow {
    const weekAgo = addDays(today, -HISTORY_DAYS);
    const monthStart = `${today.slice(0, 8)}01`;
    return { from: weekAgo > monthStart ? weekAgo : monthStart, to: today };
  }

  /** Each capability's spend, the same every day of the window. */
  async *spend(window: DayWindow): AsyncIterable<StoredItem> {
    const days = enumerateDays(window);
    for (let i = 0; i < this.count; i++) {
      const micros = BigInt(
        Math.round(
          (GuardrailBenchData.utilization(i) * ENTITY_BUDGET_USD * 1e6) /
            days.length,
        ),
      );
      for (const day of days) {
        yield {
          type: 'cost',
          record: {
            day,
            entityRef: GuardrailBenchData.entityRef(i),
            team: GuardrailBenchData.team(i),
            costCenter: GuardrailBenchData.costCenter(i),
            provider: 'openai',
            service: 'OpenAI API',
            model: 'gpt-4o',
            dimensionKind: 'tokenType',
            dimension: 'output',
            billedCostMicros: micros,
            currency: 'USD',
          },
        };
      }
    }
  }
}
