import {
  focusRowMapper as mapper,
  ROW_COLUMNS as COLUMNS,
} from '../__testUtils__/focusRowMapper';
import { FocusAttribution } from './FocusAttribution';
import { FocusHeader } from './FocusHeader';
import { FocusRowMapper } from './FocusRowMapper';

describe('FocusRowMapper', () => {
  it('maps a usage row', async () => {
    const m = await mapper();
    expect(
      m.map({
        ConsumedQuantity: '1200',
        ConsumedUnit: 'Requests',
        Tags: '{"cost-center":"cc-1","team":"search","size":3,"flag":null}',
      }),
    ).toEqual({
      type: 'record',
      record: {
        day: '2024-09-02',
        costCenter: 'cc-1',
        team: 'search',
        provider: 'amazon-web-services',
        service: 'Amazon Bedrock',
        model: 'SKU-1',
        dimensionKind: 'usage',
        dimension: 'Requests',
        quantity: 1_200_000_000n,
        unit: 'Requests',
        billedCostMicros: 1_250_000n,
        listCostMicros: 1_500_000n,
        currency: 'USD',
        tags: { 'cost-center': 'cc-1', team: 'search', size: '3', flag: '' },
      },
    });
  });

  it('maps a token row by its SkuPriceDetails', async () => {
    const m = await mapper();
    const result = m.map({
      SkuPriceDetails:
        '{"ModelId":"claude-sonnet","TokenDirection":"Input","TokenCacheAction":"Read"}',
      ConsumedQuantity: '8000000.0',
      ConsumedUnit: 'Tokens',
    });
    expect(result).toMatchObject({
      type: 'record',
      record: {
        model: 'claude-sonnet',
        dimensionKind: 'tokenType',
        dimension: 'cache-read',
        quantity: 8_000_000_000_000n,
        unit: 'Tokens',
      },
    });
  });

  it('falls back to PricingQuantity and PricingUnit', async () => {
    const m = await mapper();
    expect(
      m.map({ PricingQuantity: '0.5', PricingUnit: '1000000 Tokens' }),
    ).toMatchObject({
      record: { quantity: 500_000n, unit: '1000000 Tokens' },
    });
  });

  it('keeps exact decimals, negative credits and exponents', async () => {
    const m = await mapper();
    expect(m.map({ BilledCost: '0.1234565' })).toMatchObject({
      record: { billedCostMicros: 123_456n },
    });
    expect(m.map({ BilledCost: '-12.000001' })).toMatchObject({
      record: { billedCostMicros: -12_000_001n },
    });
    expect(m.map({ BilledCost: '2.5E-5' })).toMatchObject({
      record: { billedCostMicros: 25n },
    });
  });

  it('names the model from an x_ column before the SkuId', async () => {
    const m = await mapper({ columns: [...COLUMNS, 'x_ModelName'] });
    expect(m.map({ x_ModelName: 'gpt-4o' })).toMatchObject({
      record: { model: 'gpt-4o' },
    });
  });

  it('leaves rows outside the window out without checking them further', async () => {
    const m = await mapper();
    expect(
      m.map({ ChargePeriodStart: '2024-08-31T23:59:59Z', BilledCost: 'x' }),
    ).toEqual({ type: 'outside-window' });
    expect(m.map({ ChargePeriodStart: '2024-09-04' })).toEqual({
      type: 'outside-window',
    });
    expect(m.map({ ChargePeriodStart: '2024-09-03 23:00:00' })).toMatchObject({
      type: 'record',
    });
  });

  it('leaves rows of another currency out when a currency is configured', async () => {
    const m = await mapper({ currency: 'EUR' });
    expect(m.map({})).toEqual({ type: 'other-currency' });
    expect(m.map({ BillingCurrency: 'EUR' })).toMatchObject({
      type: 'record',
      record: { currency: 'EUR' },
    });
  });

  it.each([
    [{ BilledCost: '' }, ['BilledCost is empty']],
    [{ BilledCost: '1,5' }, ['BilledCost "1,5" is not a decimal number']],
    [{ BillingCurrency: '' }, ['BillingCurrency is empty']],
    [
      { BillingCurrency: 'usd' },
      ['BillingCurrency "usd" is not an ISO 4217 code'],
    ],
    [{ ChargePeriodStart: '' }, ['ChargePeriodStart is empty']],
    [
      { ChargePeriodStart: '2024-02-30' },
      ['ChargePeriodStart "2024-02-30" is not a date'],
    ],
    [
      { Tags: '{"team":' },
      [expect.stringMatching(/^Tags is not valid JSON \(/)],
    ],
    [{ Tags: '["a"]' }, ['Tags is JSON but not an object']],
    [
      { SkuPriceDetails: 'Input' },
      [expect.stringMatching(/^SkuPriceDetails is not valid JSON/)],
    ],
    [{ ListCost: 'n/a' }, ['ListCost "n/a" is not a decimal number']],
    [
      { ConsumedQuantity: 'many' },
      ['ConsumedQuantity "many" is not a decimal number'],
    ],
    [
      { BilledCost: 'x', BillingCurrency: '$' },
      [
        'BillingCurrency "$" is not an ISO 4217 code',
        'BilledCost "x" is not a decimal number',
      ],
    ],
  ])('rejects %j', async (row, reasons) => {
    const m = await mapper();
    expect(m.map(row)).toEqual({ type: 'invalid', reasons });
  });

  it('rejects a row with another field count than the header', async () => {
    const header = FocusHeader.parse('test.csv', COLUMNS);
    const m = new FocusRowMapper({
      header,
      window: { from: '2024-09-01', to: '2024-09-03' },
      attribution: await FocusAttribution.create({}, async () => []),
    });
    expect(m.map({ line: 4, values: ['1'] })).toEqual({
      type: 'invalid',
      reasons: [`has 1 fields where the header has ${COLUMNS.length}`],
    });
  });

  it('names the provider by ServiceProviderName first and slugs it', async () => {
    const m = await mapper({ columns: [...COLUMNS, 'ServiceProviderName'] });
    expect(
      m.map({ ServiceProviderName: 'Solora AI', ProviderName: 'Other' }),
    ).toMatchObject({ record: { provider: 'solora-ai' } });
  });
});
