import { LoggerService } from '@backstage/backend-plugin-api';
import {
  BudgetScope,
  FinopsAlert,
  describeBudgetScope,
  SpendRateLimitStatus,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import { BudgetSnapshot, scopeKey } from '../budgets/BudgetSnapshot';
import { AlertNotifier } from './AlertNotifier';
import { AlertStore } from './AlertStore';
import { linkOf, recipientsOf } from './alertAddress';

/** A call that would pass an entity's spend-rate limit, and what was decided. */
export interface SpendRatePassed {
  /** Whose spend the limit caps: an entity's or a team's. */
  scope: BudgetScope;
  windowMs: number;
  status: SpendRateLimitStatus;
  decision: 'warn' | 'deny';
  snapshot: BudgetSnapshot;
  now: Date;
}

/**
 * Raises one alert per trailing window when an entity's spend-rate limit is passed,
 * and tells its owners as other alerts are told. A runaway loop passes its limit on
 * every call: the first raises the alert; later ones within the window find it, here
 * or in the store that every replica shares, and raise nothing.
 */
export class SpendRateAlerts {
  /** When this replica last raised or found an alert, by entity. */
  private readonly lastRaisedMs = new Map<string, number>();

  constructor(
    private readonly options: {
      alertStore: AlertStore;
      notifier: AlertNotifier;
      logger: LoggerService;
    },
  ) {}

  /** Alerts once per window of the limit; never throws, a failure is logged. */
  async passed(options: SpendRatePassed): Promise<FinopsAlert | undefined> {
    try {
      return await this.raise(options);
    } catch (error) {
      this.options.logger.error(
        `Could not raise the spend-rate alert of ${describeBudgetScope(
          options.scope,
        )}: ${error}`,
      );
      return undefined;
    }
  }

  private async raise(
    options: SpendRatePassed,
  ): Promise<FinopsAlert | undefined> {
    const { scope, windowMs, status, now } = options;
    const key = scopeKey(scope);
    const who = describeBudgetScope(scope);
    const nowMs = now.getTime();
    const since = nowMs - windowMs;
    if ((this.lastRaisedMs.get(key) ?? -Infinity) > since) {
      return undefined;
    }
    const recent = (
      await this.options.alertStore.list({ scopes: [scope] })
    ).find(
      alert =>
        alert.kind === 'spend-rate' && Date.parse(alert.createdAt) > since,
    );
    if (recent) {
      this.lastRaisedMs.set(key, Date.parse(recent.createdAt));
      return undefined;
    }
    // Replicas raising at once in one window of the clock make one alert.
    const windowStart = new Date(Math.floor(nowMs / windowMs) * windowMs);
    const [raised] = await this.options.alertStore.raise([
      {
        key: `spend-rate:${key}:${windowStart.toISOString()}`,
        kind: 'spend-rate',
        scope,
        periodStart: todayUtc(now),
        periodEnd: todayUtc(new Date(nowMs + windowMs)),
        title: `Spend-rate limit passed: ${who}`,
        description: `${who} has spent ${status.spent} and reserved ${
          status.reserved
        } in the last ${status.per} against its ${
          status.enforcement
        } spend-rate limit of ${status.limit}; ${
          options.decision === 'deny'
            ? 'the guardrail denies its calls until the window has room'
            : 'advisory, so its calls are allowed with a warning'
        }`,
        createdAt: now,
      },
    ]);
    this.lastRaisedMs.set(key, nowMs);
    if (raised) {
      await this.options.notifier.notify(
        raised,
        recipientsOf(raised, options.snapshot),
        linkOf(raised),
      );
    }
    return raised;
  }
}
