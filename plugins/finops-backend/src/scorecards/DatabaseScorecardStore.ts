import { ScorecardResult } from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { insertRows } from '../database/insertRows';
import { ScorecardStore, StoredScorecardResult } from './ScorecardStore';

const TABLE = 'finops_scorecard_results';
const COLUMNS = [
  'entity_ref',
  'scorecard_id',
  'day',
  'team',
  'cost_center',
  'score',
  'result',
  'evaluated_at',
];
/** Rows per insert: 8 columns stay well inside SQLite's variable limit. */
const BATCH = 1000;

/** Scorecard results in the finops database. */
export class DatabaseScorecardStore implements ScorecardStore {
  static fromKnex(db: Knex) {
    return new DatabaseScorecardStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async save(results: StoredScorecardResult[], evaluatedAt: Date) {
    // One row per entity, scorecard and day; a later result replaces an earlier one.
    const rows = new Map<string, unknown[]>();
    for (const { result, team, costCenter } of results) {
      rows.set(
        `${result.entityRef}\u0000${result.scorecardId}\u0000${result.day}`,
        [
          result.entityRef,
          result.scorecardId,
          result.day,
          team ?? null,
          costCenter ?? null,
          result.score,
          JSON.stringify(result),
          evaluatedAt,
        ],
      );
    }
    const all = [...rows.values()];
    const days = [...new Set(results.map(({ result }) => result.day))];
    await this.db.transaction(async tx => {
      await tx(TABLE).whereIn('day', days).delete();
      for (let i = 0; i < all.length; i += BATCH) {
        await insertRows(tx, TABLE, COLUMNS, all.slice(i, i + BATCH));
      }
    });
  }

  async latestDay() {
    const [row] = await this.db(TABLE).max({ day: 'day' });
    return row?.day ?? undefined;
  }

  async entityHistory(entityRef: string, from: string) {
    const rows = await this.db(TABLE)
      .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .where('day', '>=', from)
      .orderBy('day')
      .select('result');
    return rows.map(row => JSON.parse(row.result) as ScorecardResult);
  }

  async day(day: string) {
    const rows = await this.db(TABLE)
      .where('day', day)
      .select('result', 'team', 'cost_center');
    return rows.map(row => ({
      result: JSON.parse(row.result) as ScorecardResult,
      team: row.team ?? undefined,
      costCenter: row.cost_center ?? undefined,
    }));
  }
}
