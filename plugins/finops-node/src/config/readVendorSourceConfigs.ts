import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { CostSourceSchedule } from '../CostSource';
import { readCostSourceSchedule } from '../readCostSourceSchedule';
import { invalidConfigValue } from './invalidConfigValue';
import { readSourceId } from './readSourceId';
import { readSourceTimeoutMs } from './readSourceTimeoutMs';
import { SourceIdSet } from './SourceIdSet';

/** How {@link readVendorSourceConfigs} reads the entries of one kind of source. @public */
export interface VendorSourceConfigOptions {
  /** Where the entries are, such as `tollgate.sources.openai`. */
  configKey: string;
  /** The vendor's name in messages, such as `OpenAI`. */
  vendorName: string;
  /** The base URL of an entry that names none; without it, `baseUrl` is required. */
  defaultBaseUrl?: string;
  /** The key of the entry's secret, such as `adminKey` or `apiKey`. */
  secretKey: string;
  /** What the secret is, for messages, such as `an OpenAI admin key`. */
  secretDescription: string;
}

/** One entry of a vendor source's configuration, read and checked. @public */
export interface VendorSourceConfig {
  /** Unique among the entries; the source id is `<type>:<id>`. */
  id: string;
  /** Base URL without a trailing slash. */
  baseUrl: string;
  /** The entry's secret (the value of its `secretKey`), trimmed. */
  secret: string;
  /** How long one request may take, in milliseconds. */
  timeoutMs: number;
  /** When the backend runs the source, and the days it fetches. */
  schedule: CostSourceSchedule;
  /** The entry as configured, for keys of the vendor's own. */
  config: Config;
  /** Where the entry is, for messages, such as `tollgate.sources.openai[0]`. */
  path: string;
}

const TIMEOUT = {
  defaultMs: 60_000,
  maxMs: 3_600_000,
  maxDescription: '1 hour',
};

function readBaseUrl(
  config: Config,
  path: string,
  defaultBaseUrl: string | undefined,
): string {
  const value =
    defaultBaseUrl === undefined
      ? config.getString('baseUrl')
      : config.getOptionalString('baseUrl') ?? defaultBaseUrl;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw invalidConfigValue(
      path,
      'baseUrl',
      value,
      'an absolute http or https URL',
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw invalidConfigValue(
      path,
      'baseUrl',
      value,
      'a URL without credentials, query or fragment',
    );
  }
  return value.replace(/\/+$/, '');
}

function readSecret(
  config: Config,
  path: string,
  options: VendorSourceConfigOptions,
): string {
  const value = config.getString(options.secretKey).trim();
  if (!value || /\s/.test(value)) {
    // a secret: the message never shows it
    throw new InputError(
      `Invalid ${path}.${options.secretKey}: expected ${options.secretDescription} without spaces`,
    );
  }
  return value;
}

function readSchedule(config: Config, path: string): CostSourceSchedule {
  try {
    return readCostSourceSchedule(config);
  } catch (error) {
    throw new InputError(`${path}: ${(error as Error).message}`);
  }
}

/**
 * Reads every entry of a vendor source's configuration, such as
 * `tollgate.sources.openai`: `id` (unique, up to 100 letters, digits, `.`, `_` or
 * `-`), `baseUrl` (http or https, without credentials, query or fragment; a trailing
 * slash is dropped), the secret, `timeout` (a duration up to 1 hour, 60 seconds by
 * default) and the schedule keys of {@link readCostSourceSchedule}. Throws an
 * InputError naming the entry and key of the first invalid value; the secret is never
 * shown.
 *
 * @public
 */
export function readVendorSourceConfigs(
  root: Config,
  options: VendorSourceConfigOptions,
): VendorSourceConfig[] {
  const entries = root.getOptionalConfigArray(options.configKey) ?? [];
  const ids = new SourceIdSet();
  return entries.map((config, index) => {
    const path = `${options.configKey}[${index}]`;
    const id = readSourceId(config, path);
    ids.add(
      id,
      () =>
        `Duplicate ${path}.id "${id}": each ${options.vendorName} source needs its own id`,
    );
    return {
      id,
      baseUrl: readBaseUrl(config, path, options.defaultBaseUrl),
      secret: readSecret(config, path, options),
      timeoutMs: readSourceTimeoutMs(config, path, TIMEOUT),
      schedule: readSchedule(config, path),
      config,
      path,
    };
  });
}
