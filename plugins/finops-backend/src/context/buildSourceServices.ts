import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { CostSource, PriceBook } from '@tollgate/plugin-finops-node';
import { Knex } from 'knex';
import { CostStore } from '../costs/store/CostStore';
import { CatalogEntityLoader } from '../entities/CatalogEntityLoader';
import { FinopsSettings } from './readFinopsConfig';
import { CostSourceRunner } from '../sources/CostSourceRunner';
import { DatabaseSourceRunStore } from '../sources/DatabaseSourceRunStore';
import { IngestionScheduler } from '../sources/IngestionScheduler';
import { SourceRunService } from '../sources/SourceRunService';
import { SourceStatusService } from '../sources/SourceStatusService';
import { UnknownEntityReattributor } from '../sources/UnknownEntityReattributor';

/**
 * Ingestion: runs of the cost sources, on their schedules and on demand, their
 * freshness, and the re-attribution of records kept as unallocated. Runs a stopped
 * backend left open are marked failed first.
 */
export async function buildSourceServices(options: {
  db: Knex;
  sources: CostSource[];
  settings: FinopsSettings;
  costStore: CostStore;
  priceBook: PriceBook;
  entities: CatalogEntityLoader;
  scheduler: SchedulerService;
  logger: LoggerService;
}) {
  const { db, sources, settings, costStore, entities, logger } = options;
  const runStore = DatabaseSourceRunStore.fromKnex(db);
  const interrupted = await runStore.failInterrupted(
    'interrupted: the backend stopped before the run ended; the window it was writing kept its earlier data',
  );
  if (interrupted > 0) {
    logger.warn(`Marked ${interrupted} interrupted source runs as failed`);
  }
  const runner = new CostSourceRunner({
    costStore,
    runStore,
    logger,
    priceBook: options.priceBook,
    loadEntities: () => entities.load(),
    retry: settings.retry,
  });
  return {
    runner,
    sourceStatus: new SourceStatusService(
      () => sources,
      runStore,
      settings.staleAfterSeconds,
    ),
    sourceRuns: new SourceRunService(
      () => sources,
      runner,
      settings.manualRunTimeoutMs,
    ),
    reattributor: new UnknownEntityReattributor({ costStore, logger }),
    ingestionScheduler: new IngestionScheduler({
      scheduler: options.scheduler,
      runner,
      runStore,
      logger,
    }),
  };
}
