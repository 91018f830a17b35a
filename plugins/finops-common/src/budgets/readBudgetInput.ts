import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  BUDGET_ENFORCEMENTS,
  BUDGET_PERIODS,
  BudgetEnforcement,
  BudgetPeriod,
  DEFAULT_BUDGET_THRESHOLDS,
  parseLabelValue,
  parseThresholds,
} from '../annotations/parsers';
import { MAX_MONEY_TEXT, parseMicros } from '../money/Money';
import { isCurrencyCode } from '../money/currency';
import { BudgetInput, BudgetScope } from './types';

/** Digits a JSON number is sure to carry from the request body exactly. */
const EXACT_NUMBER_DIGITS = 15;

/** The significant digits of a number as JavaScript writes it: 120.5 has 4. */
function significantDigits(value: number): number {
  const mantissa = String(Math.abs(value)).split('e')[0].replace('.', '');
  return mantissa.replace(/^0+/, '').length;
}

/** The result of validating a budget request: the input, or every problem found. @public */
export type BudgetInputResult =
  | { ok: true; value: BudgetInput }
  | { ok: false; errors: string[] };

/**
 * Validates the body of a budget create or replace request. Every problem is reported
 * with the field it is in. The body is shaped as:
 *
 * ```
 * { scope: { entityRef } | { team } | { costCenter }, amount: "100.00", currency: "USD",
 *   period: "month" | "quarter" | "year", thresholds?: [50, 80, 100],
 *   enforcement?: "advisory" | "hard" }
 * ```
 *
 * @public
 */
export function readBudgetInput(body: unknown): BudgetInputResult {
  const errors: string[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, errors: ['The request body must be a JSON object'] };
  }
  const input = body as Record<string, unknown>;
  const scope = readScope(input.scope, errors);

  let amountMicros: bigint | undefined;
  if (typeof input.amount !== 'string' && typeof input.amount !== 'number') {
    errors.push('amount is required: a positive decimal such as "100.00"');
  } else if (
    typeof input.amount === 'number' &&
    significantDigits(input.amount) > EXACT_NUMBER_DIGITS
  ) {
    errors.push(
      `amount ${input.amount} has more digits than a JSON number keeps exactly (${EXACT_NUMBER_DIGITS}): send it as a string, such as "${input.amount}"`,
    );
  } else {
    amountMicros = parseMicros(input.amount);
    if (amountMicros === undefined || amountMicros <= 0n) {
      amountMicros = undefined;
      errors.push(
        `amount ${JSON.stringify(
          input.amount,
        )} is not a positive decimal such as "100.00" of at most ${MAX_MONEY_TEXT} with at most 6 decimals`,
      );
    }
  }
  const currency = input.currency;
  if (!isCurrencyCode(currency)) {
    errors.push(
      `currency ${JSON.stringify(
        currency,
      )} is not an ISO 4217 currency code such as "USD"`,
    );
  }
  const period = input.period;
  if (!BUDGET_PERIODS.includes(period as BudgetPeriod)) {
    errors.push(
      `period ${JSON.stringify(period)} is not one of ${BUDGET_PERIODS.join(
        ', ',
      )}`,
    );
  }
  let thresholds = [...DEFAULT_BUDGET_THRESHOLDS];
  if (input.thresholds !== undefined) {
    const result = parseThresholds('thresholds', input.thresholds);
    if (result.ok) {
      thresholds = result.value;
    } else {
      errors.push(result.error);
    }
  }
  const enforcement = input.enforcement ?? 'advisory';
  if (!BUDGET_ENFORCEMENTS.includes(enforcement as BudgetEnforcement)) {
    errors.push(
      `enforcement ${JSON.stringify(
        enforcement,
      )} is not one of ${BUDGET_ENFORCEMENTS.join(', ')}`,
    );
  }
  const known = [
    'scope',
    'amount',
    'currency',
    'period',
    'thresholds',
    'enforcement',
  ];
  for (const key of Object.keys(input)) {
    if (!known.includes(key)) {
      errors.push(`${key} is not a budget field; expected ${known.join(', ')}`);
    }
  }
  if (errors.length || !scope || amountMicros === undefined) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      scope,
      amountMicros,
      currency: currency as string,
      period: period as BudgetPeriod,
      thresholds,
      enforcement: enforcement as BudgetEnforcement,
    },
  };
}

function readScope(value: unknown, errors: string[]): BudgetScope | undefined {
  const expected =
    'scope must be one of { "entityRef": "component:default/name" }, { "team": "name" }, { "costCenter": "name" }';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push(expected);
    return undefined;
  }
  const keys = Object.keys(value);
  const scope = value as Record<string, unknown>;
  if (keys.length !== 1) {
    errors.push(`${expected}; got the fields ${JSON.stringify(keys)}`);
    return undefined;
  }
  if (typeof scope.entityRef === 'string') {
    try {
      return {
        entityRef: stringifyEntityRef(
          parseEntityRef(scope.entityRef, { defaultNamespace: 'default' }),
        ).toLocaleLowerCase('en-US'),
      };
    } catch {
      errors.push(
        `scope.entityRef ${JSON.stringify(
          scope.entityRef,
        )} is not an entity ref such as "component:default/name"`,
      );
      return undefined;
    }
  }
  for (const key of ['team', 'costCenter'] as const) {
    if (key in scope) {
      const result = parseLabelValue(`scope.${key}`, scope[key]);
      if (!result.ok) {
        errors.push(result.error);
        return undefined;
      }
      return key === 'team'
        ? { team: result.value }
        : { costCenter: result.value };
    }
  }
  errors.push(`${expected}; got the fields ${JSON.stringify(keys)}`);
  return undefined;
}
