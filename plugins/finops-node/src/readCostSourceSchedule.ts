import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readSchedulerServiceTaskScheduleDefinitionFromConfig } from '@backstage/backend-plugin-api';
import { CostSourceSchedule } from './CostSource';

function readDays(
  config: Config,
  key: string,
  min: number,
): number | undefined {
  const value = config.getOptionalNumber(key);
  if (value === undefined) {
    return undefined;
  }
  if (!Number.isInteger(value) || value < min || value > 3660) {
    throw new InputError(
      `Invalid ${key} ${value} in source config: expected a whole number of days from ${min} to 3660`,
    );
  }
  return value;
}

/**
 * Reads the schedule keys shared by every cost source's configuration:
 * `schedule` (a Backstage task schedule: `frequency` and `timeout` as durations such
 * as `{ hours: 1 }`, `PT1H` or a cron), `lookbackDays`, `backfillDays` and `windowDays`.
 *
 * @public
 */
export function readCostSourceSchedule(config: Config): CostSourceSchedule {
  return {
    ...(config.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : {}),
    lookbackDays: readDays(config, 'lookbackDays', 0),
    backfillDays: readDays(config, 'backfillDays', 1),
    windowDays: readDays(config, 'windowDays', 1),
  };
}
