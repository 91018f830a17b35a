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
import { AnthropicAdminClient } from './client/AnthropicAdminClient';
import {
  AnthropicEndpoint,
  COST_REPORT,
  MESSAGES_USAGE,
} from './client/AnthropicEndpoint';
import { AnthropicSourceConfig } from './config/AnthropicSourceConfig';
import { AnthropicRequestError } from './http/AnthropicRequestError';
import { costRecord } from './records/costRecords';
import { usageRecords } from './records/usageRecords';

/** The reports read for each window, and how their results become records. */
const REPORTS: Array<AnthropicEndpoint & DailyReport> = [
  { ...MESSAGES_USAGE, toRecords: usageRecords },
  { ...COST_REPORT, toRecords: (day, result) => [costRecord(day, result)] },
];

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
    checkFetchWindow(window);
    const records = await readDailyReportRecords({
      vendor: 'Anthropic',
      sourceId: this.id,
      reports: REPORTS,
      window,
      context,
      readBuckets: (report, days, signal) =>
        this.client.readBuckets(report, days, signal),
      pageUrl: (report, days) => this.client.pageUrl(report, days),
      createError: (message, details) =>
        new AnthropicRequestError(message, details),
    });
    for (const record of records) {
      yield { type: 'cost', record };
    }
  }
}
