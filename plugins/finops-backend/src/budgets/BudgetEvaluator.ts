import { Entity } from '@backstage/catalog-model';
import {
  BUDGET_PERIODS,
  Budget,
  BudgetStatus,
  MAX_MONEY_TEXT,
  isCurrencyCode,
  parseMicros,
  annotationBudget,
  budgetScopeKey,
  budgetStatus,
  dayOf,
} from '@tollgate/plugin-finops-common';
import { CostStore } from '../costs/store/CostStore';
import { BudgetStore } from './BudgetStore';
import { LoggerService } from '@backstage/backend-plugin-api';
import { BudgetSnapshot, InvalidBudget } from './BudgetSnapshot';
import { CostedCatalog } from '../entities/CostedCatalog';
import { UnknownEntityReattributor } from '../sources/UnknownEntityReattributor';
import { BudgetSpend } from './BudgetSpend';
import { sumDaily } from './SpendSeries';
import { yieldToEventLoop } from '../database/yieldToEventLoop';

/** A budget's status with what it was computed from. */
interface ComputedStatus {
  basis: string;
  parts: Array<ReadonlyMap<string, bigint>>;
  status: BudgetStatus;
}

/**
 * Builds the budget snapshot: the budgets in force (a catalog annotation wins over a
 * budget made through the API for the same entity), and the status of each from the
 * daily spend of what it covers.
 */
export class BudgetEvaluator {
  private readonly spend: BudgetSpend;
  private lastStatuses = new Map<string, ComputedStatus>();
  private lastView?: {
    catalog: CostedCatalog;
    annotationBudgets: Budget[];
  };

  constructor(
    private readonly options: {
      costStore: CostStore;
      budgetStore: BudgetStore;
      loadEntities: () => Promise<Entity[]>;
      logger?: LoggerService;
      /** Attributes spend kept as unallocated to entities that have joined the catalog. */
      reattributor?: UnknownEntityReattributor;
      now?: () => Date;
    },
  ) {
    this.spend = new BudgetSpend(options.costStore);
  }

  /**
   * Builds a snapshot. With `catalogEntities`, of a snapshot taken since the catalog
   * last changed, the catalog is not read again, nor unallocated spend attributed:
   * what changed is spend alone, as after metered usage.
   */
  async evaluate(
    options: { catalogEntities?: Entity[] } = {},
  ): Promise<BudgetSnapshot> {
    const now = this.options.now?.() ?? new Date();
    const asOf = dayOf(now);
    const [catalogEntities, apiBudgets] = await Promise.all([
      options.catalogEntities ?? this.options.loadEntities(),
      this.options.budgetStore.list(),
    ]);
    if (!options.catalogEntities) {
      await this.options.reattributor?.run(catalogEntities);
    }
    const { catalog, annotationBudgets } = await this.catalogView(
      catalogEntities,
    );
    const chosen = chooseBudgets(annotationBudgets, apiBudgets);
    const invalid: InvalidBudget[] = [];
    const inForce = chosen.inForce.filter(budget => {
      const problem = budgetProblem(budget);
      if (problem) {
        invalid.push({ id: budget.id, scope: budget.scope, problem });
      }
      return !problem;
    });
    for (const { id, problem } of invalid) {
      this.options.logger?.warn(`Budget ${id} is left out: ${problem}`);
    }
    const spend = await this.spend.load(inForce, asOf, {
      todayOnly: Boolean(options.catalogEntities),
    });
    // a status whose budget, day and spend are those of the last snapshot is reused
    const computed = new Map<string, ComputedStatus>();
    const statuses: BudgetStatus[] = [];
    for (const budget of inForce) {
      await yieldToEventLoop();
      const basis = `${asOf} ${JSON.stringify(budget)}`;
      const parts = spend.partsOf(budget, catalog.byRef);
      const last = this.lastStatuses.get(budget.id);
      const status =
        last?.basis === basis &&
        last.parts.length === parts.length &&
        last.parts.every((part, i) => part === parts[i])
          ? last.status
          : budgetStatus({ budget, daily: sumDaily(parts), asOf });
      computed.set(budget.id, { basis, parts, status });
      statuses.push(status);
    }
    this.lastStatuses = computed;
    return new BudgetSnapshot(
      now.toISOString(),
      asOf,
      statuses,
      chosen.overridden,
      catalog.entities,
      catalogEntities,
      invalid,
    );
  }

  /**
   * What budgets read of the catalog, built once per catalog read, with turns of the
   * event loop in between its entities.
   */
  private async catalogView(catalogEntities: Entity[]) {
    if (this.lastView?.catalog.catalogEntities !== catalogEntities) {
      const catalog = await CostedCatalog.inSlices(catalogEntities);
      const annotationBudgets: Budget[] = [];
      for (const entity of catalogEntities) {
        await yieldToEventLoop();
        const budget = annotationBudget(entity);
        if (budget) annotationBudgets.push(budget);
      }
      this.lastView = { catalog, annotationBudgets };
    }
    return this.lastView;
  }
}

/**
 * Why a stored budget cannot be evaluated (rows written before its fields were checked
 * as they are now), or undefined: one bad row must not stop the others.
 */
function budgetProblem(budget: Budget): string | undefined {
  const amount = parseMicros(budget.amount);
  if (amount === undefined || amount <= 0n) {
    return `amount ${budget.amount} is not a positive amount of at most ${MAX_MONEY_TEXT}`;
  }
  if (!isCurrencyCode(budget.currency)) {
    return `currency ${budget.currency} is not an ISO 4217 currency code`;
  }
  if (!BUDGET_PERIODS.includes(budget.period)) {
    return `period ${budget.period} is not one of ${BUDGET_PERIODS.join(', ')}`;
  }
  return undefined;
}

/** A catalog annotation wins over an API budget for the same entity. */
function chooseBudgets(annotationBudgets: Budget[], apiBudgets: Budget[]) {
  const inForce = new Map<string, Budget>();
  for (const budget of annotationBudgets) {
    const { kind, value } = budgetScopeKey(budget.scope);
    inForce.set(`${kind}:${value}`, budget);
  }
  const overridden: Budget[] = [];
  for (const budget of apiBudgets) {
    const { kind, value } = budgetScopeKey(budget.scope);
    const key = `${kind}:${value}`;
    if (inForce.has(key)) {
      overridden.push(budget);
    } else {
      inForce.set(key, budget);
    }
  }
  return { inForce: [...inForce.values()], overridden };
}
