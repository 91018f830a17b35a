import { SourceStatus } from '@tollgate/plugin-finops-common';
import { CostSource } from '@tollgate/plugin-finops-node';
import { SourceRunStore } from './SourceRunStore';

/** Data older than this is stale unless configured otherwise. */
export const DEFAULT_STALE_AFTER_SECONDS = 26 * 3600;

/** Tells how fresh each source's data is, from its run records. */
export class SourceStatusService {
  constructor(
    private readonly sources: () => CostSource[],
    private readonly runStore: SourceRunStore,
    private readonly staleAfterSeconds = DEFAULT_STALE_AFTER_SECONDS,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(): Promise<SourceStatus[]> {
    return Promise.all(this.sources().map(source => this.status(source)));
  }

  async status(source: CostSource): Promise<SourceStatus> {
    const { latest, lastSuccess, lastFailure } = await this.runStore.latestRuns(
      source.id,
    );
    const successAt = lastSuccess?.finishedAt;
    const staleSeconds = successAt
      ? Math.max(
          0,
          Math.round((this.now().getTime() - Date.parse(successAt)) / 1000),
        )
      : undefined;
    const failedLast = latest?.status === 'failed';
    return {
      id: source.id,
      type: source.type,
      lastRunAt: latest?.startedAt,
      lastSuccessAt: successAt,
      lastError: failedLast ? latest?.error : undefined,
      lastErrorAt: lastFailure?.finishedAt,
      staleSeconds,
      stale:
        staleSeconds === undefined ||
        staleSeconds > this.staleAfterSeconds ||
        failedLast,
      running: latest?.status === 'running',
      ...(latest
        ? {
            progress: {
              daysDone: latest.daysDone,
              daysTotal: latest.daysTotal,
            },
          }
        : {}),
    };
  }
}
