import {
  CostRecord,
  MAX_SCALED_UNITS,
  QUANTITY_SCALE,
} from '@tollgate/plugin-finops-common';
import { ExactSum } from './ExactSum';
import { MalformedSpendLogError, SpendLog } from './readSpendLog';

/** The service charged, on every record of a LiteLLM source. */
export const LITELLM_SERVICE = 'LiteLLM proxy';
/** LiteLLM prices requests in US dollars. */
export const LITELLM_CURRENCY = 'USD';

const PER_UNIT = 10n ** BigInt(QUANTITY_SCALE);
/** The most requests or tokens one record's quantity holds. */
const MAX_COUNT = MAX_SCALED_UNITS / PER_UNIT;

/** The requests of one day, provider, model, entity and set of tags. */
interface Group {
  first: SpendLog;
  spend: ExactSum;
  requests: bigint;
  promptTokens: bigint;
  completionTokens: bigint;
}

function groupKey(log: SpendLog): string {
  return JSON.stringify([
    log.day,
    log.provider,
    log.model ?? null,
    log.entityRef ?? null,
    Object.entries(log.tags).sort(([a], [b]) => (a < b ? -1 : 1)),
  ]);
}

function bounded(count: bigint, what: string, group: Group): bigint {
  if (count > MAX_COUNT) {
    throw new MalformedSpendLogError(
      `the ${what} of ${group.first.model ?? 'no model'} on ${
        group.first.day
      } add up to ${count}, more than a record holds (${MAX_COUNT})`,
    );
  }
  return count * PER_UNIT;
}

/**
 * Adds up requests that share their day, provider, model, entity and tags, each
 * request once (a request seen again on a later page is not counted twice), and
 * answers their records: one of the money the proxy counted, exactly, with the
 * number of requests, and one each of their input and output tokens, with no money.
 */
export class SpendLogGroups {
  private readonly groups = new Map<string, Group>();
  private readonly seen = new Set<string>();

  /** Adds a request; false when it was already added. */
  add(log: SpendLog): boolean {
    if (this.seen.has(log.requestId)) {
      return false;
    }
    this.seen.add(log.requestId);
    const key = groupKey(log);
    let group = this.groups.get(key);
    if (!group) {
      group = {
        first: log,
        spend: new ExactSum(),
        requests: 0n,
        promptTokens: 0n,
        completionTokens: 0n,
      };
      this.groups.set(key, group);
    }
    if (!group.spend.add(log.spend)) {
      throw new MalformedSpendLogError(
        `spend is ${JSON.stringify(log.spend)}, expected a number of dollars`,
      );
    }
    group.requests += 1n;
    group.promptTokens += log.promptTokens;
    group.completionTokens += log.completionTokens;
    return true;
  }

  /** The records of every group, in the order their first requests were added. */
  records(): CostRecord[] {
    return [...this.groups.values()].flatMap(group => this.recordsOf(group));
  }

  private recordsOf(group: Group): CostRecord[] {
    const { day, provider, model, entityRef, tags } = group.first;
    const base = {
      day,
      ...(entityRef ? { entityRef } : {}),
      provider,
      service: LITELLM_SERVICE,
      ...(model ? { model } : {}),
      currency: LITELLM_CURRENCY,
      ...(Object.keys(tags).length ? { tags } : {}),
    };
    const micros = group.spend.micros();
    if (micros > MAX_SCALED_UNITS || micros < -MAX_SCALED_UNITS) {
      throw new MalformedSpendLogError(
        `the spend on ${day} adds up to ${micros} micro-dollars, more than a record holds`,
      );
    }
    const records: CostRecord[] = [
      {
        ...base,
        dimensionKind: 'usage',
        dimension: 'requests',
        quantity: bounded(group.requests, 'requests', group),
        unit: 'requests',
        billedCostMicros: micros,
      },
    ];
    const tokenTypes: Array<['input' | 'output', bigint]> = [
      ['input', group.promptTokens],
      ['output', group.completionTokens],
    ];
    for (const [tokenType, count] of tokenTypes) {
      if (count > 0n) {
        records.push({
          ...base,
          dimensionKind: 'tokenType',
          dimension: tokenType,
          quantity: bounded(count, `${tokenType} tokens`, group),
          unit: 'tokens',
          billedCostMicros: 0n,
        });
      }
    }
    return records;
  }
}
