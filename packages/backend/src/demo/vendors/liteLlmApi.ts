import { DEMO_LITELLM_KEY, DEMO_LITELLM_TEAM } from './demoVendorAccounts';
import { DemoVendorReports } from './demoVendorReports';
import { formatDecimal } from './exactDecimal';
import { jsonDecimal } from './jsonWithDecimals';
import { DemoSpendLog } from './liteLlmSpendLogs';
import {
  VendorAnswer,
  VendorRequest,
  bearerToken,
  limitParam,
} from './vendorRequest';

/** The paginated spend logs of the proxy's API. */
export const SPEND_LOGS_PATH = '/spend/logs/v2';

const DATE = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2}))?$/;

const API_BASES = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
};

function error(status: number, type: string, message: string): VendorAnswer {
  return {
    status,
    body: { error: { message, type, param: 'None', code: String(status) } },
  };
}

/** A date parameter (`2025-01-01` or `2025-01-01 00:00:00`, UTC) in milliseconds. */
function dateParam(text: string | null): number | undefined {
  const match = text === null ? null : DATE.exec(text);
  const at = match ? Date.parse(`${match[1]}T${match[2] ?? '00:00:00'}Z`) : NaN;
  return Number.isNaN(at) ? undefined : at;
}

/** One request as a row of the proxy's spend logs. */
function spendLogRow(log: DemoSpendLog) {
  return {
    request_id: log.requestId,
    call_type: 'acompletion',
    api_key: DEMO_LITELLM_KEY.hash,
    spend: jsonDecimal(formatDecimal(log.spendMicros, 6)),
    total_tokens: log.promptTokens + log.completionTokens,
    prompt_tokens: log.promptTokens,
    completion_tokens: log.completionTokens,
    startTime: new Date(log.startMs).toISOString(),
    endTime: new Date(log.startMs + 1_850).toISOString(),
    model: log.model,
    model_group: log.model,
    custom_llm_provider: log.provider,
    api_base: API_BASES[log.provider],
    user: '',
    metadata: {
      user_api_key: DEMO_LITELLM_KEY.hash,
      user_api_key_alias: DEMO_LITELLM_KEY.alias,
      user_api_key_team_id: DEMO_LITELLM_TEAM.id,
      user_api_key_team_alias: DEMO_LITELLM_TEAM.alias,
      spend_logs_metadata: null,
    },
    cache_hit: 'False',
    request_tags: [],
    team_id: DEMO_LITELLM_TEAM.id,
    end_user: null,
    status: 'success',
  };
}

/**
 * Answers `GET /spend/logs/v2` of a LiteLLM proxy from the demo's spend logs as the
 * proxy does: with its master key as `Authorization: Bearer`, the requests that
 * started from `start_date` to `end_date` (both included, UTC), of `team_id` where
 * given, sorted by `startTime` in `sort_order`, `page_size` (at most 100) a page.
 */
export function answerLiteLlm(
  reports: DemoVendorReports,
  request: VendorRequest,
  masterKey: string,
): VendorAnswer {
  const key = bearerToken(request);
  if (!key) {
    return error(
      401,
      'auth_error',
      'Authentication Error, No api key passed in.',
    );
  }
  if (key !== masterKey) {
    return error(
      401,
      'auth_error',
      `Authentication Error, Invalid proxy server token passed. Received API Key = sk-...${key.slice(
        -4,
      )}`,
    );
  }
  const { query } = request;
  const start = dateParam(query.get('start_date'));
  const end = dateParam(query.get('end_date'));
  if (start === undefined || end === undefined) {
    return error(
      400,
      'bad_request_error',
      'start_date and end_date are required, as YYYY-MM-DD HH:MM:SS',
    );
  }
  const page = limitParam(query, 'page', 1, Number.MAX_SAFE_INTEGER);
  const pageSize = limitParam(query, 'page_size', 50, 100);
  if (typeof page === 'string' || typeof pageSize === 'string') {
    return error(
      400,
      'bad_request_error',
      String(typeof page === 'string' ? page : pageSize),
    );
  }
  const sortBy = query.get('sort_by') ?? 'startTime';
  const sortOrder = query.get('sort_order') ?? 'desc';
  if (sortBy !== 'startTime' || (sortOrder !== 'asc' && sortOrder !== 'desc')) {
    return error(
      400,
      'bad_request_error',
      `This replay sorts by startTime asc or desc, not ${sortBy} ${sortOrder}`,
    );
  }
  const team = query.get('team_id');
  const logs = reports.liteLlm.filter(
    log =>
      log.startMs >= start &&
      log.startMs <= end &&
      (team === null || team === DEMO_LITELLM_TEAM.id),
  );
  if (sortOrder === 'desc') logs.reverse();
  const total = logs.length;
  return {
    status: 200,
    body: {
      data: logs.slice((page - 1) * pageSize, page * pageSize).map(spendLogRow),
      total,
      page,
      page_size: pageSize,
      total_pages: Math.ceil(total / pageSize),
    },
  };
}
