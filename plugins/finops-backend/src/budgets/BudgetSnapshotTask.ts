import {
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { BudgetService } from './BudgetService';
import { readBudgetSettings } from './readBudgetSettings';

/** The config key of the task's schedule. */
const SCHEDULE_KEY = 'tollgate.budgets.schedule';

/**
 * The periodic refresh of the budget snapshot, besides those after ingestion and
 * budget changes: it picks up catalog changes and a new day. Each replica holds its own
 * snapshot, so the task runs on each (scope `local`) unless its schedule says otherwise.
 */
export class BudgetSnapshotTask {
  static readonly id = 'finops-budget-snapshot';

  /**
   * The task on the schedule of `tollgate.budgets.schedule`, or else every
   * `tollgate.budgets.refreshMinutes` with a timeout of 10 minutes.
   */
  static fromConfig(
    config: Config,
    options: {
      scheduler: SchedulerService;
      budgets: Pick<BudgetService, 'refresh'>;
    },
  ): BudgetSnapshotTask {
    return new BudgetSnapshotTask({
      ...options,
      schedule: readBudgetSnapshotSchedule(config),
    });
  }

  constructor(
    private readonly options: {
      scheduler: SchedulerService;
      budgets: Pick<BudgetService, 'refresh'>;
      schedule: SchedulerServiceTaskScheduleDefinition;
    },
  ) {}

  async schedule(): Promise<void> {
    const { scheduler, budgets, schedule } = this.options;
    await scheduler.scheduleTask({
      id: BudgetSnapshotTask.id,
      ...schedule,
      fn: async () => {
        await budgets.refresh('schedule');
      },
    });
  }
}

function readBudgetSnapshotSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  if (!config.has(SCHEDULE_KEY)) {
    return {
      frequency: { minutes: readBudgetSettings(config).refreshMinutes },
      timeout: { minutes: 10 },
      scope: 'local',
    };
  }
  const schedule = readSchedulerServiceTaskScheduleDefinitionFromConfig(
    config.getConfig(SCHEDULE_KEY),
  );
  return { ...schedule, scope: schedule.scope ?? 'local' };
}
