import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_GUARDRAIL_WARN_PERCENT,
  parseMicros,
} from '@tollgate/plugin-finops-common';

/** The `tollgate.budgets` settings. */
export interface BudgetSettings {
  /** Utilization after an estimate from which the guardrail warns. */
  warnAtPercent: number;
  /** Where alerts are also posted as JSON with a Slack-compatible `text`. */
  webhookUrl?: string;
  /** A day's rise smaller than this (micro-units) is never an anomaly. */
  anomalyMinIncreaseMicros: bigint;
  /** How many of the latest days are judged for anomalies at each evaluation. */
  anomalyDays: number;
  /** Minutes between refreshes of the budget snapshot besides those after ingestion. */
  refreshMinutes: number;
  /** Age of the snapshot past which the guardrail's answers are stale. */
  maxSnapshotAgeMs: number;
}

/** Reads and checks `tollgate.budgets`, naming the key of any bad value. */
export function readBudgetSettings(config: Config): BudgetSettings {
  const budgets = config.getOptionalConfig('tollgate.budgets');
  const number = (key: string, fallback: number, min: number, max: number) => {
    const value = budgets?.getOptionalNumber(key) ?? fallback;
    if (!Number.isFinite(value) || value < min || value > max) {
      throw new InputError(
        `tollgate.budgets.${key} has invalid value ${value}: expected a number from ${min} to ${max}`,
      );
    }
    return value;
  };
  const minIncreaseText = budgets?.getOptional('anomalyMinIncrease') ?? '1.00';
  const anomalyMinIncreaseMicros = parseMicros(
    minIncreaseText as string | number,
  );
  if (anomalyMinIncreaseMicros === undefined || anomalyMinIncreaseMicros < 0n) {
    throw new InputError(
      `tollgate.budgets.anomalyMinIncrease has invalid value ${JSON.stringify(
        minIncreaseText,
      )}: expected a decimal amount in the reporting currency such as "1.00"`,
    );
  }
  const webhookUrl = budgets?.getOptionalString('webhookUrl');
  if (webhookUrl !== undefined && !/^https?:\/\/\S+$/.test(webhookUrl)) {
    throw new InputError(
      `tollgate.budgets.webhookUrl has invalid value ${JSON.stringify(
        webhookUrl,
      )}: expected an http or https URL`,
    );
  }
  return {
    warnAtPercent: number(
      'guardrailWarnAtPercent',
      DEFAULT_GUARDRAIL_WARN_PERCENT,
      1,
      1000,
    ),
    webhookUrl,
    anomalyMinIncreaseMicros,
    anomalyDays: Math.floor(number('anomalyDays', 3, 1, 31)),
    refreshMinutes: number('refreshMinutes', 5, 0.1, 1440),
    maxSnapshotAgeMs: number('maxSnapshotAgeMinutes', 15, 0.1, 10080) * 60_000,
  };
}
