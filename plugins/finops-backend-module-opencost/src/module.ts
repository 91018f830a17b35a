import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { finopsCostSourcesExtensionPoint } from '@tollgate/plugin-finops-node';
import { readOpenCostSourceConfigs } from './config/readOpenCostSourceConfigs';
import { OpenCostCostSource } from './OpenCostCostSource';

/**
 * Adds a cost source to the finops backend for each entry of
 * `tollgate.sources.opencost`.
 *
 * @public
 */
export const finopsModuleOpencost = createBackendModule({
  pluginId: 'finops',
  moduleId: 'opencost',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        costSources: finopsCostSourcesExtensionPoint,
      },
      async init({ config, logger, costSources }) {
        const sources = readOpenCostSourceConfigs(config).map(entry =>
          OpenCostCostSource.fromConfig(entry),
        );
        if (sources.length === 0) {
          logger.info('No tollgate.sources.opencost entries configured');
          return;
        }
        costSources.addCostSource(...sources);
        logger.info(
          `Added OpenCost cost sources ${sources.map(s => s.id).join(', ')}`,
        );
      },
    });
  },
});
