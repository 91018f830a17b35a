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
import { OpenAiAdminClient } from './client/OpenAiAdminClient';
import {
  COMPLETIONS_USAGE,
  COSTS,
  EMBEDDINGS_USAGE,
  OpenAiEndpoint,
} from './client/OpenAiEndpoint';
import { OpenAiSourceConfig } from './config/OpenAiSourceConfig';
import { OpenAiRequestError } from './http/OpenAiRequestError';
import { costRecord } from './records/costRecords';
import { MalformedResultError } from './records/openAiRecords';
import { completionsRecords, embeddingsRecords } from './records/usageRecords';

type ToRecords = (day: string, result: Record<string, unknown>) => CostRecord[];

/** The reports read for each window, and how their results become records. */
const REPORTS: Array<[OpenAiEndpoint, ToRecords]> = [
  [COMPLETIONS_USAGE, completionsRecords],
  [EMBEDDINGS_USAGE, embeddingsRecords],
  [COSTS, (day, result) => [costRecord(day, result)]],
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
 * OpenAI spend from the organization Usage and Costs APIs, read with an admin key.
 * For each window it reads completions and embeddings usage (daily, by model,
 * project and API key) and costs (daily, by line item and project). Costs carry the
 * money; usage records carry the tokens by model and token type with no money, so
 * nothing counts twice. Records keep the project and API key ids as tags
 * (`openai.project_id`, `openai.api_key_id`) and are unallocated: no entity is
 * named. All reports are read before anything is yielded, so a failed request
 * yields nothing for the window.
 */
export class OpenAiCostSource implements CostSource {
  readonly id: string;
  readonly type = 'openai';
  readonly authority = 'vendor-api';
  readonly schedule: CostSourceSchedule;
  private readonly client: OpenAiAdminClient;

  private constructor(config: OpenAiSourceConfig, retry?: RetryPolicy) {
    this.id = `openai:${config.id}`;
    this.schedule = config.schedule;
    this.client = new OpenAiAdminClient(config, retry);
  }

  static fromConfig(
    config: OpenAiSourceConfig,
    options: { retry?: RetryPolicy } = {},
  ): OpenAiCostSource {
    return new OpenAiCostSource(config, options.retry);
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
            throw new OpenAiRequestError(
              `OpenAI ${endpoint.name} report for ${day} has a malformed result ${index}: ${error.message}`,
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
