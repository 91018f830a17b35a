import { AuditorService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError, assertError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import {
  AlertScope,
  BUDGETED_ENTITY_KINDS,
  BudgetInput,
  BudgetScope,
  isKindOf,
  alertScopeKey,
  describeBudgetScope,
  finopsBudgetUpdatePermission,
  finopsCostCenterBudgetUpdatePermission,
  finopsCostReadPermission,
  finopsSummaryReadPermission,
  formatMicros,
  readBudgetInput,
  readEntityCostLabels,
} from '@tollgate/plugin-finops-common';
import { Request, Response, Router } from 'express';
import { AlertStore } from '../alerts/AlertStore';
import { BudgetService } from './BudgetService';
import { GuardrailService } from '../guardrail/GuardrailService';
import { MeteringService } from '../metering/MeteringService';
import { actorOf, Authorize } from '../http/createAuthorizer';
import { readChoice, readText } from '../http/readQueryParams';
import { sendUncachedJson } from '../http/sendUncachedJson';
import { checkGuardrail, readGuardrailCheck } from '../guardrail/guardrailCheck';

export interface BudgetRouteOptions {
  budgets: BudgetService;
  guardrail: GuardrailService;
  alertStore: AlertStore;
  /** Completes a check with the spend-rate limit and records its denial. */
  metering: Pick<MeteringService, 'check'>;
  /** The reporting currency, which guardrail estimates are in unless they say. */
  currency: string;
}

/** The budget, guardrail and alert routes. */
export function addBudgetRoutes(
  router: Router,
  options: BudgetRouteOptions,
  helpers: {
    authorize: Authorize;
    loadEntity: (req: Request) => Promise<Entity>;
    findEntity: (req: Request, ref: string) => Promise<Entity | undefined>;
    auditor: AuditorService;
  },
) {
  const { budgets, alertStore } = options;
  const { authorize, loadEntity, findEntity, auditor } = helpers;

  /**
   * Records a change in the audit log with who asked for it (the auditor reads the
   * request's credentials). The event starts before the change is authorized, so a
   * refused attempt is recorded as failed with the error that refused it. The change
   * adds what it learns (the budget it touched) to `found`, which both outcomes carry.
   */
  async function audited<T>(
    req: Request,
    event: { eventId: string; meta: JsonObject },
    change: (found: JsonObject) => Promise<T>,
  ): Promise<T> {
    const auditorEvent = await auditor.createEvent({
      ...event,
      severityLevel: 'medium',
      request: req,
    });
    const found: JsonObject = {};
    try {
      const result = await change(found);
      await auditorEvent.success({ meta: found });
      return result;
    } catch (error) {
      assertError(error);
      await auditorEvent.fail({ meta: found, error });
      throw error;
    }
  }

  /**
   * A budget covers an entity that can carry spend and is in the catalog: a budget for
   * a typo would never be spent, and one for a User or Location can never be.
   */
  async function checkScope(req: Request, scope: BudgetScope) {
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

  /**
   * Editing a budget, or acknowledging its alert, needs the right on what it covers; a
   * provider's (reconciliation) alert, as organization-wide, the cost center right.
   */
  function authorizeEdit(req: Request, scope: AlertScope) {
    const { kind, value } = alertScopeKey(scope);
    if (kind === 'costCenter' || kind === 'provider') {
      return authorize(req, finopsCostCenterBudgetUpdatePermission);
    }
    const resourceRef = kind === 'team' ? `group:default/${value}` : value;
    return authorize(req, finopsBudgetUpdatePermission, resourceRef);
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
      req,
      { eventId: 'budget-mutate', meta: { actionType: 'create' } },
      async found => {
        const input = readInput(req.body);
        found.budget = budgetMeta(input);
        const credentials = await authorizeEdit(req, input.scope);
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
      req,
      { eventId: 'budget-mutate', meta: { actionType: 'update', id } },
      async found => {
        const input = readInput(req.body);
        found.budget = budgetMeta(input);
        const existing = await budgets.get(id);
        found.previousScope = { ...existing.scope };
        await authorizeEdit(req, existing.scope);
        const credentials = await authorizeEdit(req, input.scope);
        await checkScope(req, input.scope);
        return budgets.replace(id, input, actorOf(credentials));
      },
    );
    res.json(budget);
  });

  router.delete('/v1/budgets/:id', async (req, res) => {
    const id = req.params.id;
    await audited(
      req,
      { eventId: 'budget-mutate', meta: { actionType: 'delete', id } },
      async found => {
        const existing = await budgets.get(id);
        found.previousScope = { ...existing.scope };
        await authorizeEdit(req, existing.scope);
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

  function scopeBudget(key: 'team' | 'costCenter') {
    return async (req: Request, res: Response) => {
      await authorize(req, finopsSummaryReadPermission);
      const scope = { [key]: req.params.value } as BudgetScope;
      const status = budgets.forScope(scope);
      if (!status) {
        throw new NotFoundError(`No budget for ${describeBudgetScope(scope)}`);
      }
      res.json(status);
    };
  }
  router.get('/v1/teams/:value/budget', scopeBudget('team'));
  router.get('/v1/cost-centers/:value/budget', scopeBudget('costCenter'));

  router.get('/v1/guardrails/check', async (req, res) => {
    const input = readGuardrailCheck(
      {
        entityRef: readText(req.query, 'entityRef'),
        estimatedCost: readText(req.query, 'estimatedCost'),
        currency: readText(req.query, 'currency'),
      },
      options.currency,
      'Query parameter',
    );
    sendUncachedJson(
      res,
      await checkGuardrail(options, input, (permission, resourceRef) =>
        authorize(req, permission, resourceRef),
      ),
    );
  });

  router.get('/v1/alerts', async (req, res) => {
    const entityRef = readText(req.query, 'entityRef');
    const status = readChoice(req.query, 'status', ['open', 'all'], 'all');
    if (entityRef) {
      const normalized = entityRef.toLocaleLowerCase('en-US');
      await authorize(req, finopsCostReadPermission, normalized);
      res.json({
        items: await alertStore.list({
          scopes: [{ entityRef: normalized }],
          status,
        }),
      });
      return;
    }
    await authorize(req, finopsSummaryReadPermission);
    res.json({ items: await alertStore.list({ status }) });
  });

  router.post('/v1/alerts/:id/acknowledge', async (req, res) => {
    const id = req.params.id;
    const acknowledged = await audited(
      req,
      { eventId: 'alert-acknowledge', meta: { id } },
      async found => {
        const alert = await alertStore.get(id);
        if (!alert) {
          throw new NotFoundError(`No alert ${id}`);
        }
        found.scope = { ...alert.scope };
        const credentials = await authorizeEdit(req, alert.scope);
        return alertStore.acknowledge(id, actorOf(credentials) ?? 'unknown');
      },
    );
    res.json(acknowledged);
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
