import {
  DayWindow,
  GuardrailDenials,
  todayUtc,
} from '@tollgate/plugin-finops-common';
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

/** Calls the guardrail denied, kept in the shared database so every replica's count. */
export class DatabaseDenialStore {
  static fromKnex(db: Knex) {
    return new DatabaseDenialStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async record(denial: GuardrailDenial): Promise<void> {
    await this.db(TABLE).insert({
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
  }

  /** How many calls were denied in the days of `window`, and for which entities. */
  async summary(
    window: DayWindow,
  ): Promise<{ total: number; byEntity: GuardrailDenials[] }> {
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
