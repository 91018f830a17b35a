import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalogModuleFinops } from './module';

// Runs the processors inside a real catalog backend (SQLite in memory), reading a
// catalog file with a Naftiko location from a temporary directory.

jest.setTimeout(180_000);

const FIXTURE = path.resolve(
  __dirname,
  '__fixtures__/naftiko/tollgate-support-triage.yml',
);

function component(name: string, annotations: Record<string, string>) {
  return `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations: ${JSON.stringify(annotations)}
spec:
  type: service
  lifecycle: production
  owner: group:default/platform
`;
}

const LOCATION = `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: capabilities
spec:
  type: naftiko
  target: ./capabilities/support-triage.yml
`;

function catalogFile(changingCostCenter: string) {
  return [
    component('good-service', { 'tollgate.dev/cost-center': 'cc-4100' }),
    component('unlabelled-service', {}),
    component('bad-service', { 'tollgate.dev/cost-center': 'Bad Value!' }),
    component('changing-service', {
      'tollgate.dev/cost-center': changingCostCenter,
    }),
    LOCATION,
  ].join('---\n');
}

async function eventually<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

describe('catalogModuleFinops in a real catalog', () => {
  let dir: string;
  let backend: TestBackend;
  const processingErrors = new Map<string, Error[]>();

  const base = () => `http://localhost:${backend.server.port()}/api/catalog`;

  async function getEntity(
    kind: string,
    name: string,
  ): Promise<AlphaEntity | undefined> {
    const response = await fetch(
      `${base()}/entities/by-name/${kind}/default/${name}`,
    );
    if (response.status === 404) {
      return undefined;
    }
    expect(response.status).toBe(200);
    return response.json();
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tollgate-catalog-'));
    fs.mkdirSync(path.join(dir, 'capabilities'));
    fs.copyFileSync(FIXTURE, path.join(dir, 'capabilities/support-triage.yml'));
    fs.writeFileSync(
      path.join(dir, 'catalog-info.yaml'),
      catalogFile('cc-4200'),
    );

    // Records processing errors of entities that never reach the catalog.
    const errorRecorder = createBackendModule({
      pluginId: 'catalog',
      moduleId: 'error-recorder',
      register(reg) {
        reg.registerInit({
          deps: { catalog: catalogProcessingExtensionPoint },
          async init({ catalog }) {
            catalog.setOnProcessingErrorHandler(
              ({ unprocessedEntity, errors }) => {
                processingErrors.set(unprocessedEntity.metadata.name, errors);
              },
            );
          },
        });
      },
    });

    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleFinops,
        errorRecorder,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['Component', 'API', 'Location'] }],
              locations: [
                { type: 'file', target: path.join(dir, 'catalog-info.yaml') },
              ],
            },
            tollgate: { naftiko: { allowLocationType: true } },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports the Naftiko capability as a component with mapped annotations and API relations', async () => {
    const capability = await eventually(async () => {
      const entity = await getEntity('component', 'support-triage');
      return entity?.relations?.length ? entity : undefined;
    }, 'the support-triage capability');
    expect(capability.spec).toMatchObject({
      type: 'capability',
      owner: 'group:default/support-ai',
    });
    expect(capability.metadata.annotations).toMatchObject({
      'tollgate.dev/cost-center': 'cc-4100',
      'tollgate.dev/team': 'support-ai',
      'tollgate.dev/environment-tier': 'production',
      'backstage.io/managed-by-location': `naftiko:${path.join(
        dir,
        'capabilities/support-triage.yml',
      )}`,
    });
    expect(capability.relations).toEqual(
      expect.arrayContaining([
        {
          type: 'consumesApi',
          targetRef: 'api:default/support-triage-openai-chat',
        },
        {
          type: 'consumesApi',
          targetRef: 'api:default/support-triage-ticketing',
        },
        {
          type: 'providesApi',
          targetRef: 'api:default/support-triage-triage-tools',
        },
        {
          type: 'providesApi',
          targetRef: 'api:default/support-triage-triage-api',
        },
        { type: 'ownedBy', targetRef: 'group:default/support-ai' },
      ]),
    );

    const openai = await eventually(
      () => getEntity('api', 'support-triage-openai-chat'),
      'the consumed OpenAI API',
    );
    expect(openai.metadata.annotations).toMatchObject({
      'tollgate.dev/billing-granularity': 'metered',
      'tollgate.dev/cost-center': 'cc-4100',
    });
    expect(openai.spec?.definition).toContain('x-tollgate-billing: chargeable');
  });

  it('keeps valid and advisory-only entities in the catalog without errors', async () => {
    for (const name of ['good-service', 'unlabelled-service']) {
      const entity = await eventually(
        () => getEntity('component', name),
        `component ${name}`,
      );
      expect(entity.status?.items ?? []).toEqual([]);
    }
  });

  it('fails processing of an entity with a malformed annotation, naming it', async () => {
    const errors = await eventually(
      async () => processingErrors.get('bad-service'),
      'the processing error of bad-service',
    );
    expect(errors.map(e => `${e.name}: ${e.message}`)).toEqual([
      expect.stringMatching(
        /^InputError: tollgate\.dev\/cost-center has invalid value "Bad Value!": expected a Kubernetes label value/,
      ),
    ]);
    expect(await getEntity('component', 'bad-service')).toBeUndefined();
  });

  it('shows the error on an entity that turns invalid, in its catalog status', async () => {
    await eventually(
      () => getEntity('component', 'changing-service'),
      'component changing-service',
    );
    fs.writeFileSync(
      path.join(dir, 'catalog-info.yaml'),
      catalogFile('Bad Value!'),
    );
    const refresh = await fetch(`${base()}/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entityRef: 'component:default/changing-service' }),
    });
    expect(refresh.status).toBe(200);

    const entity = await eventually(async () => {
      const current = await getEntity('component', 'changing-service');
      return current?.status?.items?.length ? current : undefined;
    }, 'the processing error in the status of changing-service');
    expect(entity.status?.items).toEqual([
      expect.objectContaining({
        type: 'backstage.io/catalog-processing',
        level: 'error',
        message: expect.stringContaining(
          'InputError: tollgate.dev/cost-center has invalid value "Bad Value!"',
        ),
      }),
    ]);
  });
});
