import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import { readCostSourceSchedule } from '@tollgate/plugin-finops-node';
import {
  DEFAULT_ANTHROPIC_BASE_URL,
  AnthropicSourceConfig,
} from './AnthropicSourceConfig';

const CONFIG_KEY = 'tollgate.sources.anthropic';
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const DEFAULT_TIMEOUT_MS = 60_000;

function invalid(path: string, key: string, value: unknown, expected: string) {
  return new InputError(
    `Invalid ${path}.${key} ${JSON.stringify(value)}: expected ${expected}`,
  );
}

function readBaseUrl(config: Config, path: string): string {
  const value =
    config.getOptionalString('baseUrl') ?? DEFAULT_ANTHROPIC_BASE_URL;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw invalid(path, 'baseUrl', value, 'an absolute http or https URL');
  }
  if (url.search || url.hash || url.username || url.password) {
    throw invalid(
      path,
      'baseUrl',
      value,
      'a URL without credentials, query or fragment',
    );
  }
  return value.replace(/\/+$/, '');
}

function readAdminKey(config: Config, path: string): string {
  const value = config.getString('adminKey');
  if (!value.trim() || /\s/.test(value.trim())) {
    // the key is a secret: the message never shows it
    throw new InputError(
      `Invalid ${path}.adminKey: expected an Anthropic Admin API key without spaces`,
    );
  }
  return value.trim();
}

function readTimeoutMs(config: Config, path: string): number {
  if (!config.has('timeout')) {
    return DEFAULT_TIMEOUT_MS;
  }
  let total: number;
  try {
    total = durationToMilliseconds(
      readDurationFromConfig(config, { key: 'timeout' }),
    );
  } catch (error) {
    throw new InputError(
      `Invalid ${path}.timeout: ${(error as Error).message}`,
    );
  }
  if (!Number.isFinite(total) || total < 1 || total > 3_600_000) {
    throw invalid(
      path,
      'timeout',
      config.get('timeout'),
      'a duration from 1 millisecond to 1 hour',
    );
  }
  return Math.round(total);
}

function readSchedule(config: Config, path: string) {
  try {
    return readCostSourceSchedule(config);
  } catch (error) {
    throw new InputError(`${path}: ${(error as Error).message}`);
  }
}

/**
 * Reads every entry of `tollgate.sources.anthropic`. Throws an InputError naming the
 * entry and key of the first invalid value; the admin key is never shown.
 */
export function readAnthropicSourceConfigs(
  root: Config,
): AnthropicSourceConfig[] {
  const entries = root.getOptionalConfigArray(CONFIG_KEY) ?? [];
  const seen = new Set<string>();
  return entries.map((config, index) => {
    const path = `${CONFIG_KEY}[${index}]`;
    const id = config.getString('id');
    if (!ID_PATTERN.test(id)) {
      throw invalid(
        path,
        'id',
        id,
        'up to 100 letters, digits, ".", "_" or "-", starting with a letter or digit',
      );
    }
    if (seen.has(id)) {
      throw new InputError(
        `Duplicate ${path}.id "${id}": each Anthropic source needs its own id`,
      );
    }
    seen.add(id);
    return {
      id,
      baseUrl: readBaseUrl(config, path),
      adminKey: readAdminKey(config, path),
      timeoutMs: readTimeoutMs(config, path),
      schedule: readSchedule(config, path),
    };
  });
}
