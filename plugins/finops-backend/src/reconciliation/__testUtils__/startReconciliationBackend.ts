import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  CostRecord,
  enumerateDays,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import { CostAuthority, CostSource } from '@tollgate/plugin-finops-node';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import request from 'supertest';
import {
  startFinopsTestBackend,
  userAuth,
} from '../../__testUtils__/startFinopsTestBackend';
import { tokenRecord, tokens, usd } from './tokenRecord';

export const A = 'component:default/a';
export const B = 'component:default/b';

const entity = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'capability', owner: 'group:default/ml' },
});

/** A source of some authority whose every window holds the records of its days. */
function source(
  id: string,
  authority: CostAuthority,
  records: (day: string) => CostRecord[],
): CostSource {
  return {
    id,
    type: id.split(':')[0],
    authority,
    async *fetch(window) {
      for (const day of enumerateDays(window)) {
        for (const record of records(day)) {
          yield { type: 'cost', record };
        }
      }
    },
  };
}

/**
 * gpt-4o input of a day as each kind of source says it, the price book at 2.50/M:
 * the invoice 2,000,000 tokens for 5.00; the vendor's usage API 2,100,000 tokens
 * (5.25) and its cost API 5.10; Prometheus 1,800,000 tokens of A, and metered usage
 * (reported by `report`) 1,000,000 of A, which Prometheus saw, and 400,000 of B: 5.50.
 */
export const SOURCES = [
  source('focus:invoices', 'invoice', day => [
    tokenRecord({
      day,
      provider: 'OpenAI',
      quantity: tokens(2_000_000),
      billedCostMicros: usd('5.00'),
    }),
  ]),
  source('openai:org', 'vendor-api', day => [
    tokenRecord({
      day,
      model: 'gpt-4o-2024-08-06',
      quantity: tokens(2_100_000),
    }),
    tokenRecord({
      day,
      model: 'gpt-4o-2024-08-06',
      quantity: undefined,
      unit: undefined,
      billedCostMicros: usd('5.10'),
    }),
  ]),
  source('prometheus:main', 'telemetry', day => [
    tokenRecord({
      day,
      entityRef: A,
      quantity: tokens(1_800_000),
      billedCostMicros: usd('4.50'),
    }),
  ]),
];

/** The finops backend on a test database with the sources above and entities A and B. */
export async function startReconciliationBackend(options: {
  knex: Knex;
  config?: JsonObject;
  allow?: boolean;
}) {
  const backend = await startFinopsTestBackend({
    sources: SOURCES,
    entities: [entity('a'), entity('b')],
    config: options.config,
    allow: options.allow,
    features: [
      mockServices.database.factory({ knex: options.knex }),
      actionsRegistryServiceFactory,
    ],
  });
  const today = todayUtc();
  const api = () => request(backend.server);
  return {
    ...backend,
    today,
    /** Reports today's metered usage: 1,000,000 input tokens of A and 400,000 of B. */
    report: async () => {
      const event = (id: string, entityRef: string, input: number) => ({
        id,
        timestamp: new Date().toISOString(),
        entityRef,
        provider: 'openai',
        model: 'gpt-4o',
        tokens: { input },
      });
      await api()
        .post('/api/finops/v1/usage')
        .set(userAuth)
        .send({
          events: [event('a-1', A, 1_000_000), event('b-1', B, 400_000)],
        })
        .expect(200);
    },
    get: (path: string) => api().get(`/api/finops/v1/${path}`).set(userAuth),
    post: (path: string) => api().post(`/api/finops/v1/${path}`).set(userAuth),
    /** Invokes a finops action as the signed-in user. */
    invoke: (name: string, input: object) =>
      api()
        .post(`/api/finops/.backstage/actions/v1/actions/finops:${name}/invoke`)
        .set(userAuth)
        .send(input),
  };
}
