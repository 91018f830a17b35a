import { spec } from '../schema/openapi';

/** The express path patterns of the paths with an operation that takes a request body. */
const BODY_PATHS = Object.entries(spec.paths)
  .filter(([, operations]) =>
    Object.values(operations).some(operation => 'requestBody' in operation),
  )
  .map(
    ([path]) =>
      new RegExp(
        `${path.replace(/\{[^}]+\}/g, '[^/]+').replace(/\//g, '\\/')}$`,
      ),
  );

/**
 * Whether the spec's validator leaves a request to its handler: that of a path whose
 * operations take a JSON body (budgets, usage reports, reservations). Their handlers
 * check the body field by field with what a schema cannot say (an event's index, exact
 * decimal limits, a known currency) and answer 400 naming the field, as their tests
 * require; these paths have no query parameters, and their path parameters are ids.
 * The validator sees the path with the plugin's base path before it.
 */
export function isBodyCheckedByHandler(path: string): boolean {
  return BODY_PATHS.some(pattern => pattern.test(path));
}
