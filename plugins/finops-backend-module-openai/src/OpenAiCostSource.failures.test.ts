import { OpenAiRequestError } from './http/OpenAiRequestError';
import { RECORDED_PAGES, answerRecorded } from './__testUtils__/recordedOpenAi';
import { collect, startSource } from './__testUtils__/sourceHarness';
import {
  ReceivedRequest,
  ReplayAnswer,
  ReplayServer,
} from '@tollgate/plugin-finops-node/testUtils';

const COSTS_PATH = '/v1/organization/costs';

describe('OpenAiCostSource when OpenAI fails', () => {
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
      if (request.path === COSTS_PATH && !limited) {
        limited = true;
        return {
          status: 429,
          headers: { 'retry-after': '1' },
          body: { error: { message: 'Rate limit reached' } },
        };
      }
      return answerRecorded(request);
    });
    const { records, error } = await collect(source);
    expect(error).toBeUndefined();
    expect(records).toHaveLength(16);
    const costs = server!.requests.filter(r => r.path === COSTS_PATH);
    expect(costs).toHaveLength(3);
    expect(costs[1].at - costs[0].at).toBeGreaterThanOrEqual(950);
  });

  it('fails the window on 5xx, yielding nothing', async () => {
    const source = await serve(request =>
      request.path === COSTS_PATH
        ? { status: 500, body: { error: { message: 'Internal error' } } }
        : answerRecorded(request),
    );
    const { items, error } = await collect(source);
    expect(items).toEqual([]);
    expect(error).toBeInstanceOf(OpenAiRequestError);
    expect((error as Error).message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/v1\/organization\/costs\?.* answered HTTP 500 Internal Server Error: Internal error \(after 2 attempts\)$/,
    );
  });

  it('fails the window on a timeout, yielding nothing', async () => {
    const source = await serve(request =>
      request.path === COSTS_PATH && request.query.get('page')
        ? 'hang'
        : answerRecorded(request),
    );
    const { items, error } = await collect(source);
    expect(items).toEqual([]);
    expect((error as Error).message).toMatch(
      /page=page_costs_2 timed out after 500 ms$/,
    );
  });

  it('fails the window on a malformed result, naming it', async () => {
    const source = await serve(request =>
      request.path === COSTS_PATH
        ? {
            body: RECORDED_PAGES[COSTS_PATH].page_costs_2.replace(
              '"value": 0.1,',
              '"value": "ten cents",',
            ),
          }
        : answerRecorded(request),
    );
    const { items, error } = await collect(source);
    expect(items).toEqual([]);
    expect((error as Error).message).toBe(
      'OpenAI costs report for 2024-11-01 has a malformed result 1: amount.value is "ten cents", expected a number of dollars',
    );
  });
});
