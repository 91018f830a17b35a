import {
  EntityScorecardResponse,
  SCORECARD_PILLARS,
  ScorecardLeaderboardItem,
  ScorecardLeaderboardResponse,
  ScorecardPillar,
  addDays,
  gradeOf,
  round1,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import { entityRefKey } from '../entities/entityRefKey';
import { ScorecardStore } from './ScorecardStore';

/** How many days of history the entity scorecard's trend covers. */
export const TREND_DAYS = 90;
/** The leaderboard key of entities without the label grouped by. */
export const UNLABELLED_KEY = '(unlabelled)';

function mean(values: Array<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0
    ? null
    : round1(present.reduce((a, b) => a + b, 0) / present.length);
}

function pillarScores(
  pillars: Array<{ pillar: ScorecardPillar; score: number | null }>,
) {
  return Object.fromEntries(
    SCORECARD_PILLARS.map(p => [
      p,
      pillars.find(x => x.pillar === p)?.score ?? null,
    ]),
  ) as Record<ScorecardPillar, number | null>;
}

/** Reads stored scorecard results for the routes. */
export class ScorecardQueries {
  constructor(
    private readonly store: ScorecardStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The latest results of an entity, each with its 90-day trend. */
  async entityScorecard(entityRef: string): Promise<EntityScorecardResponse> {
    const ref = entityRefKey(entityRef);
    const from = addDays(todayUtc(this.now()), 1 - TREND_DAYS);
    const history = await this.store.entityHistory(ref, from);
    const latestDay = history.at(-1)?.day;
    const latest = history.filter(r => r.day === latestDay);
    return {
      entityRef: ref,
      scorecards: latest.map(result => ({
        ...result,
        trend: history
          .filter(r => r.scorecardId === result.scorecardId)
          .map(r => ({
            day: r.day,
            score: r.score,
            pillars: pillarScores(r.pillars),
          })),
      })),
    };
  }

  /** Teams or cost centers by the mean score of their entities' latest results, best first. */
  async leaderboard(
    groupBy: 'team' | 'costCenter',
  ): Promise<ScorecardLeaderboardResponse> {
    const day = (await this.store.latestDay()) ?? null;
    const rows = day ? await this.store.day(day) : [];
    const groups = new Map<string, typeof rows>();
    for (const row of rows) {
      const key = row[groupBy] ?? UNLABELLED_KEY;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    const items: ScorecardLeaderboardItem[] = [...groups].map(
      ([key, group]) => {
        const score = mean(group.map(r => r.result.score));
        const pillars = pillarScores(
          SCORECARD_PILLARS.map(pillar => ({
            pillar,
            score: mean(
              group.map(
                r =>
                  r.result.pillars.find(p => p.pillar === pillar)?.score ??
                  null,
              ),
            ),
          })),
        );
        return {
          key,
          score,
          grade: gradeOf(score),
          pillars,
          entities: group.length,
        };
      },
    );
    items.sort(
      (a, b) => (b.score ?? -1) - (a.score ?? -1) || a.key.localeCompare(b.key),
    );
    return { groupBy, day, items };
  }
}
