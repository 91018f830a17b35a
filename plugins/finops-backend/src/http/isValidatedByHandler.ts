import { spec } from '../schema/openapi';

/** The guardrail check, called before every model call. */
export const GUARDRAIL_CHECK_PATH = '/v1/guardrails/check' as const;

/**
 * Paths whose operations check their query against the spec themselves, without the
 * spec's validator (see `createSpecQueryCheck`): the guardrail check, where the
 * validator would cost a third of the check.
 */
export const SELF_CHECKED_QUERY_PATHS = [GUARDRAIL_CHECK_PATH] as const;

/** A pattern matching a spec path, with the plugin's base path before it. */
const patternOf = (path: string) =>
  new RegExp(`${path.replace(/\{[^}]+\}/g, '[^/]+').replace(/\//g, '\\/')}$`);

const PATTERNS = [
  ...Object.entries(spec.paths)
    .filter(([, operations]) =>
      Object.values(operations).some(operation => 'requestBody' in operation),
    )
    .map(([path]) => path),
  ...SELF_CHECKED_QUERY_PATHS,
].map(patternOf);

/**
 * Whether the spec's validator leaves a request to its handler:
 *
 * - that of a path whose operations take a JSON body (budgets, usage reports,
 *   reservations). Their handlers check the body field by field with what a schema
 *   cannot say (an event's index, exact decimal limits, a known currency) and answer 400
 *   naming the field; these paths have no query parameters, and their path parameters
 *   are ids;
 * - that of a path in SELF_CHECKED_QUERY_PATHS.
 */
export function isValidatedByHandler(path: string): boolean {
  return PATTERNS.some(pattern => pattern.test(path));
}
