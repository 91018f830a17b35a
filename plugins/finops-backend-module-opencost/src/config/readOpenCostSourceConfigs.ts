import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { CURRENCY_PATTERN } from '@tollgate/plugin-finops-common';
import {
  readCostSourceSchedule,
  readSourceId,
  readSourceTimeoutMs,
  SourceIdSet,
} from '@tollgate/plugin-finops-node';
import {
  DEFAULT_OPENCOST_AGGREGATE,
  DEFAULT_WORKLOAD_LABEL_DAYS,
  OPENCOST_FLAVORS,
  OPENCOST_IDLE_MODES,
  OpenCostFlavor,
  OpenCostIdleMode,
  OpenCostSourceConfig,
} from './OpenCostSourceConfig';

const CONFIG_KEY = 'tollgate.sources.opencost';
const TIMEOUT = {
  defaultMs: 60_000,
  maxMs: 86_400_000,
  maxDescription: '1 day',
};
const AGGREGATE_PROPERTIES = new Set([
  'cluster',
  'node',
  'namespace',
  'controllerKind',
  'controller',
  'service',
  'pod',
  'container',
  'deployment',
  'statefulset',
  'daemonset',
  'job',
  'department',
  'environment',
  'owner',
  'product',
  'team',
]);
function invalid(path: string, key: string, value: unknown, expected: string) {
  return new InputError(
    `Invalid ${path}.${key} ${JSON.stringify(value)}: expected ${expected}`,
  );
}

function readOneOf<T extends string>(
  config: Config,
  path: string,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = config.getOptionalString(key) ?? fallback;
  if (!allowed.includes(value as T)) {
    throw invalid(path, key, value, `one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function readBaseUrl(config: Config, path: string): string {
  const value = config.getString('baseUrl');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(path, 'baseUrl', value, 'an absolute http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(path, 'baseUrl', value, 'an absolute http or https URL');
  }
  if (url.search || url.hash) {
    throw invalid(path, 'baseUrl', value, 'a URL without query or fragment');
  }
  return value.replace(/\/+$/, '');
}

function readAggregate(config: Config, path: string): string {
  const value =
    config.getOptionalString('aggregate') ?? DEFAULT_OPENCOST_AGGREGATE;
  const match = /^(label|annotation):(.+)$/.exec(value);
  const valid = match
    ? !/[,\s]/.test(match[2])
    : AGGREGATE_PROPERTIES.has(value);
  if (!valid) {
    throw invalid(
      path,
      'aggregate',
      value,
      `a single OpenCost aggregation: label:<key>, annotation:<key> or one of ${[
        ...AGGREGATE_PROPERTIES,
      ].join(', ')}`,
    );
  }
  return value;
}

function readCurrency(config: Config, root: Config, path: string): string {
  const value =
    config.getOptionalString('currency') ??
    root.getOptionalString('tollgate.currency') ??
    'USD';
  if (!CURRENCY_PATTERN.test(value)) {
    throw invalid(path, 'currency', value, 'an ISO 4217 code such as USD');
  }
  return value;
}

function readWorkloadLabelDays(config: Config, path: string): number {
  const value =
    config.getOptionalNumber('workloadLabelDays') ??
    DEFAULT_WORKLOAD_LABEL_DAYS;
  if (!Number.isInteger(value) || value < 0 || value > 366) {
    throw invalid(
      path,
      'workloadLabelDays',
      value,
      'a whole number of days from 0 (off) to 366',
    );
  }
  return value;
}

function readOptionalText(
  config: Config,
  path: string,
  key: string,
): string | undefined {
  const value = config.getOptionalString(key);
  if (value !== undefined && !value.trim()) {
    throw invalid(path, key, value, 'a non-empty string');
  }
  return value?.trim();
}

/**
 * Reads every entry of `tollgate.sources.opencost`. Throws an InputError naming the
 * entry and key of the first invalid value.
 *
 * @public
 */
export function readOpenCostSourceConfigs(
  root: Config,
): OpenCostSourceConfig[] {
  const entries = root.getOptionalConfigArray(CONFIG_KEY) ?? [];
  const ids = new SourceIdSet();
  return entries.map((config, index) => {
    const path = `${CONFIG_KEY}[${index}]`;
    const id = readSourceId(config, path);
    ids.add(
      id,
      () =>
        `Duplicate ${path}.id "${id}": each OpenCost source needs its own id`,
    );
    return {
      id,
      baseUrl: readBaseUrl(config, path),
      flavor: readOneOf<OpenCostFlavor>(
        config,
        path,
        'flavor',
        OPENCOST_FLAVORS,
        'opencost',
      ),
      aggregate: readAggregate(config, path),
      idle: readOneOf<OpenCostIdleMode>(
        config,
        path,
        'idle',
        OPENCOST_IDLE_MODES,
        'unallocated',
      ),
      token: readOptionalText(config, path, 'token'),
      cluster: readOptionalText(config, path, 'cluster'),
      currency: readCurrency(config, root, path),
      timeoutMs: readSourceTimeoutMs(config, path, TIMEOUT),
      workloadLabelDays: readWorkloadLabelDays(config, path),
      schedule: readCostSourceSchedule(config),
    };
  });
}
