import { Budget } from '@tollgate/plugin-finops-common';
import { CostStore, DailyAggregate } from '../costs/store/CostStore';
import { BudgetSpend } from './BudgetSpend';
import { sumDaily } from './SpendSeries';

const TODAY = '2026-11-20';
const YESTERDAY = '2026-11-19';

function budget(scope: Budget['scope'], id: string): Budget {
  return {
    id,
    scope,
    amount: '100.00',
    currency: 'USD',
    period: 'month',
    thresholds: [50, 80, 100],
    enforcement: 'hard',
    origin: 'api',
  };
}

const team = budget({ team: 'ml' }, 'team');
const summarizer = budget({ entityRef: 'component:default/a' }, 'a');
const router = budget({ entityRef: 'component:default/b' }, 'b');

/** A cost store whose daily spend is what the test sets, and the windows it was read for. */
function store(rows: Record<string, Array<[string, string, number]>>) {
  const reads: string[] = [];
  const costStore = {
    dailySpend: async ({ by, window }: any): Promise<DailyAggregate[]> => {
      reads.push(`${by} ${window.from}..${window.to}`);
      return (rows[by] ?? [])
        .filter(([day]) => day >= window.from && day <= window.to)
        .map(([day, key, usd]) => ({
          day,
          key,
          costMicros: BigInt(usd) * 1_000_000n,
        }));
    },
  } as unknown as CostStore;
  return { costStore, reads };
}

describe('BudgetSpend', () => {
  it("reads today's spend alone after metered usage, keeping the series of scopes whose today did not change", async () => {
    const rows: Record<string, Array<[string, string, number]>> = {
      team: [
        [YESTERDAY, 'ml', 5],
        [TODAY, 'ml', 2],
      ],
      entity: [
        [YESTERDAY, 'component:default/a', 3],
        [TODAY, 'component:default/a', 1],
        [TODAY, 'component:default/b', 4],
      ],
    };
    const { costStore, reads } = store(rows);
    const spend = new BudgetSpend(costStore);
    const budgets = [team, summarizer, router];
    const first = await spend.load(budgets, TODAY);
    expect(reads).toEqual([
      'team 2026-10-23..2026-11-20',
      'entity 2026-10-23..2026-11-20',
    ]);

    // metered usage: a's today rises, b's today is superseded, the team's is unchanged
    rows.entity = [
      [YESTERDAY, 'component:default/a', 3],
      [TODAY, 'component:default/a', 6],
    ];
    // a change to a past day is read at the next full load only
    rows.team = [
      [YESTERDAY, 'ml', 9],
      [TODAY, 'ml', 2],
    ];
    const second = await spend.load(budgets, TODAY, { todayOnly: true });
    expect(reads.slice(2)).toEqual([
      'team 2026-11-20..2026-11-20',
      'entity 2026-11-20..2026-11-20',
    ]);
    const parts = (s: typeof first, b: Budget) => s.partsOf(b, new Map());
    expect(parts(second, team)[0]).toBe(parts(first, team)[0]);
    expect([...parts(second, summarizer)[0]]).toEqual([
      [YESTERDAY, 3_000_000n],
      [TODAY, 6_000_000n],
    ]);
    expect([...parts(second, router)[0]]).toEqual([]);

    const third = await spend.load(budgets, TODAY);
    expect([...parts(third, team)[0]]).toEqual([
      [YESTERDAY, 9_000_000n],
      [TODAY, 2_000_000n],
    ]);
    // a new day reads everything again, whatever was asked
    await spend.load(budgets, '2026-11-21', { todayOnly: true });
    expect(reads.slice(-2)).toEqual([
      'team 2026-10-24..2026-11-21',
      'entity 2026-10-24..2026-11-21',
    ]);
  });

  it("sums an entity's parts", () => {
    const a = new Map([[TODAY, 1n]]);
    const b = new Map([
      [TODAY, 2n],
      [YESTERDAY, 5n],
    ]);
    expect(sumDaily([a])).toBe(a);
    expect([...sumDaily([a, b])]).toEqual([
      [TODAY, 3n],
      [YESTERDAY, 5n],
    ]);
  });
});
