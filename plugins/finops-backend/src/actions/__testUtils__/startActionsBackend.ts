import {
  BackstageCredentials,
  PermissionsService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CostRecord,
  DayWindow,
  enumerateDays,
} from '@tollgate/plugin-finops-common';
import { CostSource, CostSourceItem } from '@tollgate/plugin-finops-node';
import request from 'supertest';
import { startFinopsTestBackend } from '../../__testUtils__/startFinopsTestBackend';
import { capabilityComponent, mlGroup } from '../../__testUtils__/testEntities';

export const SUMMARIZER = 'component:default/summarizer';
const OWNER = 'user:default/owner';
const OUTSIDER = 'user:default/outsider';
export const owner = { Authorization: mockCredentials.user.header(OWNER) };
export const outsider = {
  Authorization: mockCredentials.user.header(OUTSIDER),
};

const entities: Entity[] = [
  mlGroup,
  capabilityComponent('summarizer', {
    annotations: {
      'tollgate.dev/cost-center': 'cc-4100',
      'tollgate.dev/budget': '50 USD/month',
      'tollgate.dev/budget-enforcement': 'hard',
    },
    ownedByRelation: true,
  }),
];

/** The earlier week, then the later one: claude's input tokens come in the later week. */
export const EARLIER: DayWindow = { from: '2026-10-01', to: '2026-10-07' };
export const LATER: DayWindow = { from: '2026-10-08', to: '2026-10-14' };

function spend(day: string, model: string, dimension: string, usd: bigint) {
  const record: CostRecord = {
    day,
    entityRef: SUMMARIZER,
    provider: model.startsWith('claude') ? 'anthropic' : 'openai',
    service: 'AI API',
    model,
    dimensionKind: 'tokenType',
    dimension,
    billedCostMicros: usd * 1_000_000n,
    currency: 'USD',
  };
  return { type: 'cost' as const, record };
}

class TwoWeeksSource implements CostSource {
  readonly id = 'two-weeks';
  readonly type = 'test';
  readonly schedule = { frequency: { trigger: 'manual' as const } };

  async *fetch(window: DayWindow): AsyncIterable<CostSourceItem> {
    for (const day of enumerateDays(window)) {
      yield spend(day, 'gpt-4o', 'output', 1n);
      if (day >= LATER.from) {
        yield spend(day, 'claude-sonnet-4', 'input', 3n);
      }
    }
  }
}

/**
 * Permissions as a policy would decide them for this test: the outsider may not read
 * the summarizer's cost, everyone may do everything else.
 */
const permissions: PermissionsService = {
  async authorize(requests, options) {
    return requests.map(r => ({
      result:
        userOf(options.credentials) === OUTSIDER &&
        'resourceRef' in r &&
        r.resourceRef === SUMMARIZER
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    }));
  },
  async authorizeConditional(queries) {
    return queries.map(() => ({ result: AuthorizeResult.ALLOW }));
  },
};

function userOf(credentials: BackstageCredentials) {
  const principal = credentials.principal as { userEntityRef?: string };
  return principal?.userEntityRef;
}

/** The plugin with the actions registry, two weeks of spend ingested and its budgets evaluated. */
export async function startBackend() {
  const backend = await startFinopsTestBackend({
    entities,
    sources: [new TwoWeeksSource()],
    features: [
      actionsRegistryServiceFactory,
      createServiceFactory({
        service: coreServices.permissions,
        deps: {},
        factory: () => permissions,
      }),
    ],
  });
  await backend.run('two-weeks', EARLIER.from, LATER.to);
  const { server } = backend;
  const invoke = (
    name: string,
    input: object,
    auth: Record<string, string> = owner,
  ) =>
    request(server)
      .post(`/api/finops/.backstage/actions/v1/actions/finops:${name}/invoke`)
      .set(auth)
      .send(input);
  const rest = async (path: string, auth: Record<string, string> = owner) =>
    (await request(server).get(`/api/finops${path}`).set(auth).expect(200))
      .body;
  // the budget snapshot sees the spend once the run has refreshed it
  for (let i = 0; i < 50; i++) {
    const status = await rest(
      '/v1/entities/component/default/summarizer/budget',
    );
    if (status.own) break;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return { ...backend, invoke, rest };
}
