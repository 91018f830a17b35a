import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  CostSource,
  finopsCostSourcesExtensionPoint,
} from '@tollgate/plugin-finops-node';
import { AnthropicCostSource } from './AnthropicCostSource';
import { finopsModuleAnthropic } from './module';

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

describe('finopsModuleAnthropic', () => {
  it('adds one source per tollgate.sources.anthropic entry', async () => {
    const sources: CostSource[] = [];
    const backend = await startTestBackend({
      features: [
        finopsPluginCollecting(sources),
        finopsModuleAnthropic,
        mockServices.rootConfig.factory({
          data: {
            tollgate: {
              sources: {
                anthropic: [
                  { id: 'org', adminKey: 'sk-ant-admin-1' },
                  {
                    id: 'replay',
                    baseUrl: 'http://localhost:7080',
                    adminKey: 'sk-ant-admin-2',
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
      ['anthropic:org', 'anthropic', 'vendor-api'],
      ['anthropic:replay', 'anthropic', 'vendor-api'],
    ]);
    expect(sources.every(s => s instanceof AnthropicCostSource)).toBe(true);
    expect(sources[1].schedule).toMatchObject({
      frequency: { hours: 6 },
      lookbackDays: 3,
    });
    await backend.stop();
  });

  it('adds nothing without entries', async () => {
    const sources: CostSource[] = [];
    const backend = await startTestBackend({
      features: [finopsPluginCollecting(sources), finopsModuleAnthropic],
    });
    expect(sources).toEqual([]);
    await backend.stop();
  });

  it('fails to start on an invalid entry, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          finopsPluginCollecting([]),
          finopsModuleAnthropic,
          mockServices.rootConfig.factory({
            data: {
              tollgate: {
                sources: {
                  anthropic: [
                    { id: 'org', adminKey: 'k', baseUrl: 'ftp://anthropic' },
                  ],
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      'Invalid tollgate.sources.anthropic[0].baseUrl "ftp://anthropic": expected an absolute http or https URL',
    );
  });
});
