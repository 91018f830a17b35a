import { TestDatabases } from '@backstage/backend-test-utils';
import { startReconciliationBackend } from './__testUtils__/startReconciliationBackend';

jest.setTimeout(90_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())(
  'reconciliation alerts on %p',
  databaseId => {
    async function alertsAfterIngestion(driftAlertPercent?: number) {
      const knex = await databases.init(databaseId);
      const backend = await startReconciliationBackend({
        knex,
        config:
          driftAlertPercent === undefined
            ? {}
            : { tollgate: { reconciliation: { driftAlertPercent } } },
      });
      const { today, run, get } = backend;
      const reconciliationAlerts = async () =>
        (await get('alerts').expect(200)).body.items.filter(
          (alert: any) => alert.kind === 'reconciliation',
        );
      await backend.report();
      // metered alone: nothing to measure against
      await run('prometheus:main', today);
      expect(await reconciliationAlerts()).toEqual([]);
      // metered 5.50 against the invoice's 5.00: 10%
      await run('focus:invoices', today);
      const first = await reconciliationAlerts();
      // vendor usage 5% and vendor cost 2% above the invoice; the day raised already
      await run('openai:org', today);
      await run('focus:invoices', today);
      return { backend, first, last: await reconciliationAlerts() };
    }

    it('raises one alert, about the provider, when drift passes the configured percent', async () => {
      const { backend, first, last } = await alertsAfterIngestion();
      const { today } = backend;
      try {
        expect(first).toEqual([
          {
            id: expect.any(String),
            kind: 'reconciliation',
            scope: { provider: 'openai' },
            periodStart: today,
            dimension: 'gpt-4o',
            title: `Reconciliation drift: openai gpt-4o on ${today}`,
            description: `openai gpt-4o on ${today}: metered usage 5.50 USD is 10% above the invoice's 5.00 USD, past the alert threshold of 5%`,
            createdAt: expect.any(String),
          },
        ]);
        expect(last).toEqual(first);
        // nobody in the catalog owns a provider
        expect(backend.notifications).toEqual([]);
        const acknowledged = await backend
          .post(`alerts/${first[0].id}/acknowledge`)
          .expect(200);
        expect(acknowledged.body.acknowledgedAt).toEqual(expect.any(String));
      } finally {
        await backend.stop();
      }
    });

    it('raises none while drift stays at or below the percent', async () => {
      const { backend, first, last } = await alertsAfterIngestion(10);
      try {
        expect(first).toEqual([]);
        expect(last).toEqual([]);
        const answer = (await backend.get('reconciliation').expect(200)).body;
        expect(answer.driftAlertPercent).toBe(10);
        expect(answer.lines[0].drift.metered).toEqual({
          amount: '0.50',
          percent: 10,
        });
      } finally {
        await backend.stop();
      }
    });
  },
);
