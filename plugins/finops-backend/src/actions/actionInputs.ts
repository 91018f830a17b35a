import type { z as zod } from 'zod/v3';
import { readChoice } from '../http/readQueryParams';

type Zod = typeof zod;

/** Input fields several actions share, described for MCP clients. */
export const actionFields = {
  entityRef: (z: Zod) =>
    z
      .string()
      .describe(
        'Entity ref, kind:namespace/name, such as component:default/summarizer',
      ),
  from: (z: Zod) =>
    z
      .string()
      .optional()
      .describe(
        'First UTC day of the period, YYYY-MM-DD; defaults to 29 days before `to`',
      ),
  to: (z: Zod) =>
    z
      .string()
      .optional()
      .describe('Last UTC day of the period, YYYY-MM-DD; defaults to today'),
  money: (z: Zod, what: string) =>
    z
      .string()
      .describe(
        `${what}, a decimal string such as "0.25", in the currency given`,
      ),
  currency: (z: Zod) =>
    z
      .string()
      .optional()
      .describe('ISO 4217 currency code; defaults to the reporting currency'),
  groupBy: (
    z: Zod,
    what: string,
    choices: readonly string[],
    fallback: string,
  ) =>
    z
      .string()
      .optional()
      .describe(
        `${what}, one of ${choices.join(', ')}; defaults to ${fallback}`,
      ),
};

/** Reads an action's `groupBy`, one of `choices`; InputError naming the field. */
export function readGroupBy<T extends string>(
  input: { groupBy?: string },
  choices: readonly T[],
  fallback: T,
): T {
  return readChoice(input, 'groupBy', choices, fallback, 'Input field');
}
