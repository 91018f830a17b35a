import { InputError } from '@backstage/errors';
import { isCurrencyCode, parseMicros } from '@tollgate/plugin-finops-common';
import { text } from './readUsageEvents';

/** Default and longest time a reservation holds budget. */
const DEFAULT_TTL_SECONDS = 300;
const MAX_TTL_SECONDS = 86_400;

/** A reservation request, checked: what `MeteringService.reserve` takes. */
export interface ReservationInput {
  entityRef: string;
  estimateMicros: bigint;
  currency: string;
  ttlSeconds: number;
  idempotencyKey?: string;
  agentId?: string;
  sessionId?: string;
  /** The most the session may spend, metered and reserved: a brake for a runaway loop. */
  maxSessionCostMicros?: bigint;
}

/**
 * Reads a reservation request as the route's body or the action's input have it;
 * throws InputError naming the field that is wrong.
 */
export function readReservationInput(
  body: Record<string, unknown>,
  defaultCurrency: string,
): ReservationInput {
  const sessionId = optionalText(body, 'sessionId');
  const maxSessionCostMicros =
    body.maxSessionCost === undefined
      ? undefined
      : readMoney(body.maxSessionCost, 'maxSessionCost');
  if (maxSessionCostMicros !== undefined && !sessionId) {
    throw new InputError('maxSessionCost caps a session: give its sessionId');
  }
  return {
    entityRef: requiredText(body, 'entityRef'),
    estimateMicros: readMoney(body.estimatedCost, 'estimatedCost'),
    currency: readCurrency(body.currency ?? defaultCurrency),
    ttlSeconds: readTtl(body.ttlSeconds),
    idempotencyKey: optionalText(body, 'idempotencyKey'),
    agentId: optionalText(body, 'agentId'),
    sessionId,
    maxSessionCostMicros,
  };
}

function requiredText(body: Record<string, unknown>, key: string): string {
  if (body[key] === undefined) {
    throw new InputError(
      `${key} is required, such as component:default/summarizer`,
    );
  }
  return text(body, key, '', true)!;
}

function optionalText(body: Record<string, unknown>, key: string) {
  return text(body, key, '');
}

/** A non-negative decimal amount given as text, in micro-units. */
export function readMoney(value: unknown, field: string): bigint {
  const micros = typeof value === 'string' ? parseMicros(value) : undefined;
  if (micros === undefined || micros < 0n) {
    throw new InputError(
      `${field} ${JSON.stringify(
        value,
      )} is not a decimal string of at least 0, such as "0.25"`,
    );
  }
  return micros;
}

/** An ISO 4217 currency code. */
export function readCurrency(value: unknown, field = 'currency'): string {
  if (!isCurrencyCode(value)) {
    throw new InputError(
      `${field} ${JSON.stringify(
        value,
      )} is not an ISO 4217 currency code such as "USD"`,
    );
  }
  return value;
}

function readTtl(value: unknown): number {
  if (value === undefined) {
    return DEFAULT_TTL_SECONDS;
  }
  if (
    !Number.isInteger(value) ||
    (value as number) < 1 ||
    (value as number) > MAX_TTL_SECONDS
  ) {
    throw new InputError(
      `ttlSeconds ${JSON.stringify(
        value,
      )} is not a whole number of seconds from 1 to ${MAX_TTL_SECONDS}`,
    );
  }
  return value as number;
}
