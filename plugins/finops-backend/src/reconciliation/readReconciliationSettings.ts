import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** Drift past which an alert is raised, in percent, unless configured. */
export const DEFAULT_DRIFT_ALERT_PERCENT = 5;

export interface ReconciliationSettings {
  driftAlertPercent: number;
}

/** Reads and checks `tollgate.reconciliation`. */
export function readReconciliationSettings(
  config: Config,
): ReconciliationSettings {
  const key = 'tollgate.reconciliation.driftAlertPercent';
  if (!config.has(key)) {
    return { driftAlertPercent: DEFAULT_DRIFT_ALERT_PERCENT };
  }
  const raw = config.get(key);
  const value = typeof raw === 'string' && raw.trim() ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InputError(
      `${key} has invalid value ${JSON.stringify(
        raw,
      )}: expected a percent of at least 0, such as 5`,
    );
  }
  return { driftAlertPercent: value };
}
