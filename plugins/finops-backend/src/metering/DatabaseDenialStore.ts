import {
  DayWindow,
  GuardrailDenials,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { toIso } from '../database/toIso';

/** A call the guardrail denied. */
export interface GuardrailDenial {
  entityRef: string;
  via: 'check' | 'reservation';
  estimateMicros: bigint;
  currency: string;
  reason: string;
  agentId?: string;
  sessionId?: string;
  at: Date;
}

const TABLE = 'finops_guardrail_denials';
/** Entities listed by `summary`, most denied first. */
const MAX_ENTITIES = 20;
const MAX_REASON = 1000;
/** How soon a denial is written, with the others of that while. */
const FLUSH_AFTER_MS = 1000;
/** Ten columns a row stay inside SQLite's limit of bound values. */
const ROWS_PER_INSERT = 500;

/**
 * Calls the guardrail denied, kept in the shared database so that every replica's
 * count. A denial is written within a second, with the others of that second in one
 * statement: a runaway loop that is denied hundreds of times a second costs the
 * guardrail no write per call. This replica's summaries count its own at once.
 */
export class DatabaseDenialStore {
  private pending: Array<Record<string, unknown>> = [];
  private timer?: ReturnType<typeof setTimeout>;
  private writing: Promise<void> = Promise.resolve();

  static fromKnex(db: Knex, options: { logger?: LoggerService } = {}) {
    return new DatabaseDenialStore(db, options.logger);
  }

  private constructor(
    private readonly db: Knex,
    private readonly logger?: LoggerService,
  ) {}

  record(denial: GuardrailDenial): void {
    this.pending.push({
      day: todayUtc(denial.at),
      entity_ref: denial.entityRef,
      via: denial.via,
      estimate: denial.estimateMicros,
      currency: denial.currency,
      reason: denial.reason.slice(0, MAX_REASON),
      agent_id: denial.agentId ?? null,
      session_id: denial.sessionId ?? null,
      denied_at: denial.at,
    });
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.flush().catch(error =>
          this.logger?.error(`Could not record guardrail denials: ${error}`),
        );
      }, FLUSH_AFTER_MS);
      this.timer.unref?.();
    }
  }

  /** Writes the denials recorded so far. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.pending;
    this.pending = [];
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
          await this.db(TABLE).insert(rows.slice(i, i + ROWS_PER_INSERT));
        }
      });
    return this.writing;
  }

  /** How many calls were denied in the days of `window`, and for which entities. */
  async summary(
    window: DayWindow,
  ): Promise<{ total: number; byEntity: GuardrailDenials[] }> {
    await this.flush();
    const inWindow = () =>
      this.db(TABLE).whereBetween('day', [window.from, window.to]);
    const counts: Array<{ entity_ref: string; count: unknown }> =
      await inWindow()
        .select('entity_ref')
        .count({ count: '*' })
        .groupBy('entity_ref');
    const total = counts.reduce((sum, row) => sum + Number(row.count), 0);
    const top = counts
      .map(row => ({ entityRef: row.entity_ref, count: Number(row.count) }))
      .sort(
        (a, b) => b.count - a.count || a.entityRef.localeCompare(b.entityRef),
      )
      .slice(0, MAX_ENTITIES);
    const byEntity: GuardrailDenials[] = [];
    for (const { entityRef, count } of top) {
      const last = await inWindow()
        .where('entity_ref', entityRef)
        .orderBy('id', 'desc')
        .first('denied_at', 'reason');
      byEntity.push({
        entityRef,
        count,
        lastAt: toIso(last.denied_at)!,
        lastReason: last.reason,
      });
    }
    return { total, byEntity };
  }
}
