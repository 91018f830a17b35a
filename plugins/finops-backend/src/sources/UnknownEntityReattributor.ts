import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { DayWindow, addDays } from '@tollgate/plugin-finops-common';
import {
  CostStore,
  UnallocatedTagSet,
  UnknownEntityClaim,
} from '../costs/store/CostStore';
import { UNKNOWN_ENTITY_TAG } from '../costs/store/unknownEntityRecords';
import { CostedCatalog } from '../entities/CostedCatalog';
import { reattributeStoredRecord } from './attributeItems';
import { VENDOR_ID_TAGS } from './VendorClaims';

/** What stored unallocated records ask of the catalog. */
interface StoredClaims {
  /** Days of records that named an entity the catalog did not have. */
  entities: UnknownEntityClaim[];
  /** Days of records that named no entity, with their vendor ids. */
  vendorIds: UnallocatedTagSet[];
}

/**
 * Gives spend to entities that joined the catalog after their spend was ingested:
 * records kept as unallocated because they named an entity the catalog did not have
 * yet are attributed to it once it is there, whichever came first, ingestion or the
 * catalog's processing; records that named no entity are attributed to the one entity
 * that has since claimed their vendor id (project, workspace, team or API key). The
 * stored claims are read again only after an ingestion.
 */
export class UnknownEntityReattributor {
  private claims?: Promise<StoredClaims>;
  private readonly listeners: Array<() => void> = [];

  constructor(
    private readonly options: { costStore: CostStore; logger: LoggerService },
  ) {}

  /** Called after records were attributed, as after an ingestion. */
  onAttributed(listener: () => void) {
    this.listeners.push(listener);
  }

  /** An ingestion has stored new data: its claims are read at the next run. */
  invalidate() {
    this.claims = undefined;
  }

  /**
   * Re-attributes what the entities now in the catalog claim; answers the records
   * changed. A failure is logged and tried again at the next run, never thrown.
   */
  async run(entities: Entity[]): Promise<number> {
    try {
      return await this.reattribute(entities);
    } catch (error) {
      this.invalidate();
      this.options.logger.error(
        `Attributing unallocated spend to new catalog entities failed: ${error}`,
      );
      return 0;
    }
  }

  private async reattribute(entities: Entity[]): Promise<number> {
    const { costStore, logger } = this.options;
    const claims = await (this.claims ??= readClaims(costStore));
    if (claims.entities.length === 0 && claims.vendorIds.length === 0) {
      // most refreshes: nothing is kept for a missing entity or an unclaimed id
      return 0;
    }
    const catalog = await CostedCatalog.inSlices(entities);
    const named = claims.entities.filter(claim =>
      catalog.find(claim.entityRef),
    );
    const claimed = claims.vendorIds.filter(
      set => catalog.vendorClaims.claimant(set.tags) !== undefined,
    );
    const due = [...named, ...claimed];
    if (due.length === 0) {
      return 0;
    }
    this.invalidate();
    let changed = 0;
    for (const [sourceId, windows] of windowsBySource(due)) {
      for (const window of windows) {
        changed += await costStore.reattributeWindow(sourceId, window, record =>
          reattributeStoredRecord(record, catalog),
        );
      }
    }
    this.listeners.forEach(listener => listener());
    const receivers = new Set([
      ...named.map(claim => catalog.find(claim.entityRef)!.entityRef),
      ...claimed.map(set => catalog.vendorClaims.claimant(set.tags)!),
    ]);
    logger.info(
      `Attributed ${changed} records kept as unallocated to ${receivers.size} entities that have joined the catalog or claimed their vendor ids`,
    );
    return changed;
  }
}

async function readClaims(costStore: CostStore): Promise<StoredClaims> {
  const [entities, tagged] = await Promise.all([
    costStore.unknownEntityClaims(),
    costStore.unallocatedTagSets([...VENDOR_ID_TAGS, UNKNOWN_ENTITY_TAG]),
  ]);
  // a record that named an entity waits for that entity, whatever it claims
  const vendorIds = tagged.filter(set => !(UNKNOWN_ENTITY_TAG in set.tags));
  return { entities, vendorIds };
}

/** The claimed days of each source as runs of consecutive days. */
function windowsBySource(claims: Array<{ sourceId: string; day: string }>) {
  const days = new Map<string, Set<string>>();
  for (const { sourceId, day } of claims) {
    days.set(sourceId, (days.get(sourceId) ?? new Set()).add(day));
  }
  const windows = new Map<string, DayWindow[]>();
  for (const [sourceId, set] of days) {
    const runs: DayWindow[] = [];
    for (const day of [...set].sort()) {
      const last = runs[runs.length - 1];
      if (last && addDays(last.to, 1) === day) {
        last.to = day;
      } else {
        runs.push({ from: day, to: day });
      }
    }
    windows.set(sourceId, runs);
  }
  return windows;
}
