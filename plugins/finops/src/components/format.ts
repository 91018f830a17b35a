import {
  CostBreakdownItem,
  CostOutside,
  addDays,
  formatMicros,
  parseMicros,
  todayUtc,
} from '@tollgate/plugin-finops-common';

/** Formats a decimal amount for display; the amount itself stays exact text. */
export function formatMoney(amount: string, currency: string): string {
  const value = Number(amount);
  const digits = Math.abs(value) > 0 && Math.abs(value) < 1 ? 4 : 2;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: digits,
  }).format(value);
}

/** Formats a quantity such as tokens or calls with thousands separators. */
export function formatQuantity(quantity: string, unit?: string): string {
  const value = Number(quantity);
  const text = new Intl.NumberFormat('en-US', {
    maximumFractionDigits: value < 10 ? 3 : 0,
  }).format(value);
  return unit ? `${text} ${unit}` : text;
}

/** The change from a previous amount in percent, or undefined when there was none. */
export function percentChange(
  current: string,
  previous: string,
): number | undefined {
  const before = Number(previous);
  if (!before) {
    return undefined;
  }
  return ((Number(current) - before) / before) * 100;
}

/** The window of the last `days` days, today included. */
export function lastDays(days: number, now = new Date()) {
  const to = todayUtc(now);
  return { from: addDays(to, -(days - 1)), to };
}

/** A cost's share of a total for display, such as "42.5%"; 0% of a zero total. */
export function formatShare(cost: string, total: string): string {
  const whole = Number(total) || 1;
  return `${((Number(cost) / whole) * 100).toFixed(1)}%`;
}

/** A percentage with at most one decimal, such as "85%" or "67.8%". */
export function formatPercent(value: number): string {
  return `${new Intl.NumberFormat('en-US', {
    maximumFractionDigits: 1,
  }).format(value)}%`;
}

/** An ISO 8601 instant as "2026-11-28 09:15 UTC". */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A 0–100 score with at most one decimal, such as "72.5"; "not applicable" for none. */
export function formatScore(score: number | null): string {
  if (score === null) {
    return 'not applicable';
  }
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(
    score,
  );
}

/** The time of day of an ISO 8601 instant, to the second, such as "09:15:03 UTC". */
export function formatClock(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return `${date.toISOString().slice(11, 19)} UTC`;
}

/** What spend outside a dimension is, as a row names it; unnamed lines keep their key. */
const OUTSIDE_LABELS: Record<CostOutside, string | undefined> = {
  kubernetes: 'Kubernetes',
  apiCalls: 'API calls',
  modelTokens: 'AI models',
  otherServices: 'Other services',
  unnamed: undefined,
};

/** A breakdown row's name: its key, or what its spend is when outside the dimension. */
export function breakdownLabel(
  item: Pick<CostBreakdownItem, 'key' | 'outside'>,
) {
  return (item.outside && OUTSIDE_LABELS[item.outside]) || item.key;
}

/** A breakdown's rows of the dimension's values and the rows outside them, in order. */
export function splitOutside<T extends Pick<CostBreakdownItem, 'outside'>>(
  items: T[],
): { values: T[]; outside: T[] } {
  return {
    values: items.filter(item => !item.outside),
    outside: items.filter(item => item.outside),
  };
}

/** The exact sum of decimal amounts, as decimal text. */
export function sumMoney(amounts: string[]): string {
  return formatMicros(
    amounts.reduce((sum, amount) => sum + (parseMicros(amount) ?? 0n), 0n),
  );
}
