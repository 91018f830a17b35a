import { DemoVendorReports } from './demoVendorReports';
import { bucketPage, nextDay } from './dailyBucketPages';
import { formatDecimal } from './exactDecimal';
import {
  GroupedResult,
  ReportRow,
  filteredRows,
  groupRows,
} from './reportRows';
import { VendorAnswer, VendorRequest, limitParam } from './vendorRequest';

/** Nano-dollars are cents at this scale. */
const CENTS_SCALE = 7;

const RFC_3339 =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A report of the Anthropic Admin API that the replay answers. */
interface AnthropicReport {
  rows(reports: DemoVendorReports): Map<string, ReportRow[]>;
  groupBy: string[];
  /** The filter parameters, by the field they filter. */
  filters: Record<string, string>;
  result(
    grouped: GroupedResult,
    reports: DemoVendorReports,
  ): Record<string, unknown>;
}

/** A usage result, its counts nested as the report nests them. */
function usageResult({ groups, values }: GroupedResult) {
  const count = (field: string) => values[field] ?? 0n;
  return {
    uncached_input_tokens: count('uncached_input_tokens'),
    cache_creation: {
      ephemeral_1h_input_tokens: count(
        'cache_creation.ephemeral_1h_input_tokens',
      ),
      ephemeral_5m_input_tokens: count(
        'cache_creation.ephemeral_5m_input_tokens',
      ),
    },
    cache_read_input_tokens: count('cache_read_input_tokens'),
    output_tokens: count('output_tokens'),
    server_tool_use: { web_search_requests: 0 },
    api_key_id: groups.api_key_id,
    workspace_id: groups.workspace_id,
    model: groups.model,
    service_tier: null,
    context_window: null,
    inference_geo: null,
  };
}

/** The reports by path. */
const REPORTS: Record<string, AnthropicReport> = {
  '/v1/organizations/usage_report/messages': {
    rows: reports => reports.anthropic.usage,
    groupBy: [
      'api_key_id',
      'workspace_id',
      'model',
      'service_tier',
      'context_window',
      'inference_geo',
    ],
    filters: {
      api_key_id: 'api_key_ids[]',
      workspace_id: 'workspace_ids[]',
      model: 'models[]',
    },
    result: usageResult,
  },
  '/v1/organizations/cost_report': {
    rows: reports => reports.anthropic.cost,
    groupBy: ['workspace_id', 'description'],
    filters: {},
    result: ({ groups, values }, reports) => {
      const details =
        groups.description === null
          ? undefined
          : reports.anthropic.costDetails.get(groups.description);
      return {
        currency: 'USD',
        amount: formatDecimal(values.amount, CENTS_SCALE),
        workspace_id: groups.workspace_id,
        description: groups.description,
        cost_type: details?.cost_type ?? null,
        context_window: details?.context_window ?? null,
        model: details?.model ?? null,
        service_tier: details?.service_tier ?? null,
        token_type: details?.token_type ?? null,
      };
    },
  },
};

function error(status: number, type: string, message: string): VendorAnswer {
  return { status, body: { type: 'error', error: { type, message } } };
}

function invalid(message: string): VendorAnswer {
  return error(400, 'invalid_request_error', message);
}

function time(text: string | null): Date | undefined {
  return text !== null && RFC_3339.test(text) ? new Date(text) : undefined;
}

/** Whether a path is one of the Anthropic reports the replay answers. */
export function isAnthropicPath(path: string): boolean {
  return path in REPORTS;
}

/**
 * Answers a request to the Anthropic Admin API's messages usage or cost report from
 * the demo's reports as the API does: with an admin key as `x-api-key` and an
 * `anthropic-version`, daily buckets from `starting_at` to `ending_at`, grouped by the
 * `group_by[]` fields, usage filtered by `workspace_ids[]`, `api_key_ids[]` and
 * `models[]`, `limit` buckets a page, following `page`.
 */
export function answerAnthropic(
  reports: DemoVendorReports,
  request: VendorRequest,
  adminKey: string,
): VendorAnswer {
  const report = REPORTS[request.path];
  const key = request.headers['x-api-key'];
  if (!key) {
    return error(401, 'authentication_error', 'x-api-key header is required');
  }
  if (key !== adminKey) {
    return error(401, 'authentication_error', 'invalid x-api-key');
  }
  if (!request.headers['anthropic-version']) {
    return invalid('anthropic-version: header is required');
  }
  const { query } = request;
  const width = query.get('bucket_width') ?? '1d';
  if (width !== '1d') {
    return invalid(`This replay answers bucket_width 1d only, not ${width}`);
  }
  const start = time(query.get('starting_at'));
  if (!start) {
    return invalid(
      `starting_at: expected an RFC 3339 time, not ${JSON.stringify(
        query.get('starting_at'),
      )}`,
    );
  }
  const endText = query.get('ending_at');
  const end =
    endText === null
      ? new Date(`${nextDay(reports.to)}T00:00:00Z`)
      : time(endText);
  if (!end) {
    return invalid(`ending_at: expected an RFC 3339 time, not "${endText}"`);
  }
  const groupBy = query.getAll('group_by[]');
  const unknown = groupBy.find(field => !report.groupBy.includes(field));
  if (unknown !== undefined) {
    return invalid(
      `group_by.${groupBy.indexOf(unknown)}: Input should be ${report.groupBy
        .map(f => `'${f}'`)
        .join(', ')}`,
    );
  }
  const limit = limitParam(query, 'limit', 7, 31);
  if (typeof limit === 'string') return invalid(limit);
  const page = bucketPage({
    start,
    end,
    limit,
    page: query.get('page') ?? undefined,
  });
  if (typeof page === 'string') return invalid(page);
  const byDay = report.rows(reports);
  return {
    status: 200,
    body: {
      data: page.days.map(day => {
        const rows = filteredRows(byDay.get(day), report.filters, query);
        return {
          starting_at: `${day}T00:00:00Z`,
          ending_at: `${nextDay(day)}T00:00:00Z`,
          results: groupRows(rows, groupBy).map(grouped =>
            report.result(grouped, reports),
          ),
        };
      }),
      has_more: page.nextPage !== undefined,
      next_page: page.nextPage ?? null,
    },
  };
}
