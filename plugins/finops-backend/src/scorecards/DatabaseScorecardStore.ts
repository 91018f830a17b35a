import { ScorecardResult } from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { ScorecardStore, StoredScorecardResult } from './ScorecardStore';

const TABLE = 'finops_scorecard_results';
const BATCH = 500;

/** Scorecard results in the finops database. */
export class DatabaseScorecardStore implements ScorecardStore {
  static fromKnex(db: Knex) {
    return new DatabaseScorecardStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async save(results: StoredScorecardResult[], evaluatedAt: Date) {
    const rows = results.map(({ result, team, costCenter }) => ({
      entity_ref: result.entityRef,
      scorecard_id: result.scorecardId,
      day: result.day,
      team: team ?? null,
      cost_center: costCenter ?? null,
      score: result.score,
      result: JSON.stringify(result),
      evaluated_at: evaluatedAt,
    }));
    const days = [...new Set(rows.map(row => row.day))];
    await this.db.transaction(async tx => {
      await tx(TABLE).whereIn('day', days).delete();
      for (let i = 0; i < rows.length; i += BATCH) {
        await tx(TABLE)
          .insert(rows.slice(i, i + BATCH))
          .onConflict(['entity_ref', 'scorecard_id', 'day'])
          .merge(['team', 'cost_center', 'score', 'result', 'evaluated_at']);
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
