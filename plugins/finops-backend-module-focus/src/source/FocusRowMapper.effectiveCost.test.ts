import { focusRowMapper, ROW_COLUMNS } from '../__testUtils__/focusRowMapper';

const COLUMNS = [
  ...ROW_COLUMNS,
  'EffectiveCost',
  'ChargePeriodEnd',
  'ChargeFrequency',
];
const JANUARY = { from: '2025-01-01', to: '2025-01-31' };

describe('FocusRowMapper with EffectiveCost', () => {
  it('reads EffectiveCost beside BilledCost and ListCost', async () => {
    const m = await focusRowMapper({ columns: COLUMNS });
    expect(
      m.map({ BilledCost: '10.00', ListCost: '12.00', EffectiveCost: '8.50' }),
    ).toMatchObject({
      type: 'record',
      record: { billedCostMicros: 10_000_000n, listCostMicros: 12_000_000n },
      effectiveCostMicros: 8_500_000n,
    });
  });

  it('has none where the row leaves it empty or NULL, or the file has no column', async () => {
    const m = await focusRowMapper({ columns: COLUMNS });
    for (const EffectiveCost of ['', 'NULL']) {
      const result = m.map({ EffectiveCost });
      expect(result.type === 'record' && 'effectiveCostMicros' in result).toBe(
        false,
      );
    }
    const withoutColumn = await focusRowMapper();
    const result = withoutColumn.map({});
    expect(result.type === 'record' && 'effectiveCostMicros' in result).toBe(
      false,
    );
  });

  it('splits it over the days of a month-long row as it splits the other amounts', async () => {
    const m = await focusRowMapper({ columns: COLUMNS, window: JANUARY });
    const result = m.mapAll({
      ChargePeriodStart: '2025-01-01T00:00:00Z',
      ChargePeriodEnd: '2025-02-01T00:00:00Z',
      BilledCost: '31.00',
      ListCost: '62.00',
      EffectiveCost: '15.50',
      ConsumedQuantity: '3100',
    });
    if (result.type !== 'records') {
      throw new Error(result.type);
    }
    expect(result.records).toHaveLength(31);
    for (const { record, effectiveCostMicros } of result.records) {
      expect([
        record.billedCostMicros,
        record.listCostMicros,
        effectiveCostMicros,
        record.quantity,
      ]).toEqual([1_000_000n, 2_000_000n, 500_000n, 100_000_000n]);
    }
  });

  it('keeps a purchase with no effective cost whole on its first day', async () => {
    const m = await focusRowMapper({ columns: COLUMNS, window: JANUARY });
    expect(
      m.map({
        ChargeCategory: 'Purchase',
        ChargeFrequency: 'One-Time',
        ChargePeriodStart: '2025-01-01',
        ChargePeriodEnd: '2026-01-01',
        BilledCost: '1200',
        EffectiveCost: '0',
      }),
    ).toMatchObject({
      record: { day: '2025-01-01', billedCostMicros: 1_200_000_000n },
      effectiveCostMicros: 0n,
    });
  });

  it('rejects a row whose EffectiveCost is not a number, naming the column', async () => {
    const m = await focusRowMapper({ columns: COLUMNS });
    expect(m.map({ EffectiveCost: 'n/a' })).toEqual({
      type: 'invalid',
      reasons: ['EffectiveCost "n/a" is not a decimal number'],
    });
  });
});
