import { ConfigReader } from '@backstage/config';
import { readReconciliationSettings } from './readReconciliationSettings';

const read = (driftAlertPercent?: unknown) =>
  readReconciliationSettings(
    new ConfigReader(
      driftAlertPercent === undefined
        ? {}
        : { tollgate: { reconciliation: { driftAlertPercent } } },
    ),
  );

describe('readReconciliationSettings', () => {
  it('alerts past 5% by default', () => {
    expect(read()).toEqual({ driftAlertPercent: 5 });
  });

  it.each([
    [2.5, 2.5],
    ['10', 10],
    [0, 0],
  ])('reads %j', (value, percent) => {
    expect(read(value)).toEqual({ driftAlertPercent: percent });
  });

  it.each([-1, 'five', '', true])('refuses %j, naming the key', value => {
    expect(() => read(value)).toThrow(
      /^tollgate\.reconciliation\.driftAlertPercent has invalid value .*: expected a percent of at least 0/,
    );
  });
});
