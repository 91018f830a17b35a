import { ScorecardResult } from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { insertRowsInBatches } from '../database/insertRows';
import { entityRefKey } from '../entities/entityRefKey';
import { ScorecardStore, StoredScorecardResult } from './ScorecardStore';
import {
  EvaluatedScorecard,
  ScorecardOutcome,
  evaluatedScorecardOf,
  outcomeOf,
  storedResultOf,
} from './scorecardRows';

const RESULTS = 'finops_scorecard_results';
const DEFINITIONS = 'finops_scorecard_definitions';
const RESULT_COLUMNS = [
  'entity_ref',
  'scorecard_id',
  'day',
  'team',
  'cost_center',
  'score',
  'result',
  'evaluated_at',
];

interface ResultRow {
  entity_ref: string;
  scorecard_id: string;
  day: string;
  result: string;
}

/**
 * Scorecard results in the finops database. Each scorecard's title and checks are
 * stored once per day (`finops_scorecard_definitions`); a result row holds what the
 * entity's evaluation adds: scores, grades, and each check's value and status.
 */
export class DatabaseScorecardStore implements ScorecardStore {
  static fromKnex(db: Knex) {
    return new DatabaseScorecardStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async save(results: StoredScorecardResult[], evaluatedAt: Date) {
    // One row per entity, scorecard and day; a later result replaces an earlier one.
    const rows = new Map<string, unknown[]>();
    // Each scorecard and day as its first result was evaluated.
    const scorecards = new Map<
      string,
      { scorecardId: string; day: string; scorecard: EvaluatedScorecard }
    >();
    for (const { result, team, costCenter } of results) {
      const scorecardKey = `${result.scorecardId}\u0000${result.day}`;
      let evaluated = scorecards.get(scorecardKey);
      if (!evaluated) {
        evaluated = {
          scorecardId: result.scorecardId,
          day: result.day,
          scorecard: evaluatedScorecardOf(result),
        };
        scorecards.set(scorecardKey, evaluated);
      }
      rows.set(`${result.entityRef}\u0000${scorecardKey}`, [
        result.entityRef,
        result.scorecardId,
        result.day,
        team ?? null,
        costCenter ?? null,
        result.score,
        // A result evaluated with other checks than its day's first is kept whole.
        JSON.stringify(outcomeOf(result, evaluated.scorecard) ?? result),
        evaluatedAt,
      ]);
    }
    const all = [...rows.values()];
    const definitionRows = [...scorecards.values()].map(
      ({ scorecardId, day, scorecard }) => [
        scorecardId,
        day,
        JSON.stringify(scorecard),
      ],
    );
    const days = [...new Set(results.map(({ result }) => result.day))];
    await this.db.transaction(async tx => {
      await tx(RESULTS).whereIn('day', days).delete();
      await tx(DEFINITIONS).whereIn('day', days).delete();
      await insertRowsInBatches(
        tx,
        DEFINITIONS,
        ['scorecard_id', 'day', 'definition'],
        definitionRows,
      );
      await insertRowsInBatches(tx, RESULTS, RESULT_COLUMNS, all);
    });
  }

  async latestDay() {
    const [row] = await this.db(RESULTS).max({ day: 'day' });
    return row?.day ?? undefined;
  }

  async entityHistory(entityRef: string, from: string) {
    const rows: ResultRow[] = await this.db(RESULTS)
      .where('entity_ref', entityRefKey(entityRef))
      .where('day', '>=', from)
      .orderBy('day')
      .select('entity_ref', 'scorecard_id', 'day', 'result');
    const scorecards = await this.scorecards(query =>
      query
        .where('day', '>=', from)
        .whereIn('scorecard_id', [...new Set(rows.map(r => r.scorecard_id))]),
    );
    return rows.map(row => this.resultOf(row, scorecards));
  }

  async day(day: string) {
    const rows: Array<ResultRow & { team?: string; cost_center?: string }> =
      await this.db(RESULTS)
        .where('day', day)
        .select(
          'entity_ref',
          'scorecard_id',
          'day',
          'result',
          'team',
          'cost_center',
        );
    const scorecards = await this.scorecards(query => query.where('day', day));
    return rows.map(row => ({
      result: this.resultOf(row, scorecards),
      team: row.team ?? undefined,
      costCenter: row.cost_center ?? undefined,
    }));
  }

  /** Evaluated scorecards by scorecard id and day. */
  private async scorecards(
    where: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
  ): Promise<Map<string, EvaluatedScorecard>> {
    const rows: Array<{
      scorecard_id: string;
      day: string;
      definition: string;
    }> = await where(this.db(DEFINITIONS)).select(
      'scorecard_id',
      'day',
      'definition',
    );
    return new Map(
      rows.map(row => [
        `${row.scorecard_id}\u0000${row.day}`,
        JSON.parse(row.definition) as EvaluatedScorecard,
      ]),
    );
  }

  private resultOf(
    row: ResultRow,
    scorecards: Map<string, EvaluatedScorecard>,
  ): ScorecardResult {
    return storedResultOf(
      {
        entityRef: row.entity_ref,
        scorecardId: row.scorecard_id,
        day: row.day,
      },
      JSON.parse(row.result) as ScorecardOutcome | ScorecardResult,
      scorecards.get(`${row.scorecard_id}\u0000${row.day}`),
    );
  }
}
