import { AnthropicRequestError } from './http/AnthropicRequestError';
import {
  COST_PATH,
  NEXT_PAGE,
  RECORDED_PAGES,
  answerRecorded,
} from './__testUtils__/recordedAnthropic';
import { collect, startSource } from './__testUtils__/sourceHarness';
import {
  ReceivedRequest,
  ReplayAnswer,
  ReplayServer,
} from '@tollgate/plugin-finops-node/testUtils';

describe('AnthropicCostSource when Anthropic fails', () => {
  let server: ReplayServer | undefined;
  async function serve(answer?: (request: ReceivedRequest) => ReplayAnswer) {
    const started = await startSource(answer);
    server = started.server;
    return started.source;
  }
  afterEach(() => server?.close());

  it('waits as a 429 Retry-After says, then reads on', async () => {
    let limited = false;
    const source = await serve(request => {
      if (request.path === COST_PATH && !limited) {
        limited = true;
        return {
          status: 429,
          headers: { 'retry-after': '1' },
          body: {
            type: 'error',
            error: { type: 'rate_limit_error', message: 'Rate limited' },
          },
        };
      }
      return answerRecorded(request);
    });
    const { records, error } = await collect(source);
    expect(error).toBeUndefined();
    expect(records).toHaveLength(18);
    const costs = server!.requests.filter(r => r.path === COST_PATH);
    expect(costs).toHaveLength(3);
    expect(costs[1].at - costs[0].at).toBeGreaterThanOrEqual(950);
  });

  it('fails the window on 5xx, yielding nothing', async () => {
    const source = await serve(request =>
      request.path === COST_PATH
        ? {
            status: 529,
            body: {
              type: 'error',
              error: { type: 'overloaded_error', message: 'Overloaded' },
            },
          }
        : answerRecorded(request),
    );
    const { items, error } = await collect(source);
    expect(items).toEqual([]);
    expect(error).toBeInstanceOf(AnthropicRequestError);
    expect((error as Error).message).toMatch(
      /cost_report\?.* answered HTTP 529( unknown)?: Overloaded \(after 2 attempts\)$/,
    );
  });

  it('fails the window on a timeout, yielding nothing', async () => {
    const source = await serve(request =>
      request.path === COST_PATH && request.query.get('page')
        ? 'hang'
        : answerRecorded(request),
    );
    const { items, error } = await collect(source);
    expect(items).toEqual([]);
    expect((error as Error).message).toMatch(/timed out after 500 ms$/);
  });

  it('fails the window on a malformed result, naming it', async () => {
    const source = await serve(request =>
      request.path === COST_PATH
        ? {
            body: RECORDED_PAGES[COST_PATH][NEXT_PAGE].replace(
              '"amount": "0.06"',
              '"amount": "0,06"',
            ),
          }
        : answerRecorded(request),
    );
    const { items, error } = await collect(source);
    expect(items).toEqual([]);
    expect((error as Error).message).toBe(
      'Anthropic cost report for 2025-08-01 has a malformed result 1: amount is "0,06", expected a decimal string of cents',
    );
  });
});
