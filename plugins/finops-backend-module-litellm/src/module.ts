import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { finopsCostSourcesExtensionPoint } from '@tollgate/plugin-finops-node';
import { readLiteLlmSourceConfigs } from './config/readLiteLlmSourceConfigs';
import { LiteLlmCostSource } from './LiteLlmCostSource';

/**
 * Adds a cost source to the finops backend for each entry of
 * `tollgate.sources.litellm`.
 *
 * @public
 */
export const finopsModuleLitellm = createBackendModule({
  pluginId: 'finops',
  moduleId: 'litellm',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        costSources: finopsCostSourcesExtensionPoint,
      },
      async init({ config, logger, costSources }) {
        const sources = readLiteLlmSourceConfigs(config).map(entry =>
          LiteLlmCostSource.fromConfig(entry),
        );
        if (sources.length === 0) {
          logger.info('No tollgate.sources.litellm entries configured');
          return;
        }
        costSources.addCostSource(...sources);
        logger.info(
          `Added LiteLLM cost sources ${sources.map(s => s.id).join(', ')}`,
        );
      },
    });
  },
});
