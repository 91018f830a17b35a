import {
  billedByDay,
  billedTotal,
  readFocusExport,
  sumOf,
} from './readFocusExport';

// Database and warehouse exports write an empty value as NULL, quoted or not.
const HEADER =
  'BilledCost,ListCost,EffectiveCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd,ChargeDescription,ConsumedQuantity,ConsumedUnit,ServiceProviderName,ProviderName,ServiceName,ServiceCategory,SkuId,SkuPriceDetails,Tags';
const VALID = [
  '12.50,NULL,"NULL",USD,Usage,2025-03-01T00:00:00Z,NULL,NULL,NULL,NULL,NULL,Amazon Web Services,NULL,Compute,SKU-9,NULL,NULL',
  '"3.25","null","3.00",USD,Usage,2025-03-01 10:00:00,2025-03-01 11:00:00,Input tokens,"1000",Tokens,Solora AI,"NULL",Solora API,AI and Machine Learning,solora-in,"{""ModelId"":""solora-pro"",""TokenDirection"":""Input""}","{""team"":""ml""}"',
  '0.75,NULL,NULL,USD,NULL,2025-03-02,NULL,Storage,NULL,NULL,Null,Acme,NULL,NULL,NULL,NULL,"{""cost-center"":""cc-9""}"',
];
const INVALID = [
  'NULL,1,1,USD,Usage,2025-03-02,NULL,x,NULL,NULL,Acme,NULL,S,NULL,NULL,NULL,NULL',
  '1.00,NULL,NULL,"NULL",Usage,2025-03-02,NULL,x,NULL,NULL,Acme,NULL,S,NULL,NULL,NULL,NULL',
  '1.00,NULL,NULL,USD,Usage,NULL,NULL,x,NULL,NULL,Acme,NULL,S,NULL,NULL,NULL,NULL',
];

describe('a FOCUS export writing NULL for empty values', () => {
  it('reads NULL in any column as empty', async () => {
    const { records } = await readFocusExport([HEADER, ...VALID].join('\n'), {
      costCenterTagKey: 'cost-center',
    });
    expect(records).toEqual([
      {
        day: '2025-03-01',
        provider: 'amazon-web-services',
        service: 'Compute',
        model: 'SKU-9',
        dimensionKind: 'usage',
        dimension: 'SKU-9',
        billedCostMicros: 12_500_000n,
        currency: 'USD',
      },
      {
        day: '2025-03-01',
        provider: 'solora-ai',
        service: 'Solora API',
        model: 'solora-pro',
        dimensionKind: 'tokenType',
        dimension: 'input',
        quantity: 1_000_000_000n,
        unit: 'Tokens',
        billedCostMicros: 3_250_000n,
        effectiveCostMicros: 3_000_000n,
        currency: 'USD',
        tags: { team: 'ml' },
      },
      {
        day: '2025-03-02',
        costCenter: 'cc-9',
        provider: 'acme',
        service: 'unknown',
        dimensionKind: 'usage',
        dimension: 'Storage',
        billedCostMicros: 750_000n,
        currency: 'USD',
        tags: { 'cost-center': 'cc-9' },
      },
    ]);
    expect(billedByDay(records)).toEqual({
      '2025-03-01': sumOf(['12.50', '3.25']),
      '2025-03-02': sumOf(['0.75']),
    });
  });

  it('rejects a row with NULL in a required column, naming its line and column', async () => {
    await expect(
      readFocusExport([HEADER, ...VALID, ...INVALID].join('\n')),
    ).rejects.toThrow(
      /has 3 invalid rows: line 5: BilledCost is empty; line 6: BillingCurrency is empty; line 7: ChargePeriodStart is empty$/,
    );
  });

  it('keeps every valid row when told to skip the invalid ones', async () => {
    const { records, logged } = await readFocusExport(
      [HEADER, ...INVALID.slice(0, 1), ...VALID, ...INVALID.slice(1)].join(
        '\n',
      ),
      { invalidRows: 'skip' },
    );
    expect(billedTotal(records)).toBe(sumOf(['12.50', '3.25', '0.75']));
    expect(logged.warn).toEqual([
      expect.stringMatching(
        /has 3 invalid rows: line 2: BilledCost is empty; line 6: BillingCurrency is empty; line 7: ChargePeriodStart is empty$/,
      ),
    ]);
  });
});
