import fs from 'node:fs';
import path from 'node:path';
import {
  ReceivedRequest,
  ReplayAnswer,
} from '@tollgate/plugin-finops-node/testUtils';

/** The day of the recorded buckets (start_time 1730419200). */
export const RECORDED_DAY = '2024-11-01';

export function fixtureText(file: string): string {
  return fs.readFileSync(
    path.resolve(__dirname, '../__fixtures__', file),
    'utf8',
  );
}

/** The cursor the specification's completions example names as its next page. */
export const COMPLETIONS_NEXT_PAGE = 'page_AAAAAGdGxdEiJdKOAAAAAGcqsYA=';
const COSTS_NEXT_PAGE = 'page_costs_2';

/** A last page holding one recorded result in a bucket of the recorded day. */
function lastPageWith(resultText: string): string {
  return `{"object":"page","data":[{"object":"bucket","start_time":1730419200,"end_time":1730505600,"results":[${resultText}]}],"has_more":false,"next_page":null}`;
}

/** The bodies served for each report, page by page (cursor → text). */
export const RECORDED_PAGES: Record<string, Record<string, string>> = {
  '/v1/organization/usage/completions': {
    '': fixtureText('openapi_HEAD_usage_completions_response_example.json'),
    [COMPLETIONS_NEXT_PAGE]: lastPageWith(
      fixtureText('openapi_HEAD_UsageCompletionsResult_object_example.json'),
    ),
  },
  '/v1/organization/usage/embeddings': {
    '': fixtureText('embeddings_usage_page.json'),
  },
  '/v1/organization/costs': {
    // the recorded example page, told that another follows
    '': fixtureText('openapi_HEAD_costs_response_example.json')
      .replace('"has_more": false', '"has_more": true')
      .replace('"next_page": null', `"next_page": "${COSTS_NEXT_PAGE}"`),
    [COSTS_NEXT_PAGE]: fixtureText('costs_by_line_item_page.json'),
  },
};

/** Answers the reports with the recorded pages; other paths with 404. */
export function answerRecorded(request: ReceivedRequest): ReplayAnswer {
  const body = RECORDED_PAGES[request.path]?.[request.query.get('page') ?? ''];
  return body === undefined
    ? { status: 404, body: { error: { message: 'Not found' } } }
    : { body };
}
