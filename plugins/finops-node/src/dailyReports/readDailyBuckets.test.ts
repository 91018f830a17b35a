import { DailyBucketStart } from './readDailyBucketPage';
import { readDailyBuckets } from './readDailyBuckets';

const start: DailyBucketStart = {
  field: 'start_time',
  expected: 'Unix seconds',
  read: value =>
    typeof value === 'string' ? new Date(Number(value) * 1000) : undefined,
};

const window = { from: '2024-11-01', to: '2024-11-01' };
const bucket = { start_time: '1730419200', results: [{ amount: '1' }] };

function read(pages: Record<string, unknown>) {
  return readDailyBuckets({
    report: 'Vendor costs report',
    window,
    signal: new AbortController().signal,
    pageUrl: page => new URL(`http://vendor.test/costs?page=${page ?? ''}`),
    start,
    http: {
      getJson: async url => pages[url.searchParams.get('page') ?? ''],
    },
    createError: message => new Error(message),
  });
}

describe('readDailyBuckets', () => {
  it('follows next_page until has_more is false', async () => {
    await expect(
      read({
        '': { data: [bucket], has_more: true, next_page: 'p2' },
        p2: { data: [bucket], has_more: false },
      }),
    ).resolves.toEqual([
      { day: '2024-11-01', results: [{ amount: '1' }] },
      { day: '2024-11-01', results: [{ amount: '1' }] },
    ]);
  });

  it('rejects a cursor seen before', async () => {
    await expect(
      read({
        '': { data: [], has_more: true, next_page: 'p2' },
        p2: { data: [], has_more: true, next_page: 'p2' },
      }),
    ).rejects.toThrow(
      'Vendor costs report GET http://vendor.test/costs?page=p2 does not end: next_page "p2" after 2 pages',
    );
  });

  it('names what makes a page malformed', async () => {
    await expect(
      read({ '': { data: [{ ...bucket, start_time: 7 }] } }),
    ).rejects.toThrow(
      'answered a malformed page: data[0].start_time is 7, expected Unix seconds',
    );
    await expect(
      read({ '': { data: [{ ...bucket, start_time: '1730505600' }] } }),
    ).rejects.toThrow(
      'data[0] starts on 2024-11-02, outside the requested days 2024-11-01..2024-11-01',
    );
  });
});
