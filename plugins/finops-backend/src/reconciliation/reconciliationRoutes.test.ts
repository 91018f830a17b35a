import { TestDatabases } from '@backstage/backend-test-utils';
import { addDays } from '@tollgate/plugin-finops-common';
import { startReconciliationBackend } from './__testUtils__/startReconciliationBackend';

jest.setTimeout(90_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())(
  'GET /v1/reconciliation on %p',
  databaseId => {
    it('answers each figure of a day exactly, with its drift, and the same after the window is ingested again', async () => {
      const knex = await databases.init(databaseId);
      const backend = await startReconciliationBackend({ knex });
      const { today, run, get, stop } = backend;
      try {
        await backend.report();
        for (const id of ['focus:invoices', 'openai:org', 'prometheus:main']) {
          await run(id, today);
        }
        const figures = {
          invoice: { quantity: '2000000', cost: '5.00' },
          vendorCost: { cost: '5.10' },
          vendorUsage: { quantity: '2100000', cost: '5.25' },
          metered: { quantity: '2200000', cost: '5.50' },
          reference: 'invoice',
          drift: {
            vendorCost: { amount: '0.10', percent: 2 },
            vendorUsage: { amount: '0.25', percent: 5 },
            metered: { amount: '0.50', percent: 10 },
          },
        };
        const path = `reconciliation?from=${today}&to=${today}&provider=OpenAI`;
        const answer = (await get(path).expect(200)).body;
        expect(answer).toMatchObject({
          from: today,
          to: today,
          currency: 'USD',
          provider: 'openai',
          costBasis: 'billed',
          driftAlertPercent: 5,
          priceSuggestions: [],
        });
        expect(answer.sources.map((s: any) => [s.id, s.authority])).toEqual([
          ['focus:invoices', 'invoice'],
          ['openai:org', 'vendor-api'],
          ['prometheus:main', 'telemetry'],
          ['metered', 'metered'],
        ]);
        expect(answer.lines).toEqual([
          {
            provider: 'openai',
            model: 'gpt-4o',
            tokenType: 'input',
            ...figures,
            days: [{ day: today, ...figures }],
          },
        ]);

        for (const id of ['openai:org', 'focus:invoices', 'prometheus:main']) {
          await run(id, today);
        }
        expect((await get(path).expect(200)).body).toEqual(answer);
        // the action answers the same
        const invoked = await backend
          .invoke('get-reconciliation', {
            from: today,
            to: today,
            provider: 'OpenAI',
          })
          .expect(200);
        expect(invoked.body.output).toEqual(answer);
        const other = await get(
          `reconciliation?from=${today}&to=${today}&provider=anthropic`,
        ).expect(200);
        expect(other.body.lines).toEqual([]);
      } finally {
        await stop();
      }
    });

    it('refuses bad parameters with 400 naming the parameter, and readers without finops.summary.read', async () => {
      const knex = await databases.init(databaseId);
      const backend = await startReconciliationBackend({ knex });
      const { today, get, stop } = backend;
      const message = async (path: string) =>
        (await get(path).expect(400)).body.error.message;
      try {
        expect(await message('reconciliation?from=2026-13-01')).toMatch(
          /^Query parameter from has invalid value "2026-13-01"/,
        );
        expect(
          await message(`reconciliation?from=${addDays(today, -400)}`),
        ).toMatch(/^Query parameters from and to span 401 days/);
        expect(await message('reconciliation?provider=---')).toMatch(
          /^Query parameter provider has invalid value "---"/,
        );
        expect(
          await message(`reconciliation?provider=${'x'.repeat(256)}`),
        ).toMatch(/^Query parameter provider has invalid value/);
        expect(await message('reconciliation?provider=a&provider=b')).toMatch(
          /^Query parameter provider was given more than once/,
        );
        const refused = await backend
          .invoke('get-reconciliation', { provider: '--' })
          .expect(400);
        expect(refused.body.error.message).toMatch(
          /^Input field provider has invalid value "--"/,
        );
      } finally {
        await stop();
      }
      const denied = await startReconciliationBackend({ knex, allow: false });
      try {
        const refused = await denied.get('reconciliation').expect(403);
        expect(refused.body.error.message).toMatch(/finops\.summary\.read/);
      } finally {
        await denied.stop();
      }
    });
  },
);
