import {
  BudgetStatus,
  budgetScopeKey,
  divideRounded,
  microsToNumber,
  parseMicros,
} from '@tollgate/plugin-finops-common';
import { BudgetSnapshot } from '../budgets/BudgetSnapshot';
import { GaugeReading, costLabels } from './GaugeReading';

/** Utilization is exported with six decimals, rounded half to even. */
const RATIO_SCALE = 1_000_000n;

/** The values of the budget gauges at one snapshot. */
export interface BudgetReadings {
  /** Spent in the current period to date, in the budget's currency. */
  spend: GaugeReading[];
  /** Spent over the budget's amount: 0.95 for 95 of 100. */
  utilization: GaugeReading[];
}

/**
 * The budget gauges of a snapshot: one reading per budget in force. Money stays in
 * exact micro-units until the reading itself, the only place it becomes a float.
 *
 * An entity budget is read only while its entity is in the catalog: a budget made
 * through the API for an entity removed since is still listed by the API, but no series
 * is exported for an entity that no longer exists.
 */
export function budgetReadings(snapshot: BudgetSnapshot): BudgetReadings {
  const readings: BudgetReadings = { spend: [], utilization: [] };
  for (const status of snapshot.statuses) {
    const attributes = budgetAttributes(status, snapshot);
    const spentMicros = parseMicros(status.spent);
    const amountMicros = parseMicros(status.budget.amount);
    if (
      !attributes ||
      spentMicros === undefined ||
      amountMicros === undefined
    ) {
      continue;
    }
    readings.spend.push({ value: microsToNumber(spentMicros), attributes });
    if (amountMicros > 0n) {
      readings.utilization.push({
        value: ratio(spentMicros, amountMicros),
        attributes,
      });
    }
  }
  return readings;
}

/**
 * `scope` says what the budget covers. An entity budget carries its entity and the
 * entity's team and cost center; a team budget only its team and a cost-center budget
 * only its cost center, since a team's spend may fall in several cost centers.
 */
function budgetAttributes(
  status: BudgetStatus,
  snapshot: BudgetSnapshot,
): Record<string, string> | undefined {
  const { budget } = status;
  const terms = {
    currency: budget.currency,
    period: budget.period,
    enforcement: budget.enforcement,
  };
  const { kind, value } = budgetScopeKey(budget.scope);
  if (kind === 'entity') {
    const entity = snapshot.entity(value);
    if (!entity) {
      return undefined;
    }
    return {
      scope: 'entity',
      entity: entity.entityRef,
      ...costLabels(entity),
      ...terms,
    };
  }
  if (kind === 'team') {
    return { scope: 'team', ...costLabels({ team: value }), ...terms };
  }
  return {
    scope: 'cost_center',
    ...costLabels({ costCenter: value }),
    ...terms,
  };
}

function ratio(part: bigint, whole: bigint): number {
  return Number(divideRounded(part * RATIO_SCALE, whole)) / Number(RATIO_SCALE);
}
