import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  SourceIdSet,
  finopsCostSourcesExtensionPoint,
} from '@tollgate/plugin-finops-node';
import { FocusCostSource } from './source/FocusCostSource';

/**
 * Adds a cost source to the finops backend for each entry of
 * `tollgate.sources.focus`: FOCUS CSV exports read from files or URLs.
 *
 * @public
 */
export const finopsModuleFocus = createBackendModule({
  pluginId: 'finops',
  moduleId: 'focus',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        urlReader: coreServices.urlReader,
        costSources: finopsCostSourcesExtensionPoint,
      },
      async init({ config, logger, urlReader, costSources }) {
        const entries =
          config.getOptionalConfigArray('tollgate.sources.focus') ?? [];
        const sources = entries.map(entry =>
          FocusCostSource.fromConfig(entry, { urlReader }),
        );
        const ids = new SourceIdSet();
        for (const source of sources) {
          ids.add(
            source.id,
            () =>
              `tollgate.sources.focus has the id "${source.id.slice(
                'focus:'.length,
              )}" more than once`,
          );
        }
        costSources.addCostSource(...sources);
        logger.info(
          `Added ${sources.length} FOCUS cost sources${
            sources.length ? `: ${ids.values().join(', ')}` : ''
          }`,
        );
      },
    });
  },
});
