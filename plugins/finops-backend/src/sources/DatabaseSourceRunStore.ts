import { Knex } from 'knex';
import { SourceRun, SourceRunStore } from './SourceRunStore';
import { toBigInt } from '../database/toBigInt';
import { toIso } from '../database/toIso';

const TABLE = 'finops_source_runs';

/** The knex implementation of SourceRunStore. */
export class DatabaseSourceRunStore implements SourceRunStore {
  static fromKnex(db: Knex) {
    return new DatabaseSourceRunStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async startRun(run: {
    sourceId: string;
    trigger: SourceRun['trigger'];
    window: { from: string; to: string };
    daysTotal: number;
  }): Promise<SourceRun> {
    const [row] = await this.db(TABLE)
      .insert({
        source_id: run.sourceId,
        trigger: run.trigger,
        window_from: run.window.from,
        window_to: run.window.to,
        status: 'running',
        started_at: new Date(),
        days_total: run.daysTotal,
        days_done: 0,
        records_written: 0,
      })
      .returning('id');
    const id = typeof row === 'object' ? row.id : row;
    return (await this.getRun(String(id)))!;
  }

  async recordProgress(id: string, daysDone: number, recordsWritten: number) {
    await this.db(TABLE)
      .where('id', id)
      .update({ days_done: daysDone, records_written: recordsWritten });
  }

  async finishRun(id: string, outcome: { error?: string }) {
    await this.db(TABLE)
      .where('id', id)
      .update({
        status: outcome.error === undefined ? 'succeeded' : 'failed',
        finished_at: new Date(),
        error: outcome.error ?? null,
      });
    return (await this.getRun(id))!;
  }

  async failInterrupted(reason: string) {
    return this.db(TABLE).where('status', 'running').update({
      status: 'failed',
      finished_at: new Date(),
      error: reason,
    });
  }

  async latestRuns(sourceId: string) {
    const query = () =>
      this.db(TABLE).where('source_id', sourceId).orderBy('id', 'desc').first();
    const [latest, lastSuccess, lastFailure] = await Promise.all([
      query(),
      query().where('status', 'succeeded'),
      query().where('status', 'failed'),
    ]);
    return {
      latest: latest && toRun(latest),
      lastSuccess: lastSuccess && toRun(lastSuccess),
      lastFailure: lastFailure && toRun(lastFailure),
    };
  }

  async getRun(id: string) {
    const row = await this.db(TABLE).where('id', id).first();
    return row ? toRun(row) : undefined;
  }
}

function toRun(row: any): SourceRun {
  return {
    id: String(row.id),
    sourceId: row.source_id,
    trigger: row.trigger,
    window: { from: row.window_from, to: row.window_to },
    status: row.status,
    startedAt: toIso(row.started_at)!,
    finishedAt: toIso(row.finished_at),
    daysTotal: Number(row.days_total),
    daysDone: Number(row.days_done),
    recordsWritten: Number(toBigInt(row.records_written)),
    error: row.error ?? undefined,
  };
}
