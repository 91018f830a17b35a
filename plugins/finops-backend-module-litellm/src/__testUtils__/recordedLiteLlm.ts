import fs from 'node:fs';
import path from 'node:path';
import {
  ReceivedRequest,
  ReplayAnswer,
} from '@tollgate/plugin-finops-node/testUtils';

/** The day of the recorded requests. */
export const RECORDED_DAY = '2024-04-30';

export const SPEND_LOGS_PATH = '/spend/logs/v2';

export function fixtureText(file: string): string {
  return fs.readFileSync(
    path.resolve(__dirname, '../__fixtures__', file),
    'utf8',
  );
}

/** The recorded spend log pages of the day, by page number. */
export const RECORDED_PAGES: Record<string, string> = {
  '1': fixtureText('spend_logs_v2_page_1.json'),
  '2': fixtureText('spend_logs_v2_page_2.json'),
  '3': fixtureText('spend_logs_v2_page_3.json'),
};

/** Every row of the recorded pages, numbers as their text. */
export function recordedRows(): Array<Record<string, any>> {
  return Object.values(RECORDED_PAGES).flatMap(
    text =>
      JSON.parse(text, (_key, value, context?: { source?: string }) =>
        typeof value === 'number' ? context!.source : value,
      ).data,
  );
}

/** Answers the spend logs with the recorded pages; other paths with 404. */
export function answerRecorded(request: ReceivedRequest): ReplayAnswer {
  const body =
    request.path === SPEND_LOGS_PATH
      ? RECORDED_PAGES[request.query.get('page') ?? '1']
      : undefined;
  return body === undefined
    ? { status: 404, body: { detail: 'Not Found' } }
    : { body };
}
