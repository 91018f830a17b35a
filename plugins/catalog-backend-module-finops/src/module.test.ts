import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  catalogLocationsExtensionPoint,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import { catalogModuleFinops } from './module';
import {
  FinopsGovernanceProcessor,
  NaftikoCapabilityProcessor,
} from './processor';

describe('catalogModuleFinops', () => {
  async function start(config: object) {
    const processing = { addProcessor: jest.fn() };
    const locations = { setAllowedLocationTypes: jest.fn() };
    await startTestBackend({
      extensionPoints: [
        [catalogProcessingExtensionPoint, processing],
        [catalogLocationsExtensionPoint, locations],
      ],
      features: [
        catalogModuleFinops,
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    return { processing, locations };
  }

  it('adds the governance and Naftiko processors', async () => {
    const { processing, locations } = await start({});
    expect(processing.addProcessor).toHaveBeenCalledWith(
      expect.any(FinopsGovernanceProcessor),
      expect.any(NaftikoCapabilityProcessor),
    );
    expect(locations.setAllowedLocationTypes).not.toHaveBeenCalled();
  });

  it('allows naftiko Location entities when configured', async () => {
    const { locations } = await start({
      tollgate: { naftiko: { allowLocationType: true } },
    });
    expect(locations.setAllowedLocationTypes).toHaveBeenCalledWith([
      'url',
      'naftiko',
    ]);
  });

  it('fails to start on a bad governance configuration', async () => {
    await expect(
      start({
        tollgate: {
          governance: { rules: [{ id: 'owner-required', level: 'advisory' }] },
        },
      }),
    ).rejects.toThrow(
      'tollgate.governance.rules[0].id has invalid value "owner-required"',
    );
  });
});
