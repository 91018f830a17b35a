import { Budget, BudgetInput } from '@tollgate/plugin-finops-common';

/** Keeps the budgets made through the API: at most one per scope. */
export interface BudgetStore {
  list(): Promise<Budget[]>;
  get(id: string): Promise<Budget | undefined>;
  /** Throws ConflictError when the scope already has a budget. */
  create(input: BudgetInput, updatedBy?: string): Promise<Budget>;
  /** Replaces a budget; undefined when there is none with this id. */
  replace(
    id: string,
    input: BudgetInput,
    updatedBy?: string,
  ): Promise<Budget | undefined>;
  /** Whether there was a budget to delete. */
  delete(id: string): Promise<boolean>;
}
