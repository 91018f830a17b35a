import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  CostSource,
  finopsCostSourcesExtensionPoint,
} from '@tollgate/plugin-finops-node';
import { finopsModuleFocus } from './module';

describe('finopsModuleFocus', () => {
  it('adds one source per configured FOCUS export', async () => {
    const added: CostSource[] = [];
    await startTestBackend({
      extensionPoints: [
        [
          finopsCostSourcesExtensionPoint,
          {
            addCostSource: (...sources: CostSource[]) => added.push(...sources),
          },
        ],
      ],
      features: [
        finopsModuleFocus,
        mockServices.rootConfig.factory({
          data: {
            tollgate: {
              sources: {
                focus: [
                  {
                    id: 'llm-invoices',
                    paths: ['./examples/focus/*.csv'],
                    entityTagKey: 'backstage-entity',
                    costCenterTagKey: 'cost-center',
                    lookbackDays: 3,
                  },
                  {
                    id: 'saas',
                    urls: ['https://billing.example.com/focus.csv'],
                  },
                ],
              },
            },
          },
        }),
      ],
    });
    expect(added.map(s => [s.id, s.type])).toEqual([
      ['focus:llm-invoices', 'focus'],
      ['focus:saas', 'focus'],
    ]);
    expect(added[0].schedule).toMatchObject({ lookbackDays: 3 });
  });

  it('adds nothing without configuration', async () => {
    const addCostSource = jest.fn();
    await startTestBackend({
      extensionPoints: [[finopsCostSourcesExtensionPoint, { addCostSource }]],
      features: [finopsModuleFocus],
    });
    expect(addCostSource).toHaveBeenCalledWith();
  });

  it('fails to start on a repeated id', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [
          [finopsCostSourcesExtensionPoint, { addCostSource: jest.fn() }],
        ],
        features: [
          finopsModuleFocus,
          mockServices.rootConfig.factory({
            data: {
              tollgate: {
                sources: {
                  focus: [
                    { id: 'a', paths: ['a.csv'] },
                    { id: 'a', paths: ['b.csv'] },
                  ],
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow('tollgate.sources.focus has the id "a" more than once');
  });
});
