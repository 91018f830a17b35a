import {
  focusRowMapper as mapper,
  ROW_COLUMNS as COLUMNS,
} from '../__testUtils__/focusRowMapper';

describe('FocusRowMapper with rows of API operations', () => {
  it('maps a row priced per call of an API operation to that operation, not a model', async () => {
    const m = await mapper({ columns: [...COLUMNS, 'ServiceProviderName'] });
    // as the demo's SaaS invoice writes a Twilio row
    const result = m.map({
      ProviderName: '',
      ServiceProviderName: 'Twilio',
      ServiceName: 'Twilio Messaging',
      ChargeDescription: 'createMessage calls',
      SkuId: 'createMessage',
      SkuPriceDetails: JSON.stringify({ Operation: 'createMessage' }),
      ConsumedQuantity: '1214',
      ConsumedUnit: 'Requests',
      PricingQuantity: '1214',
      PricingUnit: 'Requests',
      BilledCost: '9.5906',
      ListCost: '9.5906',
      Tags: '{"cost-center":"cc-7"}',
    });
    expect(result).toEqual({
      type: 'record',
      record: {
        day: '2024-09-02',
        costCenter: 'cc-7',
        provider: 'twilio',
        service: 'Twilio Messaging',
        dimensionKind: 'operation',
        dimension: 'createMessage',
        quantity: 1_214_000_000n,
        unit: 'calls',
        billedCostMicros: 9_590_600n,
        listCostMicros: 9_590_600n,
        currency: 'USD',
        tags: { 'cost-center': 'cc-7' },
      },
    });
  });

  it('keeps a token price a token price when it also names an operation, and an unusual unit of calls', async () => {
    const m = await mapper();
    expect(
      m.map({
        SkuPriceDetails:
          '{"ModelId":"gpt-4o","TokenDirection":"Output","Operation":"chat"}',
      }),
    ).toMatchObject({
      record: {
        model: 'gpt-4o',
        dimensionKind: 'tokenType',
        dimension: 'output',
      },
    });
    expect(
      m.map({
        SkuPriceDetails: '{"x_OperationId":"geocode"}',
        ConsumedQuantity: '3',
        ConsumedUnit: '1000 Requests',
      }),
    ).toMatchObject({
      record: {
        dimensionKind: 'operation',
        dimension: 'geocode',
        quantity: 3_000_000n,
        unit: '1000 Requests',
      },
    });
    const result = m.map({ SkuPriceDetails: '{"Operation":"search"}' });
    expect(result.type === 'record' && Object.keys(result.record)).toEqual(
      expect.not.arrayContaining(['model', 'quantity', 'unit']),
    );
  });
});
