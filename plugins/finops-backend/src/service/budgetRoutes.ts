import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  BUDGETED_ENTITY_KINDS,
  BudgetScope,
  isKindOf,
  budgetScopeKey,
  describeBudgetScope,
  finopsBudgetUpdatePermission,
  finopsCostCenterBudgetUpdatePermission,
  finopsCostReadPermission,
  finopsSummaryReadPermission,
  parseMicros,
  readBudgetInput,
  readEntityCostLabels,
  isCurrencyCode,
} from '@tollgate/plugin-finops-common';
import { Request, Response, Router } from 'express';
import { AlertStore } from '../alerts/AlertStore';
import { BudgetService } from '../budgets/BudgetService';
import { GuardrailService } from '../budgets/GuardrailService';
import { MeteringService } from '../metering/MeteringService';
import { actorOf, Authorize } from './createAuthorizer';
import { readChoice, readText } from './readQueryParams';
import { sendUncachedJson } from './sendUncachedJson';

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
  },
) {
  const { budgets, guardrail, alertStore } = options;
  const { authorize, loadEntity, findEntity } = helpers;

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

  /** Editing a budget, or acknowledging its alert, needs the right on what it covers. */
  function authorizeEdit(req: Request, scope: BudgetScope) {
    const { kind, value } = budgetScopeKey(scope);
    if (kind === 'costCenter') {
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
    const input = readInput(req.body);
    const credentials = await authorizeEdit(req, input.scope);
    await checkScope(req, input.scope);
    res.status(201).json(await budgets.create(input, actorOf(credentials)));
  });

  router.put('/v1/budgets/:id', async (req, res) => {
    const input = readInput(req.body);
    const existing = await budgets.get(req.params.id);
    await authorizeEdit(req, existing.scope);
    const credentials = await authorizeEdit(req, input.scope);
    await checkScope(req, input.scope);
    res.json(await budgets.replace(req.params.id, input, actorOf(credentials)));
  });

  router.delete('/v1/budgets/:id', async (req, res) => {
    const existing = await budgets.get(req.params.id);
    await authorizeEdit(req, existing.scope);
    await budgets.remove(req.params.id);
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
    const entityRef = readText(req.query, 'entityRef');
    const estimate = readText(req.query, 'estimatedCost');
    const currency = readText(req.query, 'currency') ?? options.currency;
    if (!entityRef) {
      throw new InputError(
        'Query parameter entityRef is required, such as component:default/summarizer',
      );
    }
    const estimateMicros =
      estimate === undefined ? undefined : parseMicros(estimate);
    if (estimateMicros === undefined || estimateMicros < 0n) {
      throw new InputError(
        `Query parameter estimatedCost has invalid value ${JSON.stringify(
          estimate,
        )}: expected a decimal amount of at least 0, such as 0.25`,
      );
    }
    if (!isCurrencyCode(currency)) {
      throw new InputError(
        `Query parameter currency has invalid value ${JSON.stringify(
          currency,
        )}: expected an ISO 4217 currency code such as USD`,
      );
    }
    const entity = budgets.current().entity(entityRef);
    await authorize(
      req,
      finopsCostReadPermission,
      entity?.entityRef ?? entityRef,
    );
    sendUncachedJson(
      res,
      await options.metering.check(
        guardrail.check({ entityRef, estimateMicros, currency }),
        { estimateMicros, currency },
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
    const alert = await alertStore.get(req.params.id);
    if (!alert) {
      throw new NotFoundError(`No alert ${req.params.id}`);
    }
    const credentials = await authorizeEdit(req, alert.scope);
    res.json(
      await alertStore.acknowledge(
        req.params.id,
        actorOf(credentials) ?? 'unknown',
      ),
    );
  });
}
