import { FocusHeader } from './FocusHeader';

describe('FocusHeader', () => {
  const columns = ['BilledCost', 'BillingCurrency', 'ChargePeriodStart'];

  it('finds columns without regard to case and spaces', () => {
    const header = FocusHeader.parse('a.csv', [
      ' billedcost ',
      'BILLINGCURRENCY',
      'ChargePeriodStart',
      'ProviderName',
    ]);
    expect(header.get([' 1.5 ', 'USD', 'x', 'p'], 'BilledCost')).toBe('1.5');
    expect(header.get(['1', 'USD', 'x', 'p'], 'Tags')).toBe('');
    expect(header.width).toBe(4);
  });

  it.each(['BilledCost', 'BillingCurrency', 'ChargePeriodStart'])(
    'requires the %s column',
    missing => {
      expect(() =>
        FocusHeader.parse('a.csv', [
          ...columns.filter(c => c !== missing),
          'ProviderName',
        ]),
      ).toThrow(`FOCUS file a.csv has no ${missing} column, which is required`);
    },
  );

  it('requires a provider column, old or new', () => {
    expect(() => FocusHeader.parse('a.csv', columns)).toThrow(
      'FOCUS file a.csv has none of the columns ServiceProviderName, ProviderName, PublisherName, HostProviderName, InvoiceIssuerName; one of them is required to name the provider',
    );
    for (const provider of [
      'ServiceProviderName',
      'ProviderName',
      'PublisherName',
      'HostProviderName',
      'InvoiceIssuerName',
    ]) {
      expect(() =>
        FocusHeader.parse('a.csv', [...columns, provider]),
      ).not.toThrow();
    }
  });

  it('reads NULL, in any case and quoted or not, as an empty value', () => {
    const header = FocusHeader.parse('a.csv', [...columns, 'ProviderName']);
    expect(
      header.get(['NULL', 'null', ' Null ', 'NULLABLE'], 'BilledCost'),
    ).toBe('');
    expect(
      header.get(['NULL', 'null', ' Null ', 'NULLABLE'], 'BillingCurrency'),
    ).toBe('');
    expect(
      header.get(['NULL', 'null', ' Null ', 'NULLABLE'], 'ChargePeriodStart'),
    ).toBe('');
    expect(
      header.get(['NULL', 'null', ' Null ', 'NULLABLE'], 'ProviderName'),
    ).toBe('NULLABLE');
  });

  it('names the first provider column a row fills', () => {
    const header = FocusHeader.parse('a.csv', [
      ...columns,
      'HostProviderName',
      'ServiceProviderName',
      'PublisherName',
    ]);
    const row = (host: string, service: string, publisher: string) => [
      '1',
      'USD',
      '2025-01-01',
      host,
      service,
      publisher,
    ];
    const order = ['ServiceProviderName', 'PublisherName', 'HostProviderName'];
    expect(header.first(row('Host', 'Service', 'Publisher'), order)).toBe(
      'Service',
    );
    expect(header.first(row('Host', 'NULL', 'Publisher'), order)).toBe(
      'Publisher',
    );
    expect(header.first(row('Host', '', ''), order)).toBe('Host');
    expect(header.first(row('', 'NULL', ''), order)).toBe('');
  });

  it('keeps the first of a custom column that appears twice, as it is not read', () => {
    const header = FocusHeader.parse('a.csv', [
      ...columns,
      'ProviderName',
      'x_Extra',
      ' x_extra',
    ]);
    expect(
      header.get(['1', 'USD', 'd', 'p', 'first', 'second'], 'x_extra'),
    ).toBe('first');
    expect(() =>
      FocusHeader.parse('a.csv', [
        ...columns,
        'ProviderName',
        'x_Model',
        'x_model',
      ]),
    ).toThrow('FOCUS file a.csv has the column x_model more than once');
  });

  it('rejects a column that appears twice', () => {
    expect(() =>
      FocusHeader.parse('a.csv', [...columns, 'ProviderName', 'billedCost']),
    ).toThrow('FOCUS file a.csv has the column billedCost more than once');
  });

  it('finds a custom column naming the model', () => {
    const base = [...columns, 'ProviderName'];
    expect(
      FocusHeader.parse('a', [...base, 'x_Model', 'x_ModelId']).modelColumn,
    ).toBe('x_modelid');
    expect(
      FocusHeader.parse('a', [...base, 'x_BaseModelVariant']).modelColumn,
    ).toBe('x_basemodelvariant');
    expect(FocusHeader.parse('a', base).modelColumn).toBeUndefined();
  });
});
