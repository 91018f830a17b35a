import { DayWindow, splitWindow } from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { selectRows } from '../database/selectRows';
import { yieldToEventLoop } from '../database/yieldToEventLoop';
import {
  ReconciliationStore,
  TokenRecordGroup,
  TokenRecordQuery,
} from './ReconciliationStore';

/**
 * Days summed per statement on SQLite. Each statement runs synchronously there, and a
 * month of a large export takes the best part of a second to sum: a day at a time,
 * with turns of the event loop in between, keeps requests answered meanwhile. Days are
 * among the grouped columns, so the groups of each day are the window's.
 */
const SQLITE_DAYS_PER_STATEMENT = 1;

/** The knex implementation of ReconciliationStore, for SQLite and PostgreSQL. */
export class DatabaseReconciliationStore implements ReconciliationStore {
  static fromKnex(db: Knex): DatabaseReconciliationStore {
    return new DatabaseReconciliationStore(db);
  }

  private constructor(private readonly db: Knex) {}

  /**
   * A source's token records (dimension kind `tokenType`) of a window in a currency,
   * summed. Sums are read as text: exact beyond the 2^53 of a JavaScript number.
   */
  async tokenRecords(query: TokenRecordQuery): Promise<TokenRecordGroup[]> {
    const { db } = this;
    const columns = [
      ...(query.byEntity ? ['entity_ref'] : []),
      'provider',
      'model',
      'dimension',
      'day',
      'unit',
    ];
    const windows =
      db.client.driverName === 'better-sqlite3'
        ? splitWindow(query.window, SQLITE_DAYS_PER_STATEMENT)
        : [query.window];
    const rows: unknown[][] = [];
    for (const window of windows) {
      await yieldToEventLoop();
      for (const row of await selectRows(
        db,
        this.tokenRecordSums(query, window, columns),
      )) {
        rows.push(row);
      }
    }
    return rows.map(row => {
      const values = query.byEntity ? row : [undefined, ...row];
      const [entityRef, provider, model, tokenType, day, unit] =
        values as Array<string | null>;
      const [quantity, withoutQuantity, billed] = values.slice(6);
      return {
        sourceId: query.sourceId,
        ...(query.byEntity ? { entityRef } : {}),
        provider: provider!,
        model,
        tokenType: tokenType!,
        day: day!,
        unit,
        ...(quantity === null || quantity === undefined
          ? {}
          : { quantity: BigInt(String(quantity)) }),
        withoutQuantity: Number(withoutQuantity),
        billedMicros: BigInt(String(billed ?? '0')),
      };
    });
  }

  /** The sums of tokenRecords over one window, grouped by `columns`. */
  private tokenRecordSums(
    query: TokenRecordQuery,
    window: DayWindow,
    columns: string[],
  ): Knex.QueryBuilder {
    const { db } = this;
    return db('finops_cost_records')
      .select(columns)
      .select(
        db.raw('CAST(SUM(quantity) AS TEXT) AS quantity'),
        db.raw('COUNT(*) - COUNT(quantity) AS without_quantity'),
        db.raw('CAST(SUM(billed_cost) AS TEXT) AS billed'),
      )
      .where('source_id', query.sourceId)
      .whereBetween('day', [window.from, window.to])
      .where('dimension_kind', 'tokenType')
      .where('currency', query.currency)
      .groupBy(columns);
  }
}
