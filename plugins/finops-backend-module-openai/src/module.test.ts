import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  CostSource,
  finopsCostSourcesExtensionPoint,
} from '@tollgate/plugin-finops-node';
import { OpenAiCostSource } from './OpenAiCostSource';
import { finopsModuleOpenai } from './module';

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

describe('finopsModuleOpenai', () => {
  it('adds one source per tollgate.sources.openai entry', async () => {
    const sources: CostSource[] = [];
    const backend = await startTestBackend({
      features: [
        finopsPluginCollecting(sources),
        finopsModuleOpenai,
        mockServices.rootConfig.factory({
          data: {
            tollgate: {
              sources: {
                openai: [
                  { id: 'org', adminKey: 'sk-admin-1' },
                  {
                    id: 'replay',
                    baseUrl: 'http://localhost:7080',
                    adminKey: 'sk-admin-2',
                    schedule: {
                      frequency: { hours: 6 },
                      timeout: { minutes: 10 },
                    },
                    lookbackDays: 3,
                  },
                ],
              },
            },
          },
        }),
      ],
    });
    expect(sources.map(s => [s.id, s.type, s.authority])).toEqual([
      ['openai:org', 'openai', 'vendor-api'],
      ['openai:replay', 'openai', 'vendor-api'],
    ]);
    expect(sources.every(s => s instanceof OpenAiCostSource)).toBe(true);
    expect(sources[1].schedule).toMatchObject({
      frequency: { hours: 6 },
      lookbackDays: 3,
    });
    await backend.stop();
  });

  it('adds nothing without entries', async () => {
    const sources: CostSource[] = [];
    const backend = await startTestBackend({
      features: [finopsPluginCollecting(sources), finopsModuleOpenai],
    });
    expect(sources).toEqual([]);
    await backend.stop();
  });

  it('fails to start on an invalid entry, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          finopsPluginCollecting([]),
          finopsModuleOpenai,
          mockServices.rootConfig.factory({
            data: {
              tollgate: {
                sources: {
                  openai: [
                    { id: 'org', adminKey: 'k', baseUrl: 'ftp://openai' },
                  ],
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      'Invalid tollgate.sources.openai[0].baseUrl "ftp://openai": expected an absolute http or https URL',
    );
  });
});
