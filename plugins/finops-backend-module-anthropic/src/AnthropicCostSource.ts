import { InputError } from '@backstage/errors';
import {
  CostRecord,
  DayWindow,
  formatMicros,
  isDay,
} from '@tollgate/plugin-finops-common';
import {
  CostSource,
  CostSourceFetchContext,
  CostSourceItem,
  CostSourceSchedule,
  RetryPolicy,
} from '@tollgate/plugin-finops-node';
import { AnthropicAdminClient } from './client/AnthropicAdminClient';
import {
  AnthropicEndpoint,
  COST_REPORT,
  MESSAGES_USAGE,
} from './client/AnthropicEndpoint';
import { AnthropicSourceConfig } from './config/AnthropicSourceConfig';
import { AnthropicRequestError } from './http/AnthropicRequestError';
import { MalformedResultError } from './records/anthropicRecords';
import { costRecord } from './records/costRecords';
import { usageRecords } from './records/usageRecords';

type ToRecords = (day: string, result: Record<string, unknown>) => CostRecord[];

/** The reports read for each window, and how their results become records. */
const REPORTS: Array<[AnthropicEndpoint, ToRecords]> = [
  [MESSAGES_USAGE, usageRecords],
  [COST_REPORT, (day, result) => [costRecord(day, result)]],
];

function checkWindow(window: DayWindow) {
  if (!isDay(window.from) || !isDay(window.to) || window.from > window.to) {
    throw new InputError(
      `Invalid window ${window.from}..${window.to}: expected UTC days as YYYY-MM-DD, from not after to`,
    );
  }
}

/** Total money per currency, for the log. */
function describeMoney(records: CostRecord[]): string {
  const totals = new Map<string, bigint>();
  for (const r of records) {
    totals.set(r.currency, (totals.get(r.currency) ?? 0n) + r.billedCostMicros);
  }
  return (
    [...totals].map(([c, m]) => `${formatMicros(m)} ${c}`).join(', ') ||
    'no money'
  );
}

/**
 * Anthropic spend from the Admin API's usage and cost reports, read with an admin
 * key. For each window it reads the messages usage report (daily, by model,
 * workspace and API key) and the cost report (daily, by workspace and description).
 * The cost report carries the money; usage records carry the tokens by model and
 * token type with no money, so nothing counts twice. Records keep the workspace and
 * API key ids as tags (`anthropic.workspace_id`, `anthropic.api_key_id`) and are
 * unallocated: no entity is named. Both reports are read before anything is
 * yielded, so a failed request yields nothing for the window.
 */
export class AnthropicCostSource implements CostSource {
  readonly id: string;
  readonly type = 'anthropic';
  readonly authority = 'vendor-api';
  readonly schedule: CostSourceSchedule;
  private readonly client: AnthropicAdminClient;

  private constructor(config: AnthropicSourceConfig, retry?: RetryPolicy) {
    this.id = `anthropic:${config.id}`;
    this.schedule = config.schedule;
    this.client = new AnthropicAdminClient(config, retry);
  }

  static fromConfig(
    config: AnthropicSourceConfig,
    options: { retry?: RetryPolicy } = {},
  ): AnthropicCostSource {
    return new AnthropicCostSource(config, options.retry);
  }

  async *fetch(
    window: DayWindow,
    context: CostSourceFetchContext,
  ): AsyncIterable<CostSourceItem> {
    checkWindow(window);
    const records: CostRecord[] = [];
    for (const [endpoint, toRecords] of REPORTS) {
      const buckets = await this.client.readBuckets(
        endpoint,
        window,
        context.signal,
      );
      const before = records.length;
      for (const { day, results } of buckets) {
        for (const [index, result] of results.entries()) {
          try {
            records.push(...toRecords(day, result));
          } catch (error) {
            if (!(error instanceof MalformedResultError)) {
              throw error;
            }
            const url = this.client.pageUrl(endpoint, window).toString();
            throw new AnthropicRequestError(
              `Anthropic ${endpoint.name} report for ${day} has a malformed result ${index}: ${error.message}`,
              { url, status: 200 },
            );
          }
        }
      }
      context.logger.debug(
        `${this.id}: ${window.from}..${window.to}: ${
          records.length - before
        } records from the ${endpoint.name} report (${describeMoney(
          records.slice(before),
        )})`,
      );
    }
    for (const record of records) {
      yield { type: 'cost', record };
    }
  }
}
