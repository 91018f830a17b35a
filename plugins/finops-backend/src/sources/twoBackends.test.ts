import { TestBackend, mockCredentials } from '@backstage/backend-test-utils';
import { DayWindow, enumerateDays } from '@tollgate/plugin-finops-common';
import { CostSource, CostSourceItem } from '@tollgate/plugin-finops-node';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { costSourcesModule } from '../__testUtils__/costSourcesModule';
import {
  postgresConnectionString as connectionString,
  startPostgresReplica,
} from '../__testUtils__/startPostgresReplica';

jest.setTimeout(90_000);

const describeWithPostgres = connectionString ? describe : describe.skip;

/** What the sources of both backends did, seen from the one process they share. */
const observed = { fetches: 0, running: 0, maxRunning: 0 };

/**
 * A scheduled source that spends 1 USD on every day it is asked for, and takes a
 * moment to do so, so that overlapping runs would be seen.
 */
class EverySecondSource implements CostSource {
  readonly id = 'twin:daily';
  readonly type = 'twin';
  readonly schedule = {
    frequency: { seconds: 1 },
    initialDelay: { seconds: 0 },
    timeout: { seconds: 30 },
    backfillDays: 3,
  };

  async *fetch(window: DayWindow): AsyncIterable<CostSourceItem> {
    observed.fetches += 1;
    observed.running += 1;
    observed.maxRunning = Math.max(observed.maxRunning, observed.running);
    try {
      await new Promise(resolve => setTimeout(resolve, 300));
      for (const day of enumerateDays(window)) {
        yield {
          type: 'cost',
          record: {
            day,
            entityRef: 'component:default/summarizer',
            provider: 'openai',
            service: 'OpenAI API',
            model: 'gpt-4o',
            dimensionKind: 'tokenType',
            dimension: 'input',
            billedCostMicros: 1_000_000n,
            currency: 'USD',
          },
        };
      }
    } finally {
      observed.running -= 1;
    }
  }
}

function startReplica(prefix: string): Promise<TestBackend> {
  return startPostgresReplica(prefix, {
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'summarizer', namespace: 'default' },
        spec: { type: 'capability', owner: 'group:default/ml' },
      },
    ],
    features: [costSourcesModule('twin-source', [new EverySecondSource()])],
  });
}

describeWithPostgres('two backends sharing one PostgreSQL', () => {
  // The database is dropped before, not after, the tests: the replicas' connection
  // pools outlive their stop, and dropping it under them would only make noise. Its
  // name is this process's own, so that two runs of the suite on one server do not
  // count each other's runs.
  const prefix = `tollgate_twins_${process.pid}_`;
  const database = `${prefix}finops`;
  let admin: Knex;
  const backends: TestBackend[] = [];

  beforeAll(async () => {
    admin = knexFactory({ client: 'pg', connection: connectionString });
    await admin.raw(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.destroy();
  });

  afterAll(async () => {
    await Promise.all(backends.map(backend => backend.stop()));
  });

  it('run each scheduled ingestion once, with no double counting', async () => {
    backends.push(await startReplica(prefix), await startReplica(prefix));

    const finopsUrl = new URL(connectionString!);
    finopsUrl.pathname = `/${database}`;
    const finops = knexFactory({ client: 'pg', connection: finopsUrl.href });
    try {
      const deadline = Date.now() + 60_000;
      let runs: Array<{
        status: string;
        started_at: Date;
        finished_at: Date;
        days_total: number;
      }> = [];
      while (Date.now() < deadline) {
        runs = await finops('finops_source_runs')
          .where({ source_id: 'twin:daily' })
          .orderBy('started_at');
        if (runs.filter(run => run.status === 'succeeded').length >= 4) break;
        await new Promise(resolve => setTimeout(resolve, 250));
      }

      // Stop both replicas before counting.
      await Promise.all(backends.map(backend => backend.stop()));
      backends.length = 0;
      runs = await finops('finops_source_runs')
        .where({ source_id: 'twin:daily' })
        .orderBy('started_at');

      // A run in flight when the replicas stopped is aborted and rolled back.
      const succeeded = runs.filter(run => run.status === 'succeeded');
      expect(succeeded.length).toBeGreaterThanOrEqual(4);
      expect(runs.length - succeeded.length).toBeLessThanOrEqual(1);
      // Every fetch is a day of a recorded run (runs fetch one day at a time), and
      // no two ever overlapped.
      const daysOf = (list: typeof runs) =>
        list.reduce((days, run) => days + Number(run.days_total), 0);
      expect(observed.fetches).toBeGreaterThanOrEqual(daysOf(succeeded));
      expect(observed.fetches).toBeLessThanOrEqual(daysOf(runs));
      expect(observed.maxRunning).toBe(1);
      for (let i = 1; i < succeeded.length; i++) {
        expect(
          new Date(succeeded[i].started_at).getTime(),
        ).toBeGreaterThanOrEqual(
          new Date(succeeded[i - 1].finished_at).getTime(),
        );
      }

      // Each day counted once, however many runs fetched it again.
      const days = await finops('finops_cost_records')
        .where({ source_id: 'twin:daily' })
        .select('day')
        .count({ records: '*' })
        .sum({ billed: 'billed_cost' })
        .groupBy('day');
      expect(days.length).toBeGreaterThanOrEqual(3);
      for (const day of days) {
        expect(Number(day.records)).toBe(1);
        expect(Number(day.billed)).toBe(1_000_000);
      }
    } finally {
      await finops.destroy();
    }
  });

  it('serves the same totals from either replica', async () => {
    backends.push(await startReplica(prefix), await startReplica(prefix));
    const totals = await Promise.all(
      backends.map(async backend => {
        const response = await request(backend.server)
          .get('/api/finops/v1/summary?groupBy=entity')
          .set('Authorization', mockCredentials.user.header())
          .expect(200);
        return response.body.total;
      }),
    );
    expect(totals[0]).toBe(totals[1]);
  });
});
