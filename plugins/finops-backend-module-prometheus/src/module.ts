import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { finopsCostSourcesExtensionPoint } from '@tollgate/plugin-finops-node';
import { readPrometheusSourceConfigs } from './config/readPrometheusSourceConfigs';
import { PrometheusCostSource } from './source/PrometheusCostSource';

/**
 * Adds one Prometheus cost source per entry of `tollgate.sources.prometheus`.
 *
 * @public
 */
export const finopsModulePrometheus = createBackendModule({
  pluginId: 'finops',
  moduleId: 'prometheus',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        costSources: finopsCostSourcesExtensionPoint,
      },
      async init({ config, costSources }) {
        const currency = config.getOptionalString('tollgate.currency') ?? 'USD';
        costSources.addCostSource(
          ...readPrometheusSourceConfigs(config).map(
            source => new PrometheusCostSource(source, { currency }),
          ),
        );
      },
    });
  },
});
