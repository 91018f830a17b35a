import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_ANTHROPIC_WORKSPACES,
  ANNOTATION_API_KEYS,
  ANNOTATION_BILLING_GRANULARITY,
  ANNOTATION_BUDGET,
  ANNOTATION_BUDGET_ENFORCEMENT,
  ANNOTATION_BUDGET_THRESHOLDS,
  ANNOTATION_COST_CENTER,
  ANNOTATION_ENVIRONMENT_TIER,
  ANNOTATION_LATENCY_SLO,
  ANNOTATION_LITELLM_TEAMS,
  ANNOTATION_OPENAI_PROJECTS,
  ANNOTATION_SPEND_RATE_LIMIT,
  ANNOTATION_OUTCOME_QUERY,
  ANNOTATION_OUTCOME_UNIT,
  ANNOTATION_PROJECT,
  ANNOTATION_PROMETHEUS_SELECTOR,
  ANNOTATION_TEAM,
  TOLLGATE_ANNOTATION_PREFIX,
} from '../annotations/keys';
import { parseLatencySlo } from '../annotations/parsers';
import { readEntityCostLabels } from '../annotations/readEntityCostLabels';
import { readVendorClaims } from '../annotations/vendorClaims';
import { isOpenApiEntity, readApiBilling } from '../billing/readApiBilling';
import {
  GovernanceRuleDefinition,
  RuleCheckResult,
} from './GovernanceRuleDefinition';

/** Every annotation Tollgate reads, with an example of a valid value. */
const EXAMPLES: Record<string, string> = {
  [ANNOTATION_COST_CENTER]: 'cc-4100',
  [ANNOTATION_TEAM]: 'ml-apps',
  [ANNOTATION_PROJECT]: 'support-ai',
  [ANNOTATION_ENVIRONMENT_TIER]: 'production',
  [ANNOTATION_BUDGET]: '2500 USD/month',
  [ANNOTATION_BUDGET_THRESHOLDS]: '50,80,100',
  [ANNOTATION_BUDGET_ENFORCEMENT]: 'advisory',
  [ANNOTATION_BILLING_GRANULARITY]: 'metered',
  [ANNOTATION_PROMETHEUS_SELECTOR]: '{job="summarizer"}',
  [ANNOTATION_OUTCOME_QUERY]: 'sum(increase(tickets_triaged_total[1d]))',
  [ANNOTATION_OUTCOME_UNIT]: 'triaged ticket',
  [ANNOTATION_LATENCY_SLO]: '800ms',
  [ANNOTATION_SPEND_RATE_LIMIT]: '25 USD/hour',
  [ANNOTATION_OPENAI_PROJECTS]: 'proj_abc123,proj_def456',
  [ANNOTATION_ANTHROPIC_WORKSPACES]: 'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ',
  [ANNOTATION_LITELLM_TEAMS]: 'ml-platform',
  [ANNOTATION_API_KEYS]: 'key_abc123,apikey_01Rj2N8SVvo6BePZj99NhmiT',
};

const KNOWN_ANNOTATIONS = Object.keys(EXAMPLES);

/**
 * Every Tollgate annotation and billing tag that is present must parse. Always on and
 * enforced. Unknown `tollgate.dev/` keys, usually typos, are reported as advisory.
 */
export const validLabelValues: GovernanceRuleDefinition = {
  id: 'valid-label-values',
  defaultKinds: [],
  check: entity => [
    ...annotationProblems(entity),
    ...billingTagProblems(entity),
    ...unknownAnnotations(entity),
  ],
};

function annotationProblems(entity: Entity): RuleCheckResult[] {
  const problems = [
    ...readEntityCostLabels(entity).problems,
    ...readVendorClaims(entity).problems,
  ];
  const slo = entity.metadata?.annotations?.[ANNOTATION_LATENCY_SLO];
  if (slo !== undefined) {
    const result = parseLatencySlo(ANNOTATION_LATENCY_SLO, slo);
    if (!result.ok) {
      problems.push({
        annotation: ANNOTATION_LATENCY_SLO,
        message: result.error,
      });
    }
  }
  return problems.map(problem => ({
    annotation: problem.annotation,
    message: problem.message,
    howToFix: `Correct the value under metadata.annotations, for example "${
      problem.annotation
    }: ${EXAMPLES[problem.annotation] ?? '...'}", or remove the annotation.`,
  }));
}

function billingTagProblems(entity: Entity): RuleCheckResult[] {
  const definition = (entity.spec as { definition?: unknown } | undefined)
    ?.definition;
  // Only definitions that carry Tollgate tags are parsed here.
  if (
    !isOpenApiEntity(entity) ||
    typeof definition !== 'string' ||
    !definition.includes('x-tollgate-')
  ) {
    return [];
  }
  return readApiBilling(entity)
    .problems.filter(
      problem => problem.kind === 'billing-tag' || problem.kind === 'price-tag',
    )
    .map(problem => ({
      operationId: problem.operationId,
      message: problem.message,
      howToFix:
        problem.kind === 'billing-tag'
          ? `Set ${problem.field} of the operation in spec.definition to chargeable, metered or free.`
          : `Set ${problem.field} of the operation in spec.definition to a price such as "0.004 USD/call" or "2.50 USD/1M tokens".`,
    }));
}

function unknownAnnotations(entity: Entity): RuleCheckResult[] {
  return Object.keys(entity.metadata?.annotations ?? {})
    .filter(
      key =>
        key.startsWith(TOLLGATE_ANNOTATION_PREFIX) &&
        !KNOWN_ANNOTATIONS.includes(key),
    )
    .map(key => {
      const suggestion = closest(key);
      return {
        annotation: key,
        level: 'advisory' as const,
        message: `${key} is not a Tollgate annotation and is ignored: expected one of ${KNOWN_ANNOTATIONS.join(
          ', ',
        )}`,
        howToFix: suggestion
          ? `Rename it to ${suggestion}.`
          : 'Remove it, or use one of the Tollgate annotations.',
      };
    });
}

function closest(key: string): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const known of KNOWN_ANNOTATIONS) {
    const distance = editDistance(key, known);
    if (distance <= 3 && (!best || distance < best.distance)) {
      best = { key: known, distance };
    }
  }
  return best?.key;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}
