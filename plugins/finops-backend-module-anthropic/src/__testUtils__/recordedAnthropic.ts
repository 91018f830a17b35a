import fs from 'node:fs';
import path from 'node:path';
import {
  ReceivedRequest,
  ReplayAnswer,
} from '@tollgate/plugin-finops-node/testUtils';

/** The day of the recorded buckets. */
export const RECORDED_DAY = '2025-08-01';

/** The cursor the recorded first pages name as their next page. */
export const NEXT_PAGE = 'page_MjAyNS0wNS0xNFQwMDowMDowMFo=';

export const USAGE_PATH = '/v1/organizations/usage_report/messages';
export const COST_PATH = '/v1/organizations/cost_report';

export function fixtureText(file: string): string {
  return fs.readFileSync(
    path.resolve(__dirname, '../__fixtures__', file),
    'utf8',
  );
}

/** The bodies served for each report, page by page (cursor → text). */
export const RECORDED_PAGES: Record<string, Record<string, string>> = {
  [USAGE_PATH]: {
    '': fixtureText('usage_report_messages_example.json'),
    [NEXT_PAGE]: fixtureText('usage_report_messages_last_page.json'),
  },
  [COST_PATH]: {
    '': fixtureText('cost_report_example.json'),
    [NEXT_PAGE]: fixtureText('cost_report_last_page.json'),
  },
};

/** Answers the reports with the recorded pages; other paths with 404. */
export function answerRecorded(request: ReceivedRequest): ReplayAnswer {
  const body = RECORDED_PAGES[request.path]?.[request.query.get('page') ?? ''];
  return body === undefined
    ? {
        status: 404,
        body: {
          type: 'error',
          error: { type: 'not_found_error', message: 'Not found' },
        },
      }
    : { body };
}
