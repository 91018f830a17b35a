import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogLocationsExtensionPoint,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import {
  FinopsGovernanceProcessor,
  NAFTIKO_LOCATION_TYPE,
  NaftikoCapabilityProcessor,
} from './processor';

/**
 * Adds Tollgate's processors to the catalog: governance of cost annotations and
 * billing tags, and the import of Naftiko capability specs.
 *
 * @public
 */
export const catalogModuleFinops = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'finops',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        locations: catalogLocationsExtensionPoint,
        config: coreServices.rootConfig,
        reader: coreServices.urlReader,
      },
      async init({ catalog, locations, config, reader }) {
        catalog.addProcessor(
          FinopsGovernanceProcessor.fromConfig(config),
          NaftikoCapabilityProcessor.fromConfig(config, { reader }),
        );
        if (config.getOptionalBoolean('tollgate.naftiko.allowLocationType')) {
          locations.setAllowedLocationTypes(['url', NAFTIKO_LOCATION_TYPE]);
        }
      },
    });
  },
});
