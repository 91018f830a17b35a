import { spec } from '../schema/openapi';

/** A parameter of an operation of the spec, its `$ref` resolved. */
export interface SpecParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { type?: string; enum?: readonly string[]; [key: string]: unknown };
}

/** An operation's parameters as the spec lists them, each `$ref` resolved. */
export function resolveSpecParameters(parameters: unknown): SpecParameter[] {
  const shared: Record<string, SpecParameter> = spec.components.parameters;
  return (Array.isArray(parameters) ? parameters : [])
    .map(p =>
      typeof p?.$ref === 'string' ? shared[p.$ref.split('/').pop()] : p,
    )
    .filter((p): p is SpecParameter => typeof p?.name === 'string');
}

/**
 * The words of the API's 400s for a query the spec refuses, shared by the spec's
 * validator (as `describeSpecError` rewords it) and the routes that check their query
 * themselves (`createSpecQueryCheck`).
 */
export const specQueryMessages = {
  unknown: (name: string, known: string[]) =>
    `Query parameter ${name} is unknown: this route takes ${
      known.length ? known.join(', ') : 'none'
    }`,
  repeated: (name: string) =>
    `Query parameter ${name} was given more than once`,
  required: (name: string) => `Query parameter ${name} is required`,
  invalid: (name: string, value: unknown, problem: string) =>
    `Query parameter ${name} has invalid value ${JSON.stringify(
      value,
    )}: ${problem}`,
};
