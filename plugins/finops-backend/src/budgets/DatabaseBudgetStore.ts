import { ConflictError } from '@backstage/errors';
import {
  Budget,
  BudgetInput,
  BudgetScope,
  budgetScopeFromKey,
  budgetScopeKey,
  describeBudgetScope,
  formatMicros,
} from '@tollgate/plugin-finops-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { toBigInt } from '../database/toBigInt';
import { toIso } from '../database/toIso';
import { BudgetStore } from './BudgetStore';

const TABLE = 'finops_budgets';

/** The knex implementation of BudgetStore, for SQLite and PostgreSQL. */
export class DatabaseBudgetStore implements BudgetStore {
  static fromKnex(db: Knex) {
    return new DatabaseBudgetStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async list(): Promise<Budget[]> {
    const rows = await this.db(TABLE).orderBy('id');
    return rows.map(toBudget);
  }

  async get(id: string): Promise<Budget | undefined> {
    const row = await this.db(TABLE).where('id', id).first();
    return row ? toBudget(row) : undefined;
  }

  async create(input: BudgetInput, updatedBy?: string): Promise<Budget> {
    const id = randomUUID();
    const inserted = await this.db(TABLE)
      .insert({ id, ...toRow(input, updatedBy) })
      .onConflict(['scope_kind', 'scope_value'])
      .ignore()
      .returning('id');
    if (inserted.length === 0) {
      const existing = await this.findByScope(input.scope);
      throw new ConflictError(
        `${describeBudgetScope(input.scope)} already has a budget${
          existing ? ` (${existing.id})` : ''
        }; replace it with PUT /v1/budgets/{id}`,
      );
    }
    return (await this.get(id))!;
  }

  async replace(
    id: string,
    input: BudgetInput,
    updatedBy?: string,
  ): Promise<Budget | undefined> {
    const existing = await this.findByScope(input.scope);
    if (existing && existing.id !== id) {
      throw new ConflictError(
        `${describeBudgetScope(input.scope)} already has another budget (${
          existing.id
        })`,
      );
    }
    const count = await this.db(TABLE)
      .where('id', id)
      .update(toRow(input, updatedBy));
    return count ? this.get(id) : undefined;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.db(TABLE).where('id', id).delete()) > 0;
  }

  private async findByScope(scope: BudgetScope) {
    const { kind, value } = budgetScopeKey(scope);
    const row = await this.db(TABLE)
      .where({ scope_kind: kind, scope_value: value })
      .first();
    return row ? toBudget(row) : undefined;
  }
}

function toRow(input: BudgetInput, updatedBy?: string) {
  const { kind, value } = budgetScopeKey(input.scope);
  return {
    scope_kind: kind,
    scope_value: value,
    amount: String(input.amountMicros),
    currency: input.currency,
    period: input.period,
    thresholds: JSON.stringify(input.thresholds),
    enforcement: input.enforcement,
    updated_at: new Date(),
    updated_by: updatedBy ?? null,
  };
}

function toBudget(row: any): Budget {
  return {
    id: row.id,
    scope: budgetScopeFromKey(row.scope_kind, row.scope_value),
    amount: formatMicros(toBigInt(row.amount)),
    currency: row.currency,
    period: row.period,
    thresholds: JSON.parse(row.thresholds),
    enforcement: row.enforcement,
    origin: 'api',
    updatedAt: toIso(row.updated_at),
    ...(row.updated_by ? { updatedBy: row.updated_by } : {}),
  };
}
