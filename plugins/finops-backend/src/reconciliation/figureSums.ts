import {
  RECONCILIATION_FIGURES,
  ReconciliationFigureName,
  divideRounded,
} from '@tollgate/plugin-finops-common';

/**
 * One figure of some records, exactly: tokens and money in units of 10^-6. A priced
 * figure (metered, vendor usage) has money for the tokens the price book priced.
 */
export interface FigureSum {
  /** Tokens; undefined where the records carry none. */
  quantity?: bigint;
  cost: bigint;
  /** Tokens the price book has no price for. */
  unpriced: bigint;
  /** False where some records' quantity is not a count of tokens or is missing. */
  complete: boolean;
}

/** Figures by name, of one day or of a period. */
export type FigureSet = Partial<Record<ReconciliationFigureName, FigureSum>>;

/** Money that a figure is less the reference, and the reference it is against. */
export interface DriftSum {
  amount: bigint;
  base: bigint;
}

/** Figures summed, the reference figure, and each other figure's drift against it. */
export interface CombinedFigures {
  sums: FigureSet;
  reference?: ReconciliationFigureName;
  drift: Partial<Record<ReconciliationFigureName, DriftSum>>;
}

const BILLED: ReconciliationFigureName[] = ['invoice', 'vendorCost'];

/** Whether a figure's money is its whole: billed, or every token of it priced. */
export function hasCost(name: ReconciliationFigureName, sum: FigureSum) {
  return BILLED.includes(name) || (sum.complete && sum.unpriced === 0n);
}

/** The sum of two figures. */
export function addSums(a: FigureSum | undefined, b: FigureSum): FigureSum {
  if (!a) {
    return { ...b };
  }
  const quantity =
    a.quantity === undefined && b.quantity === undefined
      ? undefined
      : (a.quantity ?? 0n) + (b.quantity ?? 0n);
  return {
    ...(quantity === undefined ? {} : { quantity }),
    cost: a.cost + b.cost,
    unpriced: a.unpriced + b.unpriced,
    complete: a.complete && b.complete,
  };
}

/**
 * Sums sets of figures (the days of a period, the token types of a day) and measures
 * each figure against the reference: the invoice, else the figure of the highest
 * authority that has a cost in any set. Drift counts only the sets in which both the
 * figure and the reference have a cost, so that a day an invoice does not cover yet is
 * not drift.
 */
export function combineFigures(sets: FigureSet[]): CombinedFigures {
  const sums: FigureSet = {};
  for (const set of sets) {
    for (const name of RECONCILIATION_FIGURES) {
      const sum = set[name];
      if (sum) {
        sums[name] = addSums(sums[name], sum);
      }
    }
  }
  const reference = RECONCILIATION_FIGURES.find(name =>
    sets.some(set => set[name] && hasCost(name, set[name]!)),
  );
  const drift: CombinedFigures['drift'] = {};
  if (reference) {
    for (const name of RECONCILIATION_FIGURES) {
      if (name === reference) continue;
      for (const set of sets) {
        const figure = set[name];
        const against = set[reference];
        if (!figure || !against || !hasCost(name, figure)) continue;
        if (!hasCost(reference, against)) continue;
        const sum = drift[name] ?? { amount: 0n, base: 0n };
        sum.amount += figure.cost - against.cost;
        sum.base += against.cost;
        drift[name] = sum;
      }
    }
  }
  return { sums, ...(reference ? { reference } : {}), drift };
}

/** Drift in percent of the reference to two decimals; null when the reference is 0. */
export function driftPercent(drift: DriftSum): number | null {
  if (drift.base === 0n) {
    return null;
  }
  return Number(divideRounded(drift.amount * 10_000n, drift.base)) / 100;
}

/** Whether drift is past a percent of the reference (exactly, not after rounding). */
export function driftPasses(drift: DriftSum, percent: number): boolean {
  if (drift.base === 0n) {
    return false;
  }
  const magnitude = drift.amount < 0n ? -drift.amount : drift.amount;
  const base = drift.base < 0n ? -drift.base : drift.base;
  return magnitude * 10_000n > BigInt(Math.round(percent * 100)) * base;
}
