import { Knex } from 'knex';
import { selectRows } from '../database/selectRows';
import {
  ReconciliationStore,
  TokenRecordGroup,
  TokenRecordQuery,
} from './ReconciliationStore';

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
    const rows = await selectRows(
      db,
      db('finops_cost_records')
        .select(columns)
        .select(
          db.raw('CAST(SUM(quantity) AS TEXT) AS quantity'),
          db.raw('COUNT(*) - COUNT(quantity) AS without_quantity'),
          db.raw('CAST(SUM(billed_cost) AS TEXT) AS billed'),
        )
        .where('source_id', query.sourceId)
        .whereBetween('day', [query.window.from, query.window.to])
        .where('dimension_kind', 'tokenType')
        .where('currency', query.currency)
        .groupBy(columns),
    );
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
}
