import { LoggerService } from '@backstage/backend-plugin-api';
import { BudgetService } from '../budgets/BudgetService';
import { DatabaseMeteringStore } from './DatabaseMeteringStore';

/** How long after metered usage the budget snapshot is rebuilt, gathering what follows. */
const REFRESH_DELAY_MS = 250;
/** How long after metered usage its rollup rows are merged, gathering what follows. */
const COMPACT_DELAY_MS = 1000;

/**
 * What follows metered writes, a few times a second at most however many come: the
 * budget snapshot is rebuilt, so that budgets, alerts and the guardrail check count the
 * spend, and the rollup rows the writes added are merged.
 */
export class MeteredWritesFollowUp {
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private compactTimer?: ReturnType<typeof setTimeout>;
  /** The entities with metered rollups written since the last merge, by day. */
  private readonly pending = new Map<string, Set<string>>();

  constructor(
    private readonly options: {
      store: DatabaseMeteringStore;
      budgets: BudgetService;
      logger: LoggerService;
    },
  ) {}

  /** Budgets see the spend of these writes, and their rollup rows are merged, shortly after. */
  written(events: Array<{ day: string; entityRef?: string }>) {
    for (const { day, entityRef } of events) {
      if (entityRef) {
        const refs = this.pending.get(day) ?? new Set<string>();
        refs.add(entityRef);
        this.pending.set(day, refs);
      }
    }
    this.refreshBudgets();
    this.compactRollups();
  }

  /** One merge a second at most, of the entities and days written meanwhile. */
  private compactRollups() {
    if (this.compactTimer || !this.pending.size) {
      return;
    }
    this.compactTimer = setTimeout(async () => {
      const written = [...this.pending];
      this.pending.clear();
      try {
        for (const [day, refs] of written) {
          await this.options.store.compact(day, [...refs]);
        }
      } catch (error) {
        this.options.logger.error(
          `Merging metered rollup rows failed: ${error}`,
        );
      } finally {
        this.compactTimer = undefined;
        this.compactRollups();
      }
    }, COMPACT_DELAY_MS);
    this.compactTimer.unref?.();
  }

  /**
   * Budgets, alerts and the guardrail see new spend at the next snapshot: one refresh
   * a short while after the first write, however many writes follow meanwhile, so that
   * a stream of reports rebuilds the snapshot a few times a second, not per report.
   */
  private refreshBudgets() {
    if (this.refreshTimer) {
      return;
    }
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.options.budgets
        .refresh('metered')
        .catch(error =>
          this.options.logger.error(
            `Refreshing budgets after metered usage failed: ${error}`,
          ),
        );
    }, REFRESH_DELAY_MS);
    this.refreshTimer.unref?.();
  }
}
