import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  CostSource,
  finopsCostSourcesExtensionPoint,
} from '@tollgate/plugin-finops-node';
import { LiteLlmCostSource } from './LiteLlmCostSource';
import { finopsModuleLitellm } from './module';

function finopsPluginCollecting(sources: CostSource[]) {
  return createBackendPlugin({
    pluginId: 'finops',
    register(env) {
      env.registerExtensionPoint(finopsCostSourcesExtensionPoint, {
        addCostSource(...added) {
          sources.push(...added);
        },
      });
      env.registerInit({
        deps: { logger: coreServices.logger },
        async init() {},
      });
    },
  });
}

describe('finopsModuleLitellm', () => {
  it('adds one source per tollgate.sources.litellm entry', async () => {
    const sources: CostSource[] = [];
    const backend = await startTestBackend({
      features: [
        finopsPluginCollecting(sources),
        finopsModuleLitellm,
        mockServices.rootConfig.factory({
          data: {
            tollgate: {
              sources: {
                litellm: [
                  {
                    id: 'gateway',
                    baseUrl: 'http://litellm:4000',
                    apiKey: 'sk-1',
                  },
                  {
                    id: 'eu',
                    baseUrl: 'https://litellm.eu.example.com',
                    apiKey: 'sk-2',
                    schedule: {
                      frequency: { minutes: 30 },
                      timeout: { minutes: 10 },
                    },
                    lookbackDays: 1,
                  },
                ],
              },
            },
          },
        }),
      ],
    });
    expect(sources.map(s => [s.id, s.type, s.authority])).toEqual([
      ['litellm:gateway', 'litellm', 'telemetry'],
      ['litellm:eu', 'litellm', 'telemetry'],
    ]);
    expect(sources.every(s => s instanceof LiteLlmCostSource)).toBe(true);
    expect(sources[1].schedule).toMatchObject({
      frequency: { minutes: 30 },
      lookbackDays: 1,
    });
    await backend.stop();
  });

  it('adds nothing without entries', async () => {
    const sources: CostSource[] = [];
    const backend = await startTestBackend({
      features: [finopsPluginCollecting(sources), finopsModuleLitellm],
    });
    expect(sources).toEqual([]);
    await backend.stop();
  });

  it('fails to start on an invalid entry, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          finopsPluginCollecting([]),
          finopsModuleLitellm,
          mockServices.rootConfig.factory({
            data: {
              tollgate: {
                sources: { litellm: [{ id: 'gateway', apiKey: 'k' }] },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      "Missing required config value at 'tollgate.sources.litellm[0].baseUrl'",
    );
  });
});
