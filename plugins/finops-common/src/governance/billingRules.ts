import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { ANNOTATION_BILLING_GRANULARITY } from '../annotations/keys';
import {
  BILLING_GRANULARITIES,
  OPERATION_BILLINGS,
} from '../annotations/parsers';
import { OPENAPI_BILLING_EXTENSION } from '../billing/extensions';
import { isOpenApiEntity, readApiBilling } from '../billing/readApiBilling';
import { GovernanceRuleDefinition } from './GovernanceRuleDefinition';

const API_KINDS: readonly string[] = ['API'];

/**
 * The components that consume an API, as its relations say, or undefined when the
 * entity carries no relations (it is being processed and has not been stitched yet).
 */
function consumingComponents(entity: Entity): string[] | undefined {
  if (!Array.isArray(entity.relations)) {
    return undefined;
  }
  return entity.relations
    .filter(relation => relation.type === 'apiConsumedBy')
    .map(relation => relation.targetRef)
    .filter(ref => {
      try {
        return (
          parseEntityRef(ref).kind.toLocaleLowerCase('en-US') === 'component'
        );
      } catch {
        return false;
      }
    });
}

/**
 * APIs consumed by a component declare how they bill. On an entity without relations
 * (during catalog processing, before its consumers are known) every API is checked.
 */
export const billingGranularityRequired: GovernanceRuleDefinition = {
  id: 'billing-granularity-required',
  defaultKinds: API_KINDS,
  applicableKinds: API_KINDS,
  check: entity => {
    const annotations = entity.metadata?.annotations ?? {};
    if (ANNOTATION_BILLING_GRANULARITY in annotations) {
      return [];
    }
    const consumers = consumingComponents(entity);
    if (consumers && consumers.length === 0) {
      return [];
    }
    const consumedBy = consumers
      ? ` on an API consumed by ${consumers.join(', ')}`
      : '';
    return [
      {
        annotation: ANNOTATION_BILLING_GRANULARITY,
        message: `${ANNOTATION_BILLING_GRANULARITY} is missing${consumedBy}: expected one of ${BILLING_GRANULARITIES.join(
          ', ',
        )}`,
        howToFix: `Add "${ANNOTATION_BILLING_GRANULARITY}: metered" (or free, free-tier, paid-tier, quota-limited, as the provider bills) under metadata.annotations of the API.`,
      },
    ];
  },
};

/**
 * Each operation of an OpenAPI API says how it bills. A definition that cannot be read
 * is reported too, since its operations cannot be checked.
 */
export const operationBillingTags: GovernanceRuleDefinition = {
  id: 'operation-billing-tags',
  defaultKinds: API_KINDS,
  applicableKinds: API_KINDS,
  check: entity => {
    if (!isOpenApiEntity(entity)) {
      return [];
    }
    const billing = readApiBilling(entity);
    const definitionProblems = billing.problems
      .filter(problem => problem.kind === 'definition')
      .map(problem => ({
        message: problem.message,
        howToFix:
          'Fix spec.definition so that it is an OpenAPI document whose operations are written in place under paths.',
      }));
    const badTags = new Set(
      billing.problems
        .filter(problem => problem.kind === 'billing-tag')
        .map(problem => problem.operationId),
    );
    const untagged = billing.operations
      .filter(op => !op.billing && !badTags.has(op.operationId))
      .map(op => ({
        operationId: op.operationId,
        message: `${OPENAPI_BILLING_EXTENSION} is missing on operation ${
          op.operationId === `${op.method} ${op.path}`
            ? op.operationId
            : `"${op.operationId}" (${op.method} ${op.path})`
        }: expected one of ${OPERATION_BILLINGS.join(', ')}`,
        howToFix: `Add "${OPENAPI_BILLING_EXTENSION}: chargeable" (or metered, free) to the operation in spec.definition, with "x-tollgate-price: 0.004 USD/call" where a price per call is known.`,
      }));
    return [...definitionProblems, ...untagged];
  },
};
