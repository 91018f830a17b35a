import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { finopsCostSourcesExtensionPoint } from '@tollgate/plugin-finops-node';
import { readOpenAiSourceConfigs } from './config/readOpenAiSourceConfigs';
import { OpenAiCostSource } from './OpenAiCostSource';

/**
 * Adds a cost source to the finops backend for each entry of
 * `tollgate.sources.openai`.
 *
 * @public
 */
export const finopsModuleOpenai = createBackendModule({
  pluginId: 'finops',
  moduleId: 'openai',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        costSources: finopsCostSourcesExtensionPoint,
      },
      async init({ config, logger, costSources }) {
        const sources = readOpenAiSourceConfigs(config).map(entry =>
          OpenAiCostSource.fromConfig(entry),
        );
        if (sources.length === 0) {
          logger.info('No tollgate.sources.openai entries configured');
          return;
        }
        costSources.addCostSource(...sources);
        logger.info(
          `Added OpenAI cost sources ${sources.map(s => s.id).join(', ')}`,
        );
      },
    });
  },
});
