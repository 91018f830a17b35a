import { InputError } from '@backstage/errors';
import { spec } from '../schema/openapi';
import { resolveSpecParameters, specQueryMessages } from './specParameters';

/**
 * The check of an operation's query that the spec's validator would make, for an
 * operation whose parameters are all query parameters of type string (with or without
 * an enum): each known, given once, the required ones present, an enum's value one of
 * it. Errors are worded as `describeSpecError` words the validator's. Throws at once for
 * an operation the check cannot cover, so that it never checks less than the spec says.
 */
export function createSpecQueryCheck(
  path: keyof typeof spec.paths,
  method: 'get',
): (query: Record<string, unknown>) => void {
  const operation = (spec.paths[path] as Record<string, any>)[method];
  const parameters = resolveSpecParameters(operation?.parameters);
  for (const p of parameters) {
    const extra = Object.keys(p.schema ?? {}).filter(
      key => !['type', 'enum', 'description', 'default'].includes(key),
    );
    if (p.in !== 'query' || p.schema?.type !== 'string' || extra.length) {
      throw new Error(
        `${method.toUpperCase()} ${path}: parameter ${
          p.name
        } is not a plain query string`,
      );
    }
  }
  const byName = new Map(parameters.map(p => [p.name, p]));
  const names = parameters.map(p => p.name);
  const required = parameters.filter(p => p.required).map(p => p.name);

  return query => {
    for (const [name, value] of Object.entries(query)) {
      const parameter = byName.get(name);
      if (!parameter) {
        throw new InputError(specQueryMessages.unknown(name, names));
      }
      if (Array.isArray(value)) {
        throw new InputError(specQueryMessages.repeated(name));
      }
      if (typeof value !== 'string') {
        throw new InputError(
          specQueryMessages.invalid(name, value, 'must be string'),
        );
      }
      const allowed = parameter.schema?.enum;
      if (allowed && !allowed.includes(value)) {
        const problem = `must be equal to one of the allowed values: ${allowed.join(
          ', ',
        )}`;
        throw new InputError(specQueryMessages.invalid(name, value, problem));
      }
    }
    for (const name of required) {
      if (query[name] === undefined) {
        throw new InputError(specQueryMessages.required(name));
      }
    }
  };
}
