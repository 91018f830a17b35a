import { InputError } from '@backstage/errors';
import {
  COST_GROUP_BYS,
  CostChange,
  CostGroupBy,
  DayWindow,
  SUPPORTED_DAYS,
  formatMicros,
  isDay,
  parseMicros,
  previousWindow,
  rankCostChanges,
} from '@tollgate/plugin-finops-common';
import { CostStore } from '../costs/store/CostStore';

/** How many keys of each dimension the explanation lists. */
const KEYS_PER_DIMENSION = 5;

/** What changed most in one dimension. */
export interface DimensionChange {
  dimension: CostGroupBy;
  changes: CostChange[];
}

/** Why an entity's spend changed between two periods. */
export interface CostChangeExplanation {
  entityRef: string;
  currency: string;
  period: DayWindow;
  previousPeriod: DayWindow;
  total: string;
  previousTotal: string;
  change: string;
  /** The dimension and key whose change was largest; null when nothing changed. */
  movedMost: (CostChange & { dimension: CostGroupBy }) | null;
  /**
   * Every dimension that changed, the one whose top key moved most first; a dimension
   * with a single key (one source, one provider) explains nothing and comes last.
   */
  dimensions: DimensionChange[];
  summary: string;
}

/**
 * Compares an entity's spend in two periods along every dimension and names the
 * dimension and key that moved most. Each dimension's keys sum to the same totals.
 */
export async function explainCostChange(
  services: { costStore: CostStore; currency: string },
  options: {
    entityRef: string;
    entityRefs: string[];
    window: DayWindow;
    previous: { previousFrom?: string; previousTo?: string };
  },
): Promise<CostChangeExplanation> {
  const { costStore, currency } = services;
  const { window, entityRefs } = options;
  const earlier = readPreviousWindow(options.previous, window);
  const query = (w: DayWindow, groupBy: CostGroupBy) =>
    costStore.entityBreakdown({ entityRefs, window: w, groupBy, currency });
  const dimensions = await Promise.all(
    COST_GROUP_BYS.map(async dimension => {
      const [now, before] = await Promise.all([
        query(window, dimension),
        query(earlier, dimension),
      ]);
      const keys = new Map<string, { cost: bigint; previousCost: bigint }>();
      for (const item of now) {
        keys.set(item.key, { cost: item.costMicros, previousCost: 0n });
      }
      for (const item of before) {
        const entry = keys.get(item.key) ?? { cost: 0n, previousCost: 0n };
        entry.previousCost = item.costMicros;
        keys.set(item.key, entry);
      }
      const sum = (list: { costMicros: bigint }[]) =>
        list.reduce((total, item) => total + item.costMicros, 0n);
      return {
        dimension,
        keys: keys.size,
        total: sum(now),
        previousTotal: sum(before),
        changes: rankCostChanges(
          [...keys].map(([key, entry]) => ({
            key,
            cost: formatMicros(entry.cost),
            previousCost: formatMicros(entry.previousCost),
          })),
          KEYS_PER_DIMENSION,
        ),
      };
    }),
  );
  const changed = dimensions
    .filter(d => d.changes.length > 0)
    .sort(
      (a, b) =>
        Number(b.keys > 1) - Number(a.keys > 1) ||
        compareSizes(b.changes[0].change, a.changes[0].change) ||
        preference(a.dimension) - preference(b.dimension),
    );
  const { total, previousTotal } = dimensions[0];
  const top = changed[0];
  const movedMost = top
    ? { dimension: top.dimension, ...top.changes[0] }
    : null;
  return {
    entityRef: options.entityRef,
    currency,
    period: window,
    previousPeriod: earlier,
    total: formatMicros(total),
    previousTotal: formatMicros(previousTotal),
    change: formatMicros(total - previousTotal),
    movedMost,
    dimensions: changed.map(({ dimension, changes }) => ({
      dimension,
      changes,
    })),
    summary: describe(total - previousTotal, currency, movedMost),
  };
}

function readPreviousWindow(
  given: { previousFrom?: string; previousTo?: string },
  window: DayWindow,
): DayWindow {
  if (given.previousFrom === undefined && given.previousTo === undefined) {
    return previousWindow(window);
  }
  if (given.previousFrom === undefined || given.previousTo === undefined) {
    throw new InputError(
      'Input fields previousFrom and previousTo go together: give both, or neither for the period just before',
    );
  }
  for (const [name, value] of [
    ['previousFrom', given.previousFrom],
    ['previousTo', given.previousTo],
  ]) {
    if (!isDay(value)) {
      throw new InputError(
        `Input field ${name} has invalid value ${JSON.stringify(
          value,
        )}: expected a date YYYY-MM-DD from ${SUPPORTED_DAYS.from} to ${
          SUPPORTED_DAYS.to
        }`,
      );
    }
  }
  if (given.previousFrom > given.previousTo) {
    throw new InputError(
      `Input field previousFrom (${given.previousFrom}) must not be after previousTo (${given.previousTo})`,
    );
  }
  return { from: given.previousFrom, to: given.previousTo };
}

/** Compares the sizes of two changes given as decimal text, their signs ignored. */
function compareSizes(a: string, b: string): number {
  const size = (change: string) => {
    const micros = parseMicros(change) ?? 0n;
    return micros < 0n ? -micros : micros;
  };
  return Math.sign(Number(size(a) - size(b)));
}

/**
 * Between dimensions whose top keys moved alike, the one that says most comes first:
 * a model explains more than the provider that serves it.
 */
const EXPLAINING_ORDER: string[] = [
  'model',
  'tokenType',
  'operation',
  'resource',
  'agent',
  'session',
  'provider',
  'source',
];

function preference(dimension: string): number {
  const index = EXPLAINING_ORDER.indexOf(dimension);
  return index < 0 ? EXPLAINING_ORDER.length : index;
}

function describe(
  changeMicros: bigint,
  currency: string,
  movedMost: CostChangeExplanation['movedMost'],
): string {
  if (changeMicros === 0n && !movedMost) {
    return 'Spend did not change between the two periods.';
  }
  const directions = { '1': 'rose', '-1': 'fell', '0': 'stayed level' };
  const sign = String(
    Math.sign(Number(changeMicros)),
  ) as keyof typeof directions;
  const direction = directions[sign];
  const size = changeMicros < 0n ? -changeMicros : changeMicros;
  const amount = size ? ` by ${formatMicros(size)} ${currency}` : '';
  if (!movedMost) {
    return `Spend ${direction}${amount}.`;
  }
  return `Spend ${direction}${amount}; ${movedMost.dimension} ${JSON.stringify(
    movedMost.key,
  )} moved most, from ${movedMost.previousCost} to ${
    movedMost.cost
  } ${currency} (${movedMost.change.startsWith('-') ? '' : '+'}${
    movedMost.change
  }).`;
}
