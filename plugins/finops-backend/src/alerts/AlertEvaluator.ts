import {
  BudgetStatus,
  FinopsAlert,
  addDays,
  splitWindow,
  ANOMALY_BASELINE_DAYS,
  describeBudgetScope,
  detectSpendAnomaly,
  formatCents,
  parseMicros,
  spendBaseline,
} from '@tollgate/plugin-finops-common';
import { CostStore } from '../costs/store/CostStore';
import { yieldToEventLoop } from '../database/yieldToEventLoop';
import { BudgetSnapshot } from '../budgets/BudgetSnapshot';
import { AlertNotifier } from './AlertNotifier';
import { AlertStore, NewAlert } from './AlertStore';
import { linkOf, recipientsOf } from './alertAddress';

/** Alert keys remembered as stored before the memory is cleared. */
const MAX_KNOWN_KEYS = 200_000;

/** Days an anomaly alert stays current before it is resolved. */
const ANOMALY_ALERT_DAYS = 7;

/**
 * Raises the alerts a budget snapshot calls for, each once: a threshold reached by
 * actual spend, a threshold the forecast reaches before actual spend does, and days of
 * anomalous spend per entity and dimension. Alerts of ended periods are resolved. Only
 * newly raised alerts are sent, and of several thresholds a budget passes at once only
 * the highest, so that one crossing makes one notification.
 */
export class AlertEvaluator {
  /** Keys of alerts stored already, so that each snapshot writes only new ones. */
  private readonly known = new Set<string>();

  constructor(
    private readonly options: {
      alertStore: AlertStore;
      costStore: CostStore;
      notifier: AlertNotifier;
      currency: string;
      anomalyMinIncreaseMicros: bigint;
      anomalyDays: number;
    },
  ) {}

  /**
   * Raises the alerts of a snapshot: budget thresholds, and spend anomalies unless
   * `anomalies` is false (they read a month of daily spend).
   */
  async evaluate(
    snapshot: BudgetSnapshot,
    options: { anomalies?: boolean } = {},
  ): Promise<FinopsAlert[]> {
    const { alertStore } = this.options;
    await alertStore.resolveEnded(snapshot.asOf);
    // Alerts raised before, here or by another replica, need no write again.
    const isNew = (key: string) => !this.known.has(key);
    const candidates = [
      ...snapshot.statuses.flatMap(status => budgetAlerts(status, isNew)),
      ...(options.anomalies === false
        ? []
        : (await this.anomalyAlerts(snapshot.asOf)).filter(a => isNew(a.key))),
    ];
    const raised = await alertStore.raise(candidates);
    if (this.known.size > MAX_KNOWN_KEYS) {
      this.known.clear();
    }
    candidates.forEach(alert => this.known.add(alert.key));
    for (const alert of worthSending(raised)) {
      await this.options.notifier.notify(
        alert,
        recipientsOf(alert, snapshot),
        linkOf(alert),
      );
    }
    return raised;
  }

  private async anomalyAlerts(asOf: string): Promise<NewAlert[]> {
    const { anomalyDays, anomalyMinIncreaseMicros, currency } = this.options;
    const firstJudged = addDays(asOf, -(anomalyDays - 1));
    const series = new Map<string, Map<string, number>>();
    const window = {
      from: addDays(firstJudged, -ANOMALY_BASELINE_DAYS),
      to: asOf,
    };
    // A week at a time, so that no one statement holds the event loop for long.
    for (const part of splitWindow(window, 7)) {
      await yieldToEventLoop();
      for (const row of await this.options.costStore.dimensionDaily(
        part,
        currency,
      )) {
        const key = `${row.entityRef}\u0000${row.dimension}`;
        const daily = series.get(key) ?? new Map<string, number>();
        daily.set(row.day, (daily.get(row.day) ?? 0) + Number(row.costMicros));
        series.set(key, daily);
      }
    }
    const alerts: NewAlert[] = [];
    for (const [key, daily] of series) {
      await yieldToEventLoop();
      const [entityRef, dimension] = key.split('\u0000');
      for (let day = firstJudged; day <= asOf; day = addDays(day, 1)) {
        const value = daily.get(day) ?? 0;
        const verdict = detectSpendAnomaly({
          // Starts at the dimension's first record: no history is no baseline.
          baseline: spendBaseline(daily, day),
          value,
          minIncreaseMicros: Number(anomalyMinIncreaseMicros),
        });
        if (verdict.anomalous) {
          alerts.push({
            key: `anomaly:${entityRef}:${dimension}:${day}`,
            kind: 'anomaly',
            scope: { entityRef },
            periodStart: day,
            periodEnd: addDays(day, ANOMALY_ALERT_DAYS),
            dimension,
            title: `Spend anomaly: ${entityRef} on ${dimension}`,
            description: `${formatCents(
              BigInt(Math.round(value)),
            )} ${currency} on ${day}, against a median of ${formatCents(
              BigInt(Math.round(verdict.baselineMicros)),
            )} ${currency} a day over the ${ANOMALY_BASELINE_DAYS} days before`,
          });
        }
      }
    }
    return alerts;
  }
}

/** The threshold alerts a budget's status calls for, of those whose key `isNew` says. */
function budgetAlerts(
  status: BudgetStatus,
  isNew: (key: string) => boolean,
): NewAlert[] {
  const { budget, period } = status;
  const actualKey = (threshold: number) =>
    `actual:${budget.id}:${period.from}:${threshold}`;
  const forecastKey = (threshold: number) =>
    `forecast:${budget.id}:${period.from}:${threshold}`;
  const crossed = status.thresholdsCrossed.filter(t => isNew(actualKey(t)));
  const forecasts = status.forecastThresholdsCrossed.filter(
    t => !status.thresholdsCrossed.includes(t) && isNew(forecastKey(t)),
  );
  if (!crossed.length && !forecasts.length) {
    return [];
  }
  const scope = describeBudgetScope(budget.scope);
  const amount = `${cents(budget.amount)} ${budget.currency}/${budget.period}`;
  const spent = cents(status.spent);
  const forecastAmount = cents(status.forecast);
  const base = {
    scope: budget.scope,
    budgetId: budget.id,
    periodStart: period.from,
    periodEnd: period.to,
  };
  const actual = crossed.map(threshold => ({
    ...base,
    key: actualKey(threshold),
    kind: 'actual' as const,
    threshold,
    title: `Budget ${threshold}% reached: ${scope}`,
    description: `${spent} ${budget.currency} spent of the ${budget.enforcement} budget of ${amount} (${status.utilization}%) for ${period.from} to ${period.to}; forecast ${forecastAmount}`,
  }));
  const forecast = forecasts.map(threshold => ({
    ...base,
    key: forecastKey(threshold),
    kind: 'forecast' as const,
    threshold,
    title: `Forecast to reach ${threshold}% of budget: ${scope}`,
    description: `Forecast ${forecastAmount} ${budget.currency} by ${
      period.to
    } against the ${budget.enforcement} budget of ${amount} (${
      status.forecastUtilization
    }%); ${spent} spent so far${
      status.daysUntilExhaustion !== null
        ? `, exhausted in ${status.daysUntilExhaustion} days`
        : ''
    }`,
  }));
  return [...actual, ...forecast];
}

/** An exact decimal amount of the API as text for people: rounded to cents. */
function cents(amount: string): string {
  const micros = parseMicros(amount);
  return micros === undefined ? amount : formatCents(micros);
}

/** Of the threshold alerts of one budget and kind raised together, only the highest. */
function worthSending(raised: FinopsAlert[]): FinopsAlert[] {
  const highest = new Map<string, FinopsAlert>();
  const sent: FinopsAlert[] = [];
  for (const alert of raised) {
    if (alert.kind === 'anomaly' || alert.threshold === undefined) {
      sent.push(alert);
      continue;
    }
    const key = `${alert.kind}:${alert.budgetId}`;
    const current = highest.get(key);
    if (!current || (current.threshold ?? 0) < alert.threshold) {
      highest.set(key, alert);
    }
  }
  return [...sent, ...highest.values()];
}
