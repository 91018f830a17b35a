import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Budget,
  BudgetInput,
  BudgetScope,
  BudgetStatus,
  EntityBudgetResponse,
  describeBudgetScope,
} from '@tollgate/plugin-finops-common';
import { Entity } from '@backstage/catalog-model';
import { toCostedEntity } from '../entities/CostedEntity';
import { entityRefKey } from '../entities/entityRefKey';
import { BudgetEvaluator } from './BudgetEvaluator';
import { BudgetSnapshot } from './BudgetSnapshot';
import { BudgetStore } from './BudgetStore';

/**
 * Why a snapshot is rebuilt: something changed (an ingestion, a budget edit), metered
 * usage was reported, or the periodic refresh that picks up the catalog.
 */
export type RefreshCause = 'change' | 'metered' | 'schedule';

/**
 * What listeners are asked to evaluate: everything, or only what must follow metered
 * usage within a second (budget thresholds, gauges). Work that reads history
 * (anomalies, scorecards) waits for the next full evaluation, which the periodic
 * refresh makes when metered usage came in since the last.
 */
export type SnapshotEvaluation = 'full' | 'metered';

/** Hears of a snapshot worth evaluating. */
export type SnapshotListener = (
  snapshot: BudgetSnapshot,
  evaluation: SnapshotEvaluation,
) => Promise<unknown>;

/**
 * What alerts and scores depend on beyond spend: the day and the budgets. A periodic
 * refresh that leaves it as it was gives listeners nothing new to evaluate.
 */
function evaluationBasis(snapshot: BudgetSnapshot): string {
  const budgets = snapshot.statuses.map(({ budget }) =>
    JSON.stringify([
      budget.id,
      budget.scope,
      budget.amount,
      budget.currency,
      budget.period,
      budget.thresholds,
      budget.enforcement,
    ]),
  );
  return [snapshot.asOf, ...budgets.sort()].join('\n');
}

/**
 * Budgets for the routes: keeps the latest snapshot, refreshes it (one refresh at a
 * time, a request during one is served by the next), and edits API budgets. Listeners
 * (alerts, scorecards) hear of a snapshot after a change, and after a periodic refresh
 * only when the day or the budgets are new, so that replicas refreshing every few
 * minutes do not evaluate the same data again.
 */
export class BudgetService {
  private snapshot: BudgetSnapshot;
  private running?: Promise<BudgetSnapshot>;
  private queued?: Promise<BudgetSnapshot>;
  private changed = false;
  private metered = false;
  private scheduled = false;
  /** Metered usage came in since listeners last evaluated everything. */
  private meteredSinceFull = false;
  private lastBasis?: string;
  private readonly listeners: SnapshotListener[] = [];

  constructor(
    private readonly options: {
      evaluator: BudgetEvaluator;
      budgetStore: BudgetStore;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {
    this.snapshot = BudgetSnapshot.empty(options.now?.() ?? new Date());
  }

  /** Called with each snapshot worth evaluating, e.g. to raise alerts. */
  onSnapshot(listener: SnapshotListener) {
    this.listeners.push(listener);
  }

  current(): BudgetSnapshot {
    return this.snapshot;
  }

  /** Rebuilds the snapshot; concurrent calls share the refresh after the running one. */
  refresh(cause: RefreshCause = 'change'): Promise<BudgetSnapshot> {
    if (cause === 'change') {
      this.changed = true;
    }
    if (cause === 'metered') {
      this.metered = true;
    }
    if (cause === 'schedule') {
      this.scheduled = true;
    }
    return this.start();
  }

  /** Builds now, or after the running build with the causes asked for meanwhile. */
  private start(): Promise<BudgetSnapshot> {
    if (!this.running) {
      this.running = this.build().finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    if (!this.queued) {
      this.queued = this.running
        .catch(() => undefined)
        .then(() => {
          this.queued = undefined;
          return this.start();
        });
    }
    return this.queued;
  }

  private async build() {
    const { changed, metered, scheduled } = this;
    this.changed = false;
    this.metered = false;
    this.scheduled = false;
    this.meteredSinceFull ||= metered;
    // metered usage changes spend alone: the catalog of the last snapshot holds
    const spendOnly =
      metered && !changed && !scheduled && this.snapshot.catalogEntities.length;
    const snapshot = await this.options.evaluator.evaluate(
      spendOnly ? { catalogEntities: this.snapshot.catalogEntities } : {},
    );
    this.snapshot = snapshot;
    const basis = evaluationBasis(snapshot);
    const full =
      changed ||
      basis !== this.lastBasis ||
      (scheduled && this.meteredSinceFull);
    if (!full && !metered) {
      return snapshot;
    }
    if (full) {
      this.lastBasis = basis;
      this.meteredSinceFull = false;
    }
    for (const listener of this.listeners) {
      try {
        await listener(snapshot, full ? 'full' : 'metered');
      } catch (error) {
        this.options.logger.error(
          `Evaluating a budget snapshot failed: ${error}`,
          error as Error,
        );
      }
    }
    return snapshot;
  }

  list(): BudgetStatus[] {
    return this.snapshot.statuses;
  }

  forScope(scope: BudgetScope): BudgetStatus | undefined {
    return this.snapshot.forScope(scope);
  }

  entityBudget(
    entity: Entity,
    labels: { team?: string; costCenter?: string },
  ): EntityBudgetResponse {
    const budgeted = this.snapshot.entity(entityRefKey(entity)) ?? {
      ...toCostedEntity(entity),
      team: labels.team,
      costCenter: labels.costCenter,
    };
    const { own, inherited } = this.snapshot.budgetsOf(budgeted);
    return {
      entityRef: budgeted.entityRef,
      ...(own ? { own } : {}),
      inherited,
      overridden: this.snapshot.overriddenFor(budgeted.ownScope),
    };
  }

  async get(id: string): Promise<Budget> {
    const budget = await this.options.budgetStore.get(id);
    if (!budget) {
      throw new NotFoundError(
        `No budget ${id}; budgets from catalog annotations are changed in the catalog`,
      );
    }
    return budget;
  }

  async create(input: BudgetInput, updatedBy?: string): Promise<Budget> {
    this.refuseWhereAnnotated(input.scope);
    const budget = await this.options.budgetStore.create(input, updatedBy);
    await this.refresh();
    return budget;
  }

  async replace(id: string, input: BudgetInput, updatedBy?: string) {
    this.refuseWhereAnnotated(input.scope);
    const budget = await this.options.budgetStore.replace(id, input, updatedBy);
    if (!budget) {
      throw new NotFoundError(`No budget ${id}`);
    }
    await this.refresh();
    return budget;
  }

  async remove(id: string): Promise<void> {
    if (!(await this.options.budgetStore.delete(id))) {
      throw new NotFoundError(`No budget ${id}`);
    }
    await this.refresh();
  }

  private refuseWhereAnnotated(scope: BudgetScope) {
    const current = this.snapshot.forScope(scope);
    if (current?.budget.origin === 'annotation') {
      throw new ConflictError(
        `${describeBudgetScope(
          scope,
        )} declares its budget in the catalog annotation tollgate.dev/budget, which wins over budgets made here; change it in the entity's catalog-info.yaml`,
      );
    }
  }
}
