import {
  DayWindow,
  addDays,
  dayOf,
  providerSlug,
} from '@tollgate/plugin-finops-common';
import { ExactSum } from './ExactSum';
import { requestEntity } from './requestEntity';
import { spendLogTags, text } from './spendLogTags';

/** The provider of requests whose log names none: the proxy itself. */
export const UNKNOWN_PROVIDER = 'litellm';

/** One request through the proxy, read from its spend log row. */
export interface SpendLog {
  requestId: string;
  /** The UTC day it started. */
  day: string;
  /** What the proxy counted it to cost, in dollars, as the decimal text it logged. */
  spend: string;
  promptTokens: bigint;
  completionTokens: bigint;
  /** The upstream provider, such as `openai` or `vertex-ai`. */
  provider: string;
  model?: string;
  /** The catalog entity the request named. */
  entityRef?: string;
  tags: Record<string, string>;
}

/** A row field that is wrong; the source names the request. */
export class MalformedSpendLogError extends Error {}

const TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})?$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON field as the proxy writes it: a value, or (in older versions) its text. */
function decoded(value: unknown): unknown {
  if (typeof value !== 'string') {
    return value;
  }
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function startOf(row: Record<string, unknown>): number {
  const match = typeof row.startTime === 'string' && TIME.exec(row.startTime);
  const at = match
    ? Date.parse(`${match[1]}T${match[2]}${match[3] ?? 'Z'}`)
    : NaN;
  if (Number.isNaN(at)) {
    throw new MalformedSpendLogError(
      `startTime is ${JSON.stringify(
        row.startTime,
      )}, expected an ISO date-time`,
    );
  }
  return at;
}

function tokens(row: Record<string, unknown>, field: string): bigint {
  const value = row[field];
  if (value === undefined || value === null) {
    return 0n;
  }
  if (typeof value !== 'string' || !/^\d{1,30}$/.test(value)) {
    throw new MalformedSpendLogError(
      `${field} is ${JSON.stringify(value)}, expected a whole number of tokens`,
    );
  }
  return BigInt(value);
}

function spendOf(row: Record<string, unknown>): string {
  const value = row.spend ?? '0';
  if (typeof value !== 'string' || !new ExactSum().add(value)) {
    throw new MalformedSpendLogError(
      `spend is ${JSON.stringify(value)}, expected a number of dollars`,
    );
  }
  return value;
}

/**
 * Reads one spend log row (numbers as their text) of a window. Answers undefined for
 * a request that started at the midnight closing the window, which the proxy
 * includes and the next window counts; throws a MalformedSpendLogError for a row
 * that is wrong or outside the window.
 */
export function readSpendLog(
  row: Record<string, unknown>,
  window: DayWindow,
): SpendLog | undefined {
  const requestId = text(row.request_id);
  if (!requestId) {
    throw new MalformedSpendLogError(
      `request_id is ${JSON.stringify(row.request_id)}, expected an id`,
    );
  }
  const start = startOf(row);
  const day = dayOf(new Date(start));
  const end = addDays(window.to, 1);
  if (day === end && start === Date.parse(`${end}T00:00:00Z`)) {
    return undefined;
  }
  if (day < window.from || day > window.to) {
    throw new MalformedSpendLogError(
      `startTime ${row.startTime} is outside the requested days ${window.from}..${window.to}`,
    );
  }
  const metadata = decoded(row.metadata);
  const metadataObject = isObject(metadata) ? metadata : {};
  const listed = decoded(row.request_tags);
  const requestTags = (Array.isArray(listed) ? listed : [])
    .map(text)
    .filter((tag): tag is string => tag !== undefined);
  const spendLogsMetadata = decoded(metadataObject.spend_logs_metadata);
  const entity = requestEntity(
    isObject(spendLogsMetadata) ? spendLogsMetadata : undefined,
    requestTags,
  );
  const provider = text(row.custom_llm_provider);
  return {
    requestId,
    day,
    spend: spendOf(row),
    promptTokens: tokens(row, 'prompt_tokens'),
    completionTokens: tokens(row, 'completion_tokens'),
    provider: (provider && providerSlug(provider)) || UNKNOWN_PROVIDER,
    model: text(row.model) ?? text(row.model_group),
    entityRef: entity && 'entityRef' in entity ? entity.entityRef : undefined,
    tags: spendLogTags(
      row,
      metadataObject,
      requestTags,
      entity && 'invalid' in entity ? entity.invalid : undefined,
    ),
  };
}
