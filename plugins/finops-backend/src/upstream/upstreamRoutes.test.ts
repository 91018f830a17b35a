import { Entity } from '@backstage/catalog-model';
import { DayWindow, enumerateDays } from '@tollgate/plugin-finops-common';
import { CostSource, CostSourceItem } from '@tollgate/plugin-finops-node';
import request from 'supertest';
import {
  startFinopsTestBackend,
  userAuth as auth,
} from '../__testUtils__/startFinopsTestBackend';

jest.setTimeout(60_000);

const SUMMARIZER = 'component:default/summarizer';
const OPENAI = 'api:default/openai-api';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'openai-api', namespace: 'default' },
    spec: { type: 'openapi', owner: 'group:default/platform' },
    relations: [{ type: 'apiConsumedBy', targetRef: SUMMARIZER }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'summarizer', namespace: 'default' },
    spec: { type: 'service', owner: 'group:default/ml' },
    relations: [{ type: 'consumesApi', targetRef: OPENAI }],
  },
];

/** The summarizer's calls to api.openai.com, as the Prometheus source stores them. */
class ClientCallSource implements CostSource {
  readonly id = 'prometheus:test';
  readonly type = 'prometheus';
  readonly schedule = { frequency: { trigger: 'manual' as const } };

  async *fetch(window: DayWindow): AsyncIterable<CostSourceItem> {
    for (const day of enumerateDays(window)) {
      for (const [status, value] of [
        ['200', 90],
        ['429', 10],
      ] as const) {
        yield {
          type: 'metric',
          metric: {
            day,
            entityRef: SUMMARIZER,
            metric: 'upstream.requests',
            labels: { host: 'api.openai.com', status, api: OPENAI },
            value,
          },
        };
      }
    }
  }
}

const period = 'from=2026-11-01&to=2026-11-02';

describe('GET /v1/entities/{kind}/{namespace}/{name}/upstream', () => {
  it("answers an API's consumers with their calls to it", async () => {
    const { server } = await startFinopsTestBackend({
      sources: [new ClientCallSource()],
      entities,
    });
    await request(server)
      .post(`/api/finops/v1/sources/prometheus:test/run?${period}`)
      .set(auth)
      .expect(200);

    const { body } = await request(server)
      .get(`/api/finops/v1/entities/api/default/openai-api/upstream?${period}`)
      .set(auth)
      .expect(200);
    const calls = {
      calls: 200,
      throttled: 20,
      timeouts: 0,
      errors: 0,
      throttledShare: 0.1,
    };
    expect(body).toEqual({
      entityRef: OPENAI,
      from: '2026-11-01',
      to: '2026-11-02',
      consumers: [{ entityRef: SUMMARIZER, ...calls }],
      total: { entityRef: OPENAI, ...calls },
    });
  });

  it('refuses entities that are not APIs, unknown entities and denied callers', async () => {
    const { server } = await startFinopsTestBackend({ entities });
    const upstream = (path: string) =>
      request(server).get(`/api/finops/v1/entities/${path}/upstream`).set(auth);
    const component = await upstream('component/default/summarizer');
    expect(component.status).toBe(400);
    expect(component.body.error.message).toBe(
      'Upstream pressure is reported for API entities, not Component',
    );
    expect((await upstream('api/default/nope')).status).toBe(404);
    const denied = await startFinopsTestBackend({ entities, allow: false });
    const refused = await request(denied.server)
      .get(`/api/finops/v1/entities/api/default/openai-api/upstream`)
      .set(auth);
    expect(refused.status).toBe(403);
  });
});
