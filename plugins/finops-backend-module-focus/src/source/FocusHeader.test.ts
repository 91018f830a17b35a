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
      'FOCUS file a.csv has neither a ServiceProviderName nor a ProviderName column; one is required',
    );
    expect(() =>
      FocusHeader.parse('a.csv', [...columns, 'ServiceProviderName']),
    ).not.toThrow();
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
