import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { DayWindow, addDays, todayUtc } from '@tollgate/plugin-finops-common';
import { CostSource } from '@tollgate/plugin-finops-node';
import { SourceRunStore } from './SourceRunStore';
import { CostSourceRunner } from './CostSourceRunner';

const DEFAULT_LOOKBACK_DAYS = 2;
const DEFAULT_BACKFILL_DAYS = 30;

/**
 * Schedules each cost source as a global task, so that however many backend replicas
 * share the database, each run happens once. The first run of a source with no data
 * backfills; later runs fetch again the last few days, which sources may revise.
 */
export class IngestionScheduler {
  constructor(
    private readonly options: {
      scheduler: SchedulerService;
      runner: CostSourceRunner;
      runStore: SourceRunStore;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  async schedule(sources: CostSource[]) {
    for (const source of sources) {
      await this.options.scheduler.scheduleTask({
        id: `finops-ingest:${source.id}`,
        scope: 'global',
        frequency: source.schedule?.frequency ?? { hours: 1 },
        timeout: source.schedule?.timeout ?? { minutes: 30 },
        initialDelay: source.schedule?.initialDelay ?? { seconds: 10 },
        fn: async signal => {
          const window = await this.nextWindow(source);
          this.options.logger.info(
            `Ingesting ${source.id} for ${window.from}..${window.to}`,
          );
          await this.options.runner.run(source, window, 'schedule', signal);
        },
      });
    }
  }

  /** The days the next scheduled run of a source fetches. */
  async nextWindow(source: CostSource): Promise<DayWindow> {
    const today = todayUtc(this.options.now?.());
    const { lastSuccess } = await this.options.runStore.latestRuns(source.id);
    if (!lastSuccess) {
      const backfill = source.schedule?.backfillDays ?? DEFAULT_BACKFILL_DAYS;
      return { from: addDays(today, -(backfill - 1)), to: today };
    }
    const lookback = source.schedule?.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
    const from = addDays(today, -lookback);
    return {
      from:
        lastSuccess.window.to < from ? addDays(lastSuccess.window.to, 1) : from,
      to: today,
    };
  }
}
