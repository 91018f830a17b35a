import {
  FinopsAlert,
  alertScopeFromKey,
  alertScopeKey,
} from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { toIso } from '../database/toIso';
import { yieldToEventLoop } from '../database/yieldToEventLoop';
import { AlertFilter, AlertStore, NewAlert } from './AlertStore';

const TABLE = 'finops_alerts';

/** The knex implementation of AlertStore: the unique alert key makes raising idempotent. */
export class DatabaseAlertStore implements AlertStore {
  static fromKnex(db: Knex) {
    return new DatabaseAlertStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async raise(alerts: NewAlert[]): Promise<FinopsAlert[]> {
    // One transaction: on SQLite an insert of its own waits for its own commit.
    return this.db.transaction(async trx => {
      const raised: FinopsAlert[] = [];
      for (const alert of alerts) {
        await yieldToEventLoop();
        raised.push(...(await this.raiseOne(trx, alert)));
      }
      return raised;
    });
  }

  private async raiseOne(
    trx: Knex.Transaction,
    alert: NewAlert,
  ): Promise<FinopsAlert[]> {
    const { kind, value } = alertScopeKey(alert.scope);
    const rows = await trx(TABLE)
      .insert({
        alert_key: alert.key,
        kind: alert.kind,
        scope_kind: kind,
        scope_value: value,
        budget_id: alert.budgetId ?? null,
        period_start: alert.periodStart,
        period_end: alert.periodEnd,
        threshold: alert.threshold ?? null,
        dimension: alert.dimension ?? null,
        title: alert.title,
        description: alert.description,
        created_at: alert.createdAt ?? new Date(),
      })
      .onConflict('alert_key')
      .ignore()
      .returning('*');
    return rows.map(toAlert);
  }

  async list(filter: AlertFilter): Promise<FinopsAlert[]> {
    const query = this.db(TABLE).orderBy('id', 'desc');
    if (filter.scopes) {
      if (!filter.scopes.length) {
        return [];
      }
      query.where(outer => {
        for (const scope of filter.scopes!) {
          const { kind, value } = alertScopeKey(scope);
          outer.orWhere({ scope_kind: kind, scope_value: value });
        }
      });
    }
    if (filter.status === 'open') {
      query.whereNull('acknowledged_at').whereNull('resolved_at');
    }
    return (await query).map(toAlert);
  }

  async get(id: string): Promise<FinopsAlert | undefined> {
    if (!/^\d{1,18}$/.test(id)) {
      return undefined;
    }
    const row = await this.db(TABLE).where('id', id).first();
    return row ? toAlert(row) : undefined;
  }

  async acknowledge(id: string, by: string): Promise<FinopsAlert | undefined> {
    if (!/^\d{1,18}$/.test(id)) {
      return undefined;
    }
    await this.db(TABLE)
      .where('id', id)
      .whereNull('acknowledged_at')
      .update({ acknowledged_at: new Date(), acknowledged_by: by });
    return this.get(id);
  }

  async resolveEnded(today: string): Promise<number> {
    return this.db(TABLE)
      .where('period_end', '<', today)
      .whereNull('resolved_at')
      .update({ resolved_at: new Date() });
  }
}

function toAlert(row: any): FinopsAlert {
  return {
    id: String(row.id),
    kind: row.kind,
    scope: alertScopeFromKey(row.scope_kind, row.scope_value),
    ...(row.budget_id ? { budgetId: row.budget_id } : {}),
    periodStart: row.period_start,
    ...(row.threshold !== null && row.threshold !== undefined
      ? { threshold: Number(row.threshold) }
      : {}),
    ...(row.dimension ? { dimension: row.dimension } : {}),
    title: row.title,
    description: row.description,
    createdAt: toIso(row.created_at)!,
    ...(row.acknowledged_at
      ? {
          acknowledgedAt: toIso(row.acknowledged_at),
          acknowledgedBy: row.acknowledged_by,
        }
      : {}),
    ...(row.resolved_at ? { resolvedAt: toIso(row.resolved_at) } : {}),
  };
}
