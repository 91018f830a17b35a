import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  CostSource,
  finopsCostSourcesExtensionPoint,
} from '@tollgate/plugin-finops-node';
import finopsModulePrometheus from './index';

describe('finopsModulePrometheus', () => {
  async function start(config: object) {
    const added: CostSource[] = [];
    const backend = await startTestBackend({
      extensionPoints: [
        [
          finopsCostSourcesExtensionPoint,
          { addCostSource: (...s: CostSource[]) => added.push(...s) },
        ],
      ],
      features: [
        finopsModulePrometheus,
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    return { added, backend };
  }

  it('adds one source per configured Prometheus', async () => {
    const { added, backend } = await start({
      tollgate: {
        sources: {
          prometheus: [
            { id: 'main', baseUrl: 'http://prometheus:9090', lookbackDays: 3 },
            {
              id: 'edge',
              baseUrl: 'http://edge:9090',
              metrics: { profile: 'naftiko' },
            },
          ],
        },
      },
    });
    expect(added.map(s => [s.id, s.type, s.schedule?.lookbackDays])).toEqual([
      ['prometheus:main', 'prometheus', 3],
      ['prometheus:edge', 'prometheus', undefined],
    ]);
    await backend.stop();
  });

  it('adds nothing without configuration', async () => {
    const { added, backend } = await start({});
    expect(added).toEqual([]);
    await backend.stop();
  });

  it('fails to start on a bad entry, naming it', async () => {
    await expect(
      start({
        tollgate: {
          sources: { prometheus: [{ id: 'main', baseUrl: 'nope' }] },
        },
      }),
    ).rejects.toThrow(/entry "main": baseUrl has invalid value "nope"/);
  });
});
