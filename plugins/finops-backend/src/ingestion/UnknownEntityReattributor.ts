import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { DayWindow, addDays } from '@tollgate/plugin-finops-common';
import { CostStore, UnknownEntityClaim } from '../database/CostStore';
import { EntityIndex } from './EntityIndex';
import { reattributeStoredRecord } from './attributeItems';

/**
 * Gives spend to entities that joined the catalog after their spend was ingested:
 * records kept as unallocated because they named an entity the catalog did not have
 * yet are attributed to it once it is there, whichever came first, ingestion or the
 * catalog's processing. The stored claims are read again only after an ingestion.
 */
export class UnknownEntityReattributor {
  private claims?: Promise<UnknownEntityClaim[]>;
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
    const claims = await (this.claims ??= costStore.unknownEntityClaims());
    if (claims.length === 0) {
      // most refreshes: nothing is kept for a missing entity
      return 0;
    }
    const index = new EntityIndex(entities);
    const due = claims.filter(claim => index.get(claim.entityRef));
    if (due.length === 0) {
      return 0;
    }
    this.invalidate();
    let changed = 0;
    for (const [sourceId, windows] of windowsBySource(due)) {
      for (const window of windows) {
        changed += await costStore.reattributeWindow(sourceId, window, record =>
          reattributeStoredRecord(record, index),
        );
      }
    }
    this.listeners.forEach(listener => listener());
    logger.info(
      `Attributed ${changed} records kept as unallocated to ${
        new Set(due.map(c => c.entityRef)).size
      } entities that have joined the catalog`,
    );
    return changed;
  }
}

/** The claimed days of each source as runs of consecutive days. */
function windowsBySource(claims: UnknownEntityClaim[]) {
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
