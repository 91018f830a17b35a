import { DemoVendorReports } from './demoVendorReports';
import { bucketPage, nextDay, unixSeconds } from './dailyBucketPages';
import { NANOS_SCALE, formatDecimal } from './exactDecimal';
import { jsonDecimal } from './jsonWithDecimals';
import {
  GroupedResult,
  ReportRow,
  filteredRows,
  groupRows,
} from './reportRows';
import {
  VendorAnswer,
  VendorRequest,
  bearerToken,
  limitParam,
} from './vendorRequest';

/** A report of the OpenAI organization API that the replay answers. */
interface OpenAiReport {
  rows(reports: DemoVendorReports): Map<string, ReportRow[]>;
  groupBy: string[];
  /** The filter parameters, by the field they filter. */
  filters: Record<string, string>;
  maxLimit: number;
  result(grouped: GroupedResult): Record<string, unknown>;
}

const USAGE_FILTERS = {
  project_id: 'project_ids',
  api_key_id: 'api_key_ids',
  model: 'models',
};

/** The reports by path. */
const REPORTS: Record<string, OpenAiReport> = {
  '/v1/organization/usage/completions': {
    rows: reports => reports.openAi.completions,
    groupBy: [
      'project_id',
      'user_id',
      'api_key_id',
      'model',
      'batch',
      'service_tier',
    ],
    filters: USAGE_FILTERS,
    maxLimit: 31,
    result: ({ groups, values }) => ({
      object: 'organization.usage.completions.result',
      ...values,
      input_audio_tokens: 0,
      output_audio_tokens: 0,
      project_id: groups.project_id,
      user_id: null,
      api_key_id: groups.api_key_id,
      model: groups.model,
      batch: null,
      service_tier: null,
    }),
  },
  '/v1/organization/usage/embeddings': {
    rows: reports => reports.openAi.embeddings,
    groupBy: ['project_id', 'user_id', 'api_key_id', 'model'],
    filters: USAGE_FILTERS,
    maxLimit: 31,
    result: ({ groups, values }) => ({
      object: 'organization.usage.embeddings.result',
      ...values,
      project_id: groups.project_id,
      user_id: null,
      api_key_id: groups.api_key_id,
      model: groups.model,
    }),
  },
  '/v1/organization/costs': {
    rows: reports => reports.openAi.costs,
    groupBy: ['project_id', 'line_item'],
    filters: { project_id: 'project_ids' },
    maxLimit: 180,
    result: ({ groups, values }) => ({
      object: 'organization.costs.result',
      amount: {
        value: jsonDecimal(formatDecimal(values.amount, NANOS_SCALE)),
        currency: 'usd',
      },
      line_item: groups.line_item,
      project_id: groups.project_id,
    }),
  },
};

const NO_KEY =
  "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.";

function error(
  status: number,
  message: string,
  param: string | null = null,
  code: string | null = null,
): VendorAnswer {
  return {
    status,
    body: { error: { message, type: 'invalid_request_error', param, code } },
  };
}

/** Whether a path is one of the OpenAI reports the replay answers. */
export function isOpenAiPath(path: string): boolean {
  return path in REPORTS;
}

/**
 * Answers a request to OpenAI's organization Usage or Costs API from the demo's
 * reports as the API does: with an admin key as `Authorization: Bearer`, daily
 * buckets from `start_time` to `end_time` (Unix seconds), grouped by the `group_by`
 * fields, filtered by `project_ids` (and for usage `api_key_ids`, `models`), `limit`
 * buckets a page, following `page`.
 */
export function answerOpenAi(
  reports: DemoVendorReports,
  request: VendorRequest,
  adminKey: string,
): VendorAnswer {
  const report = REPORTS[request.path];
  const key = bearerToken(request);
  if (!key) return error(401, NO_KEY);
  if (key !== adminKey) {
    return error(
      401,
      `Incorrect API key provided: ${key.slice(0, 8)}***${key.slice(
        -4,
      )}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      null,
      'invalid_api_key',
    );
  }
  const { query } = request;
  const width = query.get('bucket_width') ?? '1d';
  if (width !== '1d') {
    return error(
      400,
      `This replay answers bucket_width 1d only, not ${width}`,
      'bucket_width',
    );
  }
  const start = query.get('start_time');
  if (start === null || !/^\d{1,12}$/.test(start)) {
    return error(
      400,
      `start_time must be Unix seconds, not ${JSON.stringify(start)}`,
      'start_time',
    );
  }
  const end = query.get('end_time') ?? String(unixSeconds(nextDay(reports.to)));
  if (!/^\d{1,12}$/.test(end)) {
    return error(
      400,
      `end_time must be Unix seconds, not "${end}"`,
      'end_time',
    );
  }
  const groupBy = query.getAll('group_by');
  const unknown = groupBy.find(field => !report.groupBy.includes(field));
  if (unknown !== undefined) {
    return error(
      400,
      `Invalid group_by ${JSON.stringify(
        unknown,
      )}: expected one of ${report.groupBy.join(', ')}`,
      'group_by',
    );
  }
  const limit = limitParam(query, 'limit', 7, report.maxLimit);
  if (typeof limit === 'string') return error(400, limit, 'limit');
  const page = bucketPage({
    start: new Date(Number(start) * 1000),
    end: new Date(Number(end) * 1000),
    limit,
    page: query.get('page') ?? undefined,
  });
  if (typeof page === 'string') return error(400, page);
  const byDay = report.rows(reports);
  return {
    status: 200,
    body: {
      object: 'page',
      data: page.days.map(day => {
        const rows = filteredRows(byDay.get(day), report.filters, query);
        return {
          object: 'bucket',
          start_time: unixSeconds(day),
          end_time: unixSeconds(nextDay(day)),
          results: groupRows(rows, groupBy).map(report.result),
        };
      }),
      has_more: page.nextPage !== undefined,
      next_page: page.nextPage ?? null,
    },
  };
}
