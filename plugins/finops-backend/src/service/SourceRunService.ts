import { ConflictError, NotFoundError } from '@backstage/errors';
import { DayWindow } from '@tollgate/plugin-finops-common';
import { CostSource } from '@tollgate/plugin-finops-node';
import { SourceRun } from '../database/SourceRunStore';
import { CostSourceRunner } from '../ingestion/CostSourceRunner';

/** Runs a source on demand, one run per source at a time in this instance. */
export class SourceRunService {
  private readonly running = new Set<string>();

  constructor(
    private readonly sources: () => CostSource[],
    private readonly runner: CostSourceRunner,
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
    if (this.running.has(id)) {
      throw new ConflictError(`Cost source ${id} is already running`);
    }
    this.running.add(id);
    try {
      return await this.runner.run(source, window, 'manual');
    } finally {
      this.running.delete(id);
    }
  }
}
