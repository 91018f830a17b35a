import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import {
  BUDGETED_ENTITY_KINDS,
  BudgetInput,
  BudgetScope,
  isKindOf,
  describeBudgetScope,
  finopsCostReadPermission,
  finopsSummaryReadPermission,
  formatMicros,
  readBudgetInput,
  readEntityCostLabels,
} from '@tollgate/plugin-finops-common';
import { BudgetService } from './BudgetService';
import { actorOf } from '../http/createAuthorizer';
import { audited } from '../http/audited';
import { ApiRequest, FinopsRouter, RouteHelpers } from '../http/RouteHelpers';
import { authorizeScopeEdit } from './authorizeScopeEdit';

/** The budget routes: the budgets in force, and their changes, audited. */
export function addBudgetRoutes(
  router: FinopsRouter,
  budgets: BudgetService,
  helpers: RouteHelpers,
) {
  const { authorize, loadEntity, findEntity, auditor } = helpers;

  /**
   * A budget covers an entity that can carry spend and is in the catalog: a budget for
   * a typo would never be spent, and one for a User or Location can never be.
   */
  async function checkScope(req: ApiRequest, scope: BudgetScope) {
    if (!('entityRef' in scope)) {
      return;
    }
    const { kind } = parseEntityRef(scope.entityRef);
    if (!isKindOf(BUDGETED_ENTITY_KINDS, kind)) {
      throw new InputError(
        `Invalid budget: scope.entityRef ${JSON.stringify(
          scope.entityRef,
        )} is a ${kind}, which carries no spend; a budget covers an entity of kind ${BUDGETED_ENTITY_KINDS.join(
          ', ',
        )}, and a Group's is its team's: { "team": "name" }`,
      );
    }
    if (!(await findEntity(req, scope.entityRef))) {
      throw new InputError(
        `Invalid budget: scope.entityRef ${JSON.stringify(
          scope.entityRef,
        )} is not in the catalog; register the entity first, or declare its budget with the tollgate.dev/budget annotation`,
      );
    }
  }

  function readInput(body: unknown) {
    const result = readBudgetInput(body);
    if (!result.ok) {
      throw new InputError(`Invalid budget: ${result.errors.join('; ')}`);
    }
    return result.value;
  }

  router.get('/v1/budgets', async (req, res) => {
    await authorize(req, finopsSummaryReadPermission);
    res.json({
      items: budgets.list(),
      invalid: budgets.current().invalidBudgets,
    });
  });

  router.post('/v1/budgets', async (req, res) => {
    const budget = await audited(
      auditor,
      req,
      { eventId: 'budget-mutate', meta: { actionType: 'create' } },
      async found => {
        const input = readInput(req.body);
        found.budget = budgetMeta(input);
        const credentials = await authorizeScopeEdit(
          authorize,
          req,
          input.scope,
        );
        await checkScope(req, input.scope);
        const created = await budgets.create(input, actorOf(credentials));
        found.id = created.id;
        return created;
      },
    );
    res.status(201).json(budget);
  });

  router.put('/v1/budgets/:id', async (req, res) => {
    const id = req.params.id;
    const budget = await audited(
      auditor,
      req,
      { eventId: 'budget-mutate', meta: { actionType: 'update', id } },
      async found => {
        const input = readInput(req.body);
        found.budget = budgetMeta(input);
        const existing = await budgets.get(id);
        found.previousScope = { ...existing.scope };
        await authorizeScopeEdit(authorize, req, existing.scope);
        const credentials = await authorizeScopeEdit(
          authorize,
          req,
          input.scope,
        );
        await checkScope(req, input.scope);
        return budgets.replace(id, input, actorOf(credentials));
      },
    );
    res.json(budget);
  });

  router.delete('/v1/budgets/:id', async (req, res) => {
    const id = req.params.id;
    await audited(
      auditor,
      req,
      { eventId: 'budget-mutate', meta: { actionType: 'delete', id } },
      async found => {
        const existing = await budgets.get(id);
        found.previousScope = { ...existing.scope };
        await authorizeScopeEdit(authorize, req, existing.scope);
        await budgets.remove(id);
      },
    );
    res.status(204).end();
  });

  router.get('/v1/entities/:kind/:namespace/:name/budget', async (req, res) => {
    const entity = await loadEntity(req);
    const entityRef = stringifyEntityRef(entity);
    await authorize(req, finopsCostReadPermission, entityRef);
    const labels = readEntityCostLabels(entity);
    res.json(budgets.entityBudget(entity, labels));
  });

  function scopeStatus(scope: BudgetScope) {
    const status = budgets.forScope(scope);
    if (!status) {
      throw new NotFoundError(`No budget for ${describeBudgetScope(scope)}`);
    }
    return status;
  }
  router.get('/v1/teams/:value/budget', async (req, res) => {
    await authorize(req, finopsSummaryReadPermission);
    res.json(scopeStatus({ team: req.params.value }));
  });
  router.get('/v1/cost-centers/:value/budget', async (req, res) => {
    await authorize(req, finopsSummaryReadPermission);
    res.json(scopeStatus({ costCenter: req.params.value }));
  });
}

/** A budget as its audit event records it, the amount as exact decimal text. */
function budgetMeta(input: BudgetInput): JsonObject {
  return {
    scope: { ...input.scope },
    amount: formatMicros(input.amountMicros),
    currency: input.currency,
    period: input.period,
    thresholds: input.thresholds,
    enforcement: input.enforcement,
  };
}
