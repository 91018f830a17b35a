import { DayWindow } from '@tollgate/plugin-finops-common';

export type SourceRunStatus = 'running' | 'succeeded' | 'failed';

export interface SourceRun {
  id: string;
  sourceId: string;
  trigger: 'schedule' | 'manual';
  window: DayWindow;
  status: SourceRunStatus;
  startedAt: string;
  finishedAt?: string;
  daysTotal: number;
  daysDone: number;
  recordsWritten: number;
  error?: string;
}

/** Records each ingestion run of a source, its progress and its outcome. */
export interface SourceRunStore {
  startRun(run: {
    sourceId: string;
    trigger: SourceRun['trigger'];
    window: DayWindow;
    daysTotal: number;
  }): Promise<SourceRun>;
  recordProgress(
    id: string,
    daysDone: number,
    recordsWritten: number,
  ): Promise<void>;
  finishRun(id: string, outcome: { error?: string }): Promise<SourceRun>;
  /**
   * Marks the runs still recorded as running, left so by a backend that stopped during
   * them, as failed with the reason. Answers how many there were.
   */
  failInterrupted(reason: string): Promise<number>;
  /** The latest run of each source, its latest success and its latest failure. */
  latestRuns(sourceId: string): Promise<{
    latest?: SourceRun;
    lastSuccess?: SourceRun;
    lastFailure?: SourceRun;
  }>;
  getRun(id: string): Promise<SourceRun | undefined>;
}
