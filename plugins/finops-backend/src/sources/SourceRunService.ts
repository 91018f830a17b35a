import { ConflictError, NotFoundError } from '@backstage/errors';
import { DayWindow } from '@tollgate/plugin-finops-common';
import { CostSource } from '@tollgate/plugin-finops-node';
import { SourceRun } from './SourceRunStore';
import { CostSourceRunner, clipToToday } from './CostSourceRunner';

/** How long a manual run may take before it is given up, by default. */
export const DEFAULT_MANUAL_RUN_TIMEOUT_MS = 60_000;

/**
 * Runs a source on demand, one run per source at a time in this instance. A run that
 * takes longer than the timeout is given up: the window being fetched keeps its
 * earlier data and the run answers as failed, saying so.
 */
export class SourceRunService {
  private readonly running = new Set<string>();

  constructor(
    private readonly sources: () => CostSource[],
    private readonly runner: CostSourceRunner,
    private readonly timeoutMs = DEFAULT_MANUAL_RUN_TIMEOUT_MS,
  ) {}

  async runNow(id: string, window: DayWindow): Promise<SourceRun> {
    const source = this.sources().find(s => s.id === id);
    if (!source) {
      const known =
        this.sources()
          .map(s => s.id)
          .join(', ') || 'none';
      throw new NotFoundError(
        `No cost source ${id}; configured sources: ${known}`,
      );
    }
    clipToToday(window, new Date());
    if (this.running.has(id)) {
      throw new ConflictError(`Cost source ${id} is already running`);
    }
    this.running.add(id);
    const controller = new AbortController();
    const seconds = Math.round(this.timeoutMs / 100) / 10;
    const timer = setTimeout(
      () =>
        controller.abort(
          new Error(
            `gave up after ${seconds} s, the manual run timeout (tollgate.ingestion.manualRunTimeoutSeconds)`,
          ),
        ),
      this.timeoutMs,
    );
    try {
      return await this.runner.run(source, window, 'manual', controller.signal);
    } finally {
      clearTimeout(timer);
      this.running.delete(id);
    }
  }
}
