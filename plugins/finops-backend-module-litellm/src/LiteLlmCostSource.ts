import { CostRecord, DayWindow } from '@tollgate/plugin-finops-common';
import {
  CostSource,
  CostSourceFetchContext,
  CostSourceItem,
  CostSourceSchedule,
  RetryPolicy,
  checkFetchWindow,
  describeMoney,
} from '@tollgate/plugin-finops-node';
import { LiteLlmSpendLogsClient } from './client/LiteLlmSpendLogsClient';
import { LiteLlmSourceConfig } from './config/LiteLlmSourceConfig';
import { LiteLlmRequestError } from './http/LiteLlmRequestError';
import { MalformedSpendLogError, readSpendLog } from './records/readSpendLog';
import { SpendLogGroups } from './records/SpendLogGroups';

/**
 * Spend metered by a LiteLLM proxy, read from its spend logs (`/spend/logs/v2`) with
 * its master or an admin key: every request of a window, added up by day, upstream
 * provider, model, the entity a request names and who made it (team, key, user, end
 * user, request tags, kept as tags). The money is what the proxy counted each request
 * to cost, in dollars, summed exactly and rounded once per record. Its authority is
 * `telemetry`: the proxy prices tokens with its own price map, so the upstream
 * provider's invoice or usage API counts where it covers the same entity and day. All
 * pages are read before anything is yielded, so a failed request yields nothing.
 */
export class LiteLlmCostSource implements CostSource {
  readonly id: string;
  readonly type = 'litellm';
  readonly authority = 'telemetry';
  readonly schedule: CostSourceSchedule;
  private readonly client: LiteLlmSpendLogsClient;

  private constructor(config: LiteLlmSourceConfig, retry?: RetryPolicy) {
    this.id = `litellm:${config.id}`;
    this.schedule = config.schedule;
    this.client = new LiteLlmSpendLogsClient(config, retry);
  }

  static fromConfig(
    config: LiteLlmSourceConfig,
    options: { retry?: RetryPolicy } = {},
  ): LiteLlmCostSource {
    return new LiteLlmCostSource(config, options.retry);
  }

  async *fetch(
    window: DayWindow,
    context: CostSourceFetchContext,
  ): AsyncIterable<CostSourceItem> {
    checkFetchWindow(window);
    const rows = await this.client.readRows(window, context.signal);
    const groups = new SpendLogGroups();
    let counted = 0;
    let records: CostRecord[];
    try {
      for (const [index, row] of rows.entries()) {
        const log = this.read(row, index, window);
        if (log && groups.add(log)) {
          counted += 1;
        }
      }
      records = groups.records();
    } catch (error) {
      if (!(error instanceof MalformedSpendLogError)) {
        throw error;
      }
      throw this.malformed(window, error.message);
    }
    context.logger.debug(
      `${this.id}: ${window.from}..${window.to}: ${counted} requests of ${
        rows.length
      } spend log rows in ${records.length} records (${describeMoney(
        records,
      )})`,
    );
    for (const record of records) {
      yield { type: 'cost', record };
    }
  }

  private read(row: Record<string, unknown>, index: number, window: DayWindow) {
    try {
      return readSpendLog(row, window);
    } catch (error) {
      if (!(error instanceof MalformedSpendLogError)) {
        throw error;
      }
      const id = typeof row.request_id === 'string' ? ` ${row.request_id}` : '';
      throw this.malformed(
        window,
        `row ${index} (request${id}): ${error.message}`,
      );
    }
  }

  private malformed(window: DayWindow, problem: string): LiteLlmRequestError {
    const url = this.client.pageUrl(window, 1).toString();
    return new LiteLlmRequestError(
      `LiteLLM spend logs for ${window.from}..${window.to} are malformed: ${problem}`,
      { url, status: 200 },
    );
  }
}
