import { FigureSum } from './figureSums';
import { TableLine } from './FigureTable';
import { driftAlerts } from './driftAlerts';

const billed = (cost: bigint): FigureSum => ({
  cost,
  unpriced: 0n,
  complete: true,
});
const priced = (cost: bigint): FigureSum => ({
  quantity: 1n,
  cost,
  unpriced: 0n,
  complete: true,
});

function line(tokenType: TableLine['tokenType'], days: TableLine['days']) {
  return {
    provider: 'anthropic',
    model: 'claude-sonnet-4',
    tokenType,
    days,
    pricedNames: new Map(),
    billedNames: new Map(),
  };
}

describe('driftAlerts', () => {
  it("judges a model's token types of a day together, one alert per day", () => {
    const alerts = driftAlerts(
      [
        line(
          'input',
          new Map([
            [
              '2026-08-10',
              { vendorCost: billed(6_000_000n), metered: priced(5_000_000n) },
            ],
            [
              '2026-08-11',
              { vendorCost: billed(6_000_000n), metered: priced(6_100_000n) },
            ],
          ]),
        ),
        line(
          'output',
          new Map([
            [
              '2026-08-10',
              { vendorCost: billed(4_000_000n), metered: priced(4_000_000n) },
            ],
            [
              '2026-08-11',
              { vendorCost: billed(4_000_000n), metered: priced(4_700_000n) },
            ],
          ]),
        ),
      ],
      { percent: 5, currency: 'EUR', today: '2026-08-20' },
    );
    expect(alerts).toEqual([
      {
        key: 'reconciliation:anthropic:claude-sonnet-4:2026-08-10',
        kind: 'reconciliation',
        scope: { provider: 'anthropic' },
        periodStart: '2026-08-10',
        periodEnd: '2026-08-27',
        dimension: 'claude-sonnet-4',
        title: 'Reconciliation drift: anthropic claude-sonnet-4 on 2026-08-10',
        description:
          "anthropic claude-sonnet-4 on 2026-08-10: metered usage 9.00 EUR is 10% below the vendor's cost API's 10.00 EUR, past the alert threshold of 5%",
      },
      expect.objectContaining({
        key: 'reconciliation:anthropic:claude-sonnet-4:2026-08-11',
        description:
          "anthropic claude-sonnet-4 on 2026-08-11: metered usage 10.80 EUR is 8% above the vendor's cost API's 10.00 EUR, past the alert threshold of 5%",
      }),
    ]);
  });
});
