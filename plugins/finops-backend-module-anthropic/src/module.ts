import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { finopsCostSourcesExtensionPoint } from '@tollgate/plugin-finops-node';
import { readAnthropicSourceConfigs } from './config/readAnthropicSourceConfigs';
import { AnthropicCostSource } from './AnthropicCostSource';

/**
 * Adds a cost source to the finops backend for each entry of
 * `tollgate.sources.anthropic`.
 *
 * @public
 */
export const finopsModuleAnthropic = createBackendModule({
  pluginId: 'finops',
  moduleId: 'anthropic',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        costSources: finopsCostSourcesExtensionPoint,
      },
      async init({ config, logger, costSources }) {
        const sources = readAnthropicSourceConfigs(config).map(entry =>
          AnthropicCostSource.fromConfig(entry),
        );
        if (sources.length === 0) {
          logger.info('No tollgate.sources.anthropic entries configured');
          return;
        }
        costSources.addCostSource(...sources);
        logger.info(
          `Added Anthropic cost sources ${sources.map(s => s.id).join(', ')}`,
        );
      },
    });
  },
});
