import {
  FigureSum,
  combineFigures,
  driftPasses,
  driftPercent,
} from './figureSums';

const billed = (cost: bigint, quantity?: bigint): FigureSum => ({
  ...(quantity === undefined ? {} : { quantity }),
  cost,
  unpriced: 0n,
  complete: quantity !== undefined,
});
const priced = (cost: bigint, unpriced = 0n): FigureSum => ({
  quantity: 1_000_000n,
  cost,
  unpriced,
  complete: true,
});

describe('combineFigures', () => {
  it('measures every figure against the invoice', () => {
    const combined = combineFigures([
      {
        invoice: billed(10_000_000n, 1_000_000n),
        vendorCost: billed(10_500_000n),
        vendorUsage: priced(9_000_000n),
        metered: priced(12_400_000n),
      },
    ]);
    expect(combined.reference).toBe('invoice');
    expect(combined.drift).toEqual({
      vendorCost: { amount: 500_000n, base: 10_000_000n },
      vendorUsage: { amount: -1_000_000n, base: 10_000_000n },
      metered: { amount: 2_400_000n, base: 10_000_000n },
    });
    expect(driftPercent(combined.drift.metered!)).toBe(24);
    expect(driftPercent(combined.drift.vendorUsage!)).toBe(-10);
  });

  it('measures against the highest authority present without an invoice', () => {
    const combined = combineFigures([
      { vendorUsage: priced(3_000_000n), metered: priced(2_000_000n) },
    ]);
    expect(combined.reference).toBe('vendorUsage');
    expect(combined.drift).toEqual({
      metered: { amount: -1_000_000n, base: 3_000_000n },
    });
  });

  it('leaves out figures with unpriced tokens, and days only one figure has', () => {
    const combined = combineFigures([
      { invoice: billed(1_000_000n), metered: priced(900_000n) },
      { metered: priced(5_000_000n) },
      { invoice: billed(2_000_000n), metered: priced(0n, 10n) },
    ]);
    expect(combined.drift).toEqual({
      metered: { amount: -100_000n, base: 1_000_000n },
    });
    expect(combined.sums.metered).toEqual({
      quantity: 3_000_000n,
      cost: 5_900_000n,
      unpriced: 10n,
      complete: true,
    });
    expect(combined.sums.invoice).toEqual({
      cost: 3_000_000n,
      unpriced: 0n,
      complete: false,
    });
  });

  it('has no reference without a cost', () => {
    expect(combineFigures([{ metered: priced(0n, 5n) }])).toEqual({
      sums: { metered: priced(0n, 5n) },
      drift: {},
    });
  });
});

describe('driftPasses', () => {
  it('passes only above the percent, exactly', () => {
    expect(driftPasses({ amount: 500_001n, base: 10_000_000n }, 5)).toBe(true);
    expect(driftPasses({ amount: 500_000n, base: 10_000_000n }, 5)).toBe(false);
    expect(driftPasses({ amount: -600_000n, base: 10_000_000n }, 5)).toBe(true);
    expect(driftPasses({ amount: 260_000n, base: 10_000_000n }, 2.5)).toBe(
      true,
    );
    expect(driftPasses({ amount: 1n, base: 0n }, 5)).toBe(false);
  });

  it('rounds percent to two decimals half to even', () => {
    expect(driftPercent({ amount: 1n, base: 3n })).toBe(33.33);
    expect(driftPercent({ amount: 0n, base: 0n })).toBeNull();
  });
});
