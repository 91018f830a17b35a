import { mockServices } from '@backstage/backend-test-utils';
import { FinopsAlert } from '@tollgate/plugin-finops-common';
import { AlertNotifier } from '../alerts/AlertNotifier';
import { AlertStore, NewAlert } from '../alerts/AlertStore';
import { FigureSum } from './figureSums';
import { TableLine } from './FigureTable';
import { ReconciliationAlerts } from './ReconciliationAlerts';
import { ReconciliationService } from './ReconciliationService';

const sum = (cost: bigint): FigureSum => ({
  cost,
  unpriced: 0n,
  complete: true,
});
const drifting = new Map(
  ['2026-08-10', '2026-08-11'].map(day => [
    day,
    { invoice: sum(1_000_000n), vendorCost: sum(2_000_000n) },
  ]),
);
const lines: TableLine[] = [
  {
    provider: 'openai',
    model: 'gpt-4o',
    tokenType: 'input',
    days: drifting,
    pricedNames: new Map(),
    billedNames: new Map(),
  },
];

function setUp(read: () => Promise<TableLine[]>) {
  const stored = new Set<string>();
  const alertStore = {
    raise: async (alerts: NewAlert[]) =>
      alerts
        .filter(alert => !stored.has(alert.key) && stored.add(alert.key))
        .map(
          (alert, i) =>
            ({ ...alert, id: String(i), createdAt: '' } as FinopsAlert),
        ),
  } as unknown as AlertStore;
  const notify = jest.fn(async () => {});
  const logger = mockServices.logger.mock();
  const alerts = new ReconciliationAlerts({
    reconciliation: {
      lines: read,
      driftAlertPercent: 5,
    } as unknown as ReconciliationService,
    alertStore,
    notifier: { notify } as unknown as AlertNotifier,
    currency: 'USD',
    logger,
  });
  return { alerts, notify, logger };
}

const run = {
  sourceId: 'focus:invoices',
  status: 'succeeded' as const,
  window: { from: '2026-08-10', to: '2026-08-11' },
};

describe('ReconciliationAlerts', () => {
  it('tells of the days of one model raised together once, and of none raised again', async () => {
    const { alerts, notify } = setUp(async () => lines);
    expect(await alerts.afterRun(run)).toHaveLength(2);
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Reconciliation drift: openai gpt-4o on 2 days',
      }),
      [],
      '/finops',
    );
    expect(await alerts.afterRun(run)).toEqual([]);
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('judges nothing after a failed run, and logs a failure to judge', async () => {
    const read = jest.fn(async (): Promise<TableLine[]> => {
      throw new Error('database gone');
    });
    const { alerts, logger } = setUp(read);
    expect(await alerts.afterRun({ ...run, status: 'failed' })).toEqual([]);
    expect(read).not.toHaveBeenCalled();
    expect(await alerts.afterRun(run)).toEqual([]);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Could not judge reconciliation drift after focus:invoices ran for 2026-08-10..2026-08-11: Error: database gone/,
      ),
    );
  });
});
