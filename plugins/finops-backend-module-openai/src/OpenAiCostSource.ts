import { DayWindow } from '@tollgate/plugin-finops-common';
import {
  CostSource,
  CostSourceFetchContext,
  CostSourceItem,
  CostSourceSchedule,
  DailyReport,
  RetryPolicy,
  checkFetchWindow,
  readDailyReportRecords,
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
import { completionsRecords, embeddingsRecords } from './records/usageRecords';

/** The reports read for each window, and how their results become records. */
const REPORTS: Array<OpenAiEndpoint & DailyReport> = [
  { ...COMPLETIONS_USAGE, toRecords: completionsRecords },
  { ...EMBEDDINGS_USAGE, toRecords: embeddingsRecords },
  { ...COSTS, toRecords: (day, result) => [costRecord(day, result)] },
];

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
    checkFetchWindow(window);
    const records = await readDailyReportRecords({
      vendor: 'OpenAI',
      sourceId: this.id,
      reports: REPORTS,
      window,
      context,
      readBuckets: (report, days, signal) =>
        this.client.readBuckets(report, days, signal),
      pageUrl: (report, days) => this.client.pageUrl(report, days),
      createError: (message, details) =>
        new OpenAiRequestError(message, details),
    });
    for (const record of records) {
      yield { type: 'cost', record };
    }
  }
}
