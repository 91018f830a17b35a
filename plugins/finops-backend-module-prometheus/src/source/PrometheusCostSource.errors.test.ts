import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mockServices } from '@backstage/backend-test-utils';
import { scenarioEntities } from '../__testUtils__/scenarioEntities';
import { PrometheusCostSource } from './PrometheusCostSource';
import {
  WINDOW,
  priceBook,
  prometheus,
  sourceConfig,
  fetchAll,
  runScenarioPrometheus,
} from '../__testUtils__/scenarioSource';

jest.setTimeout(120_000);

runScenarioPrometheus();

describe('PrometheusCostSource errors', () => {
  it('fails the run while the catalog holds no component, so that the backfill is read later', async () => {
    const apisOnly = scenarioEntities.filter(
      e => e.kind.toLowerCase() !== 'component',
    );
    await expect(
      fetchAll(sourceConfig(), WINDOW, new AbortController().signal, apisOnly),
    ).rejects.toThrow(
      'Prometheus source main: the catalog holds no Component yet, so no metrics were read; the run is retried',
    );
  });

  it('throws on HTTP errors, naming the query and the answer', async () => {
    await expect(
      fetchAll(
        sourceConfig({ baseUrl: `${prometheus.baseUrl}/no-such-prefix` }),
      ),
    ).rejects.toThrow(
      /no-such-prefix\/api\/v1\/query \(time 2025-03-02T00:00:00\.000Z\): .*\[1d\].* failed with HTTP 404 Not Found: 404 page not found/,
    );
  });

  it('throws on Prometheus error bodies with the server message', async () => {
    const config = sourceConfig();
    // A regular expression that Prometheus cannot compile is an error body.
    const entities = [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'bad-regex',
          annotations: { 'tollgate.dev/prometheus-selector': '{job=~"("}' },
        },
        spec: {},
      },
    ];
    const source = new PrometheusCostSource(config, { currency: 'USD' });
    const run = async () => {
      for await (const _ of source.fetch(WINDOW, {
        signal: new AbortController().signal,
        logger: mockServices.logger.mock(),
        entities: async () => entities,
        priceBook,
      })) {
        // drain
      }
    };
    await expect(run()).rejects.toThrow(
      /bad_data: .*job=~"\(".*|job=~"\(".*bad_data/s,
    );
  });

  describe('against a server that never answers', () => {
    let server: Server;
    let url: string;

    beforeAll(async () => {
      server = createServer(() => {
        // Never answers.
      });
      await new Promise<void>(resolve =>
        server.listen(0, '127.0.0.1', resolve),
      );
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      server.closeAllConnections();
      await new Promise(resolve => server.close(resolve));
    });

    it('throws when a query times out', async () => {
      await expect(
        fetchAll(sourceConfig({ baseUrl: url, timeoutMs: 300 })),
      ).rejects.toThrow(/timed out after 300 ms.*/);
    });

    it('stops when the run is aborted', async () => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 200);
      await expect(
        fetchAll(
          sourceConfig({ baseUrl: url, timeoutMs: 60_000 }),
          WINDOW,
          controller.signal,
        ),
      ).rejects.toThrow(/aborted/);
    });
  });
});
