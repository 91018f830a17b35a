import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  CostSource,
  finopsCostSourcesExtensionPoint,
} from '@tollgate/plugin-finops-node';
import { OpenCostCostSource } from './OpenCostCostSource';
import { finopsModuleOpencost } from './module';

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

describe('finopsModuleOpencost', () => {
  it('adds one source per tollgate.sources.opencost entry', async () => {
    const sources: CostSource[] = [];
    const backend = await startTestBackend({
      features: [
        finopsPluginCollecting(sources),
        finopsModuleOpencost,
        mockServices.rootConfig.factory({
          data: {
            tollgate: {
              sources: {
                opencost: [
                  { id: 'prod-eu', baseUrl: 'http://opencost.opencost:9003' },
                  {
                    id: 'legacy',
                    baseUrl: 'http://kubecost-cost-analyzer.kubecost:9090',
                    flavor: 'kubecost',
                    schedule: {
                      frequency: { hours: 6 },
                      timeout: { minutes: 10 },
                    },
                  },
                ],
              },
            },
          },
        }),
      ],
    });
    expect(sources.map(s => [s.id, s.type])).toEqual([
      ['opencost:prod-eu', 'opencost'],
      ['opencost:legacy', 'opencost'],
    ]);
    expect(sources.every(s => s instanceof OpenCostCostSource)).toBe(true);
    expect(sources[1].schedule?.frequency).toEqual({ hours: 6 });
    await backend.stop();
  });

  it('adds nothing without entries', async () => {
    const sources: CostSource[] = [];
    const backend = await startTestBackend({
      features: [finopsPluginCollecting(sources), finopsModuleOpencost],
    });
    expect(sources).toEqual([]);
    await backend.stop();
  });

  it('fails to start on an invalid entry, naming it', async () => {
    await expect(
      startTestBackend({
        features: [
          finopsPluginCollecting([]),
          finopsModuleOpencost,
          mockServices.rootConfig.factory({
            data: {
              tollgate: {
                sources: {
                  opencost: [{ id: 'x', baseUrl: 'http://x', idle: 'drop' }],
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      'Invalid tollgate.sources.opencost[0].idle "drop": expected one of ignore, unallocated, share',
    );
  });
});
