import { InputError } from '@backstage/errors';
import {
  SUPPORTED_DAYS,
  isCurrencyCode,
  parseMicros,
  providerSlug,
} from '@tollgate/plugin-finops-common';

/** Events one request may report. */
export const MAX_EVENTS_PER_REQUEST = 1000;
/** How far past the backend's clock an event may be stamped. */
const MAX_FUTURE_MS = 5 * 60_000;
const MAX_TEXT = 255;
/** ISO 8601 date-times with a zone, as OpenTelemetry and the SDKs write them. */
const TIMESTAMP_PATTERN =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Token counts of one model call; reasoning tokens are priced as output. */
export interface UsageTokens {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
  reasoning: number;
}

/** What one usage event reports: tokens of a model, calls of an API operation, or a cost. */
export type UsageMeasure =
  | { kind: 'tokens'; provider: string; model: string; tokens: UsageTokens }
  | { kind: 'calls'; apiRef: string; operation: string; count: number }
  | { kind: 'cost'; amountMicros: bigint; currency: string };

/** A usage event as `POST /v1/usage` takes it, checked. */
export interface UsageEvent {
  id: string;
  day: string;
  entityRef: string;
  measure: UsageMeasure;
  agentId?: string;
  sessionId?: string;
  user?: string;
}

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the events of a usage report; throws InputError naming the event and field. */
export function readUsageEvents(body: unknown, now: Date): UsageEvent[] {
  if (!isObject(body) || !Array.isArray(body.events)) {
    throw new InputError(
      'The request body must be { "events": [...] }, each event with id, timestamp, entityRef and one of tokens, calls or cost',
    );
  }
  const events = body.events;
  if (events.length === 0 || events.length > MAX_EVENTS_PER_REQUEST) {
    throw new InputError(
      `events holds ${events.length} events: send from 1 to ${MAX_EVENTS_PER_REQUEST} at a time`,
    );
  }
  const seen = new Set<string>();
  return events.map((event, index) => {
    const read = readUsageEvent(event, `events[${index}]`, now);
    if (seen.has(read.id)) {
      throw new InputError(
        `events[${index}].id ${JSON.stringify(
          read.id,
        )} is given twice in this report`,
      );
    }
    seen.add(read.id);
    return read;
  });
}

function readUsageEvent(value: unknown, at: string, now: Date): UsageEvent {
  if (!isObject(value)) {
    throw new InputError(`${at} must be an object`);
  }
  const id = text(value, 'id', at, true)!;
  const entityRef = text(value, 'entityRef', at, true)!;
  return {
    id,
    day: readDay(value.timestamp, `${at}.timestamp`, now),
    entityRef,
    measure: readUsageMeasure(value, at),
    agentId: text(value, 'agentId', at),
    sessionId: text(value, 'sessionId', at),
    user: text(value, 'user', at),
  };
}

/**
 * What an event or a commit reports: exactly one of `tokens` (with `provider` and
 * `model`), `calls` or `cost`.
 */
export function readUsageMeasure(value: Fields, at: string): UsageMeasure {
  const given = (['tokens', 'calls', 'cost'] as const).filter(
    key => value[key] !== undefined,
  );
  if (given.length !== 1) {
    throw new InputError(
      `${at} must report exactly one of tokens, calls or cost; it has ${
        given.length ? given.join(', ') : 'none'
      }`,
    );
  }
  const kind = given[0];
  const part = value[kind];
  if (!isObject(part)) {
    throw new InputError(`${at}.${kind} must be an object`);
  }
  if (kind === 'tokens') {
    const count = (key: keyof UsageTokens) =>
      whole(part[key] ?? 0, `${at}.tokens.${key}`);
    const tokens: UsageTokens = {
      input: count('input'),
      output: count('output'),
      cacheRead: count('cacheRead'),
      cacheWrite: count('cacheWrite'),
      reasoning: count('reasoning'),
    };
    return {
      kind,
      provider: providerSlug(text(value, 'provider', at, true)!),
      model: text(value, 'model', at, true)!,
      tokens,
    };
  }
  if (kind === 'calls') {
    return {
      kind,
      apiRef: text(part, 'apiRef', `${at}.calls`, true)!,
      operation: text(part, 'operation', `${at}.calls`, true)!,
      count: whole(part.count, `${at}.calls.count`),
    };
  }
  const amount = part.amount;
  const amountMicros =
    typeof amount === 'string' ? parseMicros(amount) : undefined;
  if (amountMicros === undefined || amountMicros < 0n) {
    throw new InputError(
      `${at}.cost.amount ${JSON.stringify(
        amount,
      )} is not a decimal string of at least 0, such as "0.0125"`,
    );
  }
  if (!isCurrencyCode(part.currency)) {
    throw new InputError(
      `${at}.cost.currency ${JSON.stringify(
        part.currency,
      )} is not an ISO 4217 currency code such as "USD"`,
    );
  }
  return { kind, amountMicros, currency: part.currency };
}

/**
 * A text field of a request body, of 1 to 255 characters; throws InputError naming it
 * (`at` is where the object is, such as `events[3]`, or empty for the body itself).
 */
export function text(
  value: Fields,
  key: string,
  at: string,
  required = false,
): string | undefined {
  const field = value[key];
  if (field === undefined && !required) {
    return undefined;
  }
  if (typeof field !== 'string' || !field || field.length > MAX_TEXT) {
    throw new InputError(
      `${
        at ? `${at}.` : ''
      }${key} must be a text of 1 to ${MAX_TEXT} characters${
        required ? '' : ' when given'
      }`,
    );
  }
  return field;
}

function whole(value: unknown, at: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw new InputError(
      `${at} ${JSON.stringify(value)} is not a whole number of at least 0`,
    );
  }
  return value as number;
}

function readDay(value: unknown, at: string, now: Date): string {
  const time =
    typeof value === 'string' && TIMESTAMP_PATTERN.test(value)
      ? Date.parse(value)
      : NaN;
  const day = Number.isNaN(time)
    ? ''
    : new Date(time).toISOString().slice(0, 10);
  if (!day || day < SUPPORTED_DAYS.from || day > SUPPORTED_DAYS.to) {
    throw new InputError(
      `${at} ${JSON.stringify(
        value,
      )} is not an ISO 8601 date-time such as "2026-11-20T10:15:00Z"`,
    );
  }
  if (time > now.getTime() + MAX_FUTURE_MS) {
    throw new InputError(
      `${at} ${JSON.stringify(value)} is in the future of the backend's clock`,
    );
  }
  return day;
}
