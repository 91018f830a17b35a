import {
  ReceivedRequest,
  ReplayAnswer,
  ReplayServer,
} from '@tollgate/plugin-finops-node/testUtils';
import { LiteLlmRequestError } from './http/LiteLlmRequestError';
import {
  RECORDED_PAGES,
  answerRecorded,
} from './__testUtils__/recordedLiteLlm';
import {
  MASTER_KEY,
  collect,
  startSource,
} from './__testUtils__/sourceHarness';

/** An error as the proxy answers it (ProxyException). */
const proxyError = (message: string, code: number) => ({
  error: { message, type: 'internal_error', param: 'None', code: String(code) },
});

describe('LiteLlmCostSource when the proxy fails', () => {
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
      if (request.query.get('page') === '2' && !limited) {
        limited = true;
        return {
          status: 429,
          headers: { 'retry-after': '1' },
          body: proxyError('Max parallel request limit reached', 429),
        };
      }
      return answerRecorded(request);
    });
    const { records, error } = await collect(source);
    expect(error).toBeUndefined();
    expect(records).toHaveLength(19);
    const second = server!.requests.filter(r => r.query.get('page') === '2');
    expect(second).toHaveLength(2);
    expect(second[1].at - second[0].at).toBeGreaterThanOrEqual(950);
  });

  it('fails the window on 5xx, yielding nothing', async () => {
    const source = await serve(request =>
      request.query.get('page') === '3'
        ? { status: 500, body: proxyError('Internal error', 500) }
        : answerRecorded(request),
    );
    const { items, error } = await collect(source);
    expect(items).toEqual([]);
    expect(error).toBeInstanceOf(LiteLlmRequestError);
    expect(error?.message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/spend\/logs\/v2\?.*page=3.* answered HTTP 500 Internal Server Error: Internal error \(after 2 attempts\)$/,
    );
    expect(
      server!.requests.filter(r => r.query.get('page') === '3'),
    ).toHaveLength(2);
  });

  it('fails the window on a timeout, yielding nothing', async () => {
    const source = await serve(request =>
      request.query.get('page') === '2' ? 'hang' : answerRecorded(request),
    );
    const { items, error } = await collect(source);
    expect(items).toEqual([]);
    expect(error?.message).toMatch(/page=2&.* timed out after 500 ms$/);
  });

  it('fails at once when the key is refused, never showing it', async () => {
    const source = await serve(() => ({
      status: 401,
      body: proxyError(
        'Authentication Error, Invalid proxy server token passed.',
        401,
      ),
    }));
    const { items, error } = await collect(source);
    expect(items).toEqual([]);
    expect(error?.message).toMatch(
      /answered HTTP 401 Unauthorized: Authentication Error, Invalid proxy server token passed\.$/,
    );
    expect(error?.message).not.toContain(MASTER_KEY);
    expect(server!.requests).toHaveLength(1);
  });

  it('fails the window on a malformed request, naming it', async () => {
    const source = await serve(request =>
      request.query.get('page') === '2'
        ? {
            body: RECORDED_PAGES['2'].replace(
              '"spend": 0.31999939051519993,',
              '"spend": "thirty-two cents",',
            ),
          }
        : answerRecorded(request),
    );
    const { items, error } = await collect(source);
    expect(items).toEqual([]);
    expect(error?.message).toBe(
      'LiteLLM spend logs for 2024-04-30..2024-04-30 are malformed: row 5 (request img-4d9e61f2-illustrator): spend is "thirty-two cents", expected a number of dollars',
    );
  });

  it('fails the window on a page that is not spend logs', async () => {
    const source = await serve(request =>
      request.query.get('page') === '2'
        ? { body: { logs: [] } }
        : answerRecorded(request),
    );
    const { items, error } = await collect(source);
    expect(items).toEqual([]);
    expect(error?.message).toMatch(
      /^LiteLLM spend logs GET http:\/\/127\.0\.0\.1:\d+\/spend\/logs\/v2\?.*page=2.* answered a malformed page: the body is \{"logs":\[\]\}, expected a page with a data array$/,
    );
  });

  it('fails the window on requests of other days', async () => {
    const source = await serve(request =>
      request.query.get('page') === '3'
        ? {
            body: RECORDED_PAGES['3'].replace(
              '2024-04-30T16:20:47.096000Z',
              '2024-05-02T16:20:47.096000Z',
            ),
          }
        : answerRecorded(request),
    );
    const { items, error } = await collect(source);
    expect(items).toEqual([]);
    expect(error?.message).toBe(
      'LiteLLM spend logs for 2024-04-30..2024-04-30 are malformed: row 6 (request chatcmpl-90b5d7e3-summarizer): startTime 2024-05-02T16:20:47.096000Z is outside the requested days 2024-04-30..2024-04-30',
    );
  });
});
