import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { isCurrencyCode } from '@tollgate/plugin-finops-common';
import { CostSource } from '@tollgate/plugin-finops-node';
import { RetryPolicy } from '../sources/CostSourceRunner';
import { DEFAULT_STALE_AFTER_SECONDS } from '../sources/SourceStatusService';
import { DEFAULT_MANUAL_RUN_TIMEOUT_MS } from '../sources/SourceRunService';

export interface FinopsSettings {
  currency: string;
  staleAfterSeconds: number;
  retry: Partial<RetryPolicy>;
  manualRunTimeoutMs: number;
}

/** Reads and checks `tollgate.*` settings of the backend plugin itself. */
export function readFinopsConfig(
  config: Config,
  sources: CostSource[],
): FinopsSettings {
  const currency = config.getOptionalString('tollgate.currency') ?? 'USD';
  if (!isCurrencyCode(currency)) {
    throw new InputError(
      `tollgate.currency has invalid value ${JSON.stringify(
        currency,
      )}: expected an ISO 4217 currency code such as USD`,
    );
  }
  const seen = new Set<string>();
  for (const source of sources) {
    if (seen.has(source.id)) {
      throw new InputError(
        `Two cost sources have the id ${source.id}: ids must be unique`,
      );
    }
    seen.add(source.id);
  }
  const ingestion = config.getOptionalConfig('tollgate.ingestion');
  const positive = (key: string) => {
    const value = ingestion?.getOptionalNumber(key);
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
      throw new InputError(
        `tollgate.ingestion.${key} has invalid value ${value}: expected a number of at least 0`,
      );
    }
    return value;
  };
  const attempts = positive('attempts');
  const manualRunTimeoutSeconds = positive('manualRunTimeoutSeconds');
  return {
    currency,
    manualRunTimeoutMs:
      manualRunTimeoutSeconds !== undefined
        ? Math.max(1, manualRunTimeoutSeconds) * 1000
        : DEFAULT_MANUAL_RUN_TIMEOUT_MS,
    staleAfterSeconds:
      positive('staleAfterHours') !== undefined
        ? positive('staleAfterHours')! * 3600
        : DEFAULT_STALE_AFTER_SECONDS,
    retry: {
      ...(attempts !== undefined
        ? { attempts: Math.max(1, Math.floor(attempts)) }
        : {}),
      ...(positive('retryDelaySeconds') !== undefined
        ? { initialDelayMs: positive('retryDelaySeconds')! * 1000 }
        : {}),
      ...(positive('windowTimeoutSeconds') !== undefined
        ? { windowTimeoutMs: positive('windowTimeoutSeconds')! * 1000 }
        : {}),
    },
  };
}
