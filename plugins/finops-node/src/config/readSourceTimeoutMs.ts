import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import { invalidConfigValue } from './invalidConfigValue';

/** The bounds of {@link readSourceTimeoutMs}. @public */
export interface SourceTimeoutOptions {
  /** The timeout of an entry that sets none, in milliseconds. */
  defaultMs: number;
  /** The longest timeout allowed, in milliseconds. */
  maxMs: number;
  /** The longest timeout in words, for messages, such as `1 hour`. */
  maxDescription: string;
}

/**
 * Reads the `timeout` of a source's configured entry at `path`, a duration such as
 * `PT30S` or `{ seconds: 30 }`, in whole milliseconds from 1 to `maxMs`. Throws an
 * InputError naming the entry otherwise.
 *
 * @public
 */
export function readSourceTimeoutMs(
  config: Config,
  path: string,
  options: SourceTimeoutOptions,
): number {
  if (!config.has('timeout')) {
    return options.defaultMs;
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
  if (!Number.isFinite(total) || total < 1 || total > options.maxMs) {
    throw invalidConfigValue(
      path,
      'timeout',
      config.get('timeout'),
      `a duration from 1 millisecond to ${options.maxDescription}`,
    );
  }
  return Math.round(total);
}
