import { billedByDay, readFocusExport, sumOf } from './readFocusExport';

// Providers add their own columns, prefixed x_, anywhere in the header; some write
// one twice, and their values may be JSON, NULL or text with commas.
const HEADER = [
  'x_BillingItemId',
  'BilledCost',
  'BillingCurrency',
  'x_ServiceCode',
  'ChargePeriodStart',
  'ChargeDescription',
  'x_UsageDetails',
  'ServiceProviderName',
  'x_billingitemid',
  'x_SkuDescription',
  'Tags',
].join(',');
const ROWS = [
  'bi-1,12.34,USD,AmazonBedrock,2025-09-01,Requests,"{""requests"": 4, ""region"": ""us-east-1""}",AWS,bi-1-dup,"Requests, on demand","{""team"":""ml""}"',
  'bi-2,0.66,USD,NULL,2025-09-01,Storage,NULL,AWS,NULL,,NULL',
  'bi-3,5.00,USD,AmazonS3,2025-09-02,Storage,[],AWS,,"GB-month, standard",',
];

describe('a FOCUS export with custom x_ columns', () => {
  it('accepts them, whatever they hold, and keeps them out of the records', async () => {
    const { records } = await readFocusExport([HEADER, ...ROWS].join('\n'));
    expect(billedByDay(records)).toEqual({
      '2025-09-01': sumOf(['12.34', '0.66']),
      '2025-09-02': sumOf(['5.00']),
    });
    expect(records[0]).toEqual({
      day: '2025-09-01',
      provider: 'aws',
      service: 'unknown',
      dimensionKind: 'usage',
      dimension: 'Requests',
      billedCostMicros: 12_340_000n,
      currency: 'USD',
      tags: { team: 'ml' },
    });
    const fields = new Set(records.flatMap(r => Object.keys(r)));
    expect([...fields].filter(f => f.toLowerCase().startsWith('x_'))).toEqual(
      [],
    );
  });

  it('still rejects a FOCUS column written twice, naming it', async () => {
    await expect(readFocusExport(`${HEADER},billedcost\n`)).rejects.toThrow(
      /has the column billedcost more than once$/,
    );
  });
});
