import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import {
  readCostSourceSchedule,
  SourceIdSet,
} from '@tollgate/plugin-finops-node';
import {
  DEFAULT_METRIC_NAMES,
  METRICS_PROFILES,
  METRIC_NAME_KEYS,
  MetricNames,
  MetricsProfile,
} from './MetricNames';
import {
  GEN_AI_NAMINGS,
  GenAiNaming,
  PrometheusSourceConfig,
} from './PrometheusSourceConfig';
import { DEFAULT_SELECTOR_TEMPLATE, renderSelector } from './renderSelector';

const ID_PATTERN = /^[a-z0-9](?:[a-z0-9._-]{0,61}[a-z0-9])?$/i;
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Reads every entry of `tollgate.sources.prometheus`. Bad entries fail with an
 * InputError naming the entry and the key.
 */
export function readPrometheusSourceConfigs(
  config: Config,
): PrometheusSourceConfig[] {
  const entries =
    config.getOptionalConfigArray('tollgate.sources.prometheus') ?? [];
  const ids = new SourceIdSet();
  return entries.map((entry, index) => {
    const source = readEntry(entry, `tollgate.sources.prometheus[${index}]`);
    ids.add(
      source.id,
      () =>
        `tollgate.sources.prometheus has two entries with id "${source.id}"; ids must be unique`,
    );
    return source;
  });
}

function readEntry(config: Config, where: string): PrometheusSourceConfig {
  const id = config.getString('id');
  if (!ID_PATTERN.test(id)) {
    throw new InputError(
      `${where}.id has invalid value ${JSON.stringify(
        id,
      )}: expected up to 63 letters, digits, ".", "_" or "-", starting and ending with a letter or digit`,
    );
  }
  const at = `tollgate.sources.prometheus entry "${id}"`;
  return {
    id,
    baseUrl: readBaseUrl(config, at),
    headers: readHeaders(config, at),
    timeoutMs: readTimeout(config, at),
    defaultSelector: readDefaultSelector(config, at),
    naming: readWord(
      config,
      'naming',
      GEN_AI_NAMINGS,
      'both',
      at,
    ) as GenAiNaming,
    metrics: readMetricNames(config, at),
    schedule: readCostSourceSchedule(config),
  };
}

function readBaseUrl(config: Config, at: string): string {
  const text = config.getString('baseUrl');
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw new InputError(
      `${at}: baseUrl has invalid value ${JSON.stringify(
        text,
      )}: expected an http or https URL such as http://prometheus:9090`,
    );
  }
  return text.replace(/\/+$/, '');
}

function readHeaders(config: Config, at: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const headerConfig = config.getOptionalConfig('headers');
  for (const name of headerConfig?.keys() ?? []) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw new InputError(
        `${at}: headers has an invalid header name ${JSON.stringify(name)}`,
      );
    }
    headers[name] = headerConfig!.getString(name);
  }
  const token = config.getOptionalString('token');
  if (token !== undefined) {
    if (
      Object.keys(headers).some(name => name.toLowerCase() === 'authorization')
    ) {
      throw new InputError(
        `${at}: set either token or an Authorization header, not both`,
      );
    }
    headers.Authorization = `Bearer ${token}`;
  }
  return headers;
}

function readTimeout(config: Config, at: string): number {
  if (!config.has('timeout')) {
    return DEFAULT_TIMEOUT_MS;
  }
  let ms: number;
  try {
    ms = durationToMilliseconds(
      readDurationFromConfig(config, { key: 'timeout' }),
    );
  } catch (error) {
    throw new InputError(
      `${at}: timeout is invalid: ${
        (error as Error).message
      }; expected a duration such as "30s", "PT30S" or { seconds: 30 }`,
    );
  }
  if (!(ms > 0)) {
    throw new InputError(`${at}: timeout must be longer than zero`);
  }
  return ms;
}

function readDefaultSelector(config: Config, at: string): string {
  const template =
    config.getOptionalString('defaultSelector') ?? DEFAULT_SELECTOR_TEMPLATE;
  const result = renderSelector(template, {
    name: 'example',
    namespace: 'default',
  });
  if (!result.ok) {
    throw new InputError(
      `${at}: defaultSelector has invalid value ${JSON.stringify(template)}: ${
        result.reason
      }; expected a label-matcher block such as {job="{{name}}"}`,
    );
  }
  return template;
}

function readWord(
  config: Config,
  key: string,
  words: readonly string[],
  fallback: string,
  at: string,
): string {
  const value = config.getOptionalString(key) ?? fallback;
  if (!words.includes(value)) {
    throw new InputError(
      `${at}: ${key} has invalid value ${JSON.stringify(
        value,
      )}: expected one of ${words.join(', ')}`,
    );
  }
  return value;
}

function readMetricNames(config: Config, at: string): MetricNames {
  const metrics = config.getOptionalConfig('metrics');
  if (!metrics) {
    return DEFAULT_METRIC_NAMES.otel;
  }
  const profile = readWord(
    metrics,
    'profile',
    METRICS_PROFILES,
    'otel',
    `${at}: metrics`,
  ) as MetricsProfile;
  const names: MetricNames = { ...DEFAULT_METRIC_NAMES[profile] };
  for (const key of METRIC_NAME_KEYS) {
    const value = metrics.getOptionalString(key);
    if (value === undefined) {
      continue;
    }
    if (!value.trim() || /[\n"]/.test(value) || value !== value.trim()) {
      throw new InputError(
        `${at}: metrics.${key} has invalid value ${JSON.stringify(
          value,
        )}: expected a metric or label name`,
      );
    }
    names[key] = value;
  }
  return names;
}
