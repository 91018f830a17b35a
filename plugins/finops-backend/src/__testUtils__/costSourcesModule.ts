import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  CostSource,
  finopsCostSourcesExtensionPoint,
} from '@tollgate/plugin-finops-node';

/** A finops backend module that adds the given cost sources, as a source module does. */
export function costSourcesModule(moduleId: string, sources: CostSource[]) {
  return createBackendModule({
    pluginId: 'finops',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { extension: finopsCostSourcesExtensionPoint },
        async init({ extension }) {
          for (const source of sources) {
            extension.addCostSource(source);
          }
        },
      });
    },
  });
}
