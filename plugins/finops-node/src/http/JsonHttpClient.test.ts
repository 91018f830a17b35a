import {
  ReplayServer,
  startReplayServer,
} from '../testUtils/startReplayServer';
import { JsonHttpClient } from './JsonHttpClient';
import { VendorRequestError } from './VendorRequestError';

const signal = () => new AbortController().signal;

function client(
  retry = { attempts: 3, initialDelayMs: 10, maxDelayMs: 5_000 },
) {
  return new JsonHttpClient({
    headers: { authorization: 'Bearer sk-admin-test' },
    timeoutMs: 300,
    retry,
  });
}

describe('JsonHttpClient', () => {
  let server: ReplayServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('sends the headers and keeps numbers as written', async () => {
    server = await startReplayServer(() => ({
      body: '{"amount":{"value":0.30000000000000004}}',
    }));
    await expect(
      client().getJson(new URL(`${server.url}/v1/x`), signal()),
    ).resolves.toEqual({ amount: { value: '0.30000000000000004' } });
    expect(server.requests[0].headers.authorization).toBe(
      'Bearer sk-admin-test',
    );
  });

  it('waits as Retry-After says, then succeeds', async () => {
    let calls = 0;
    server = await startReplayServer(() =>
      ++calls === 1
        ? { status: 429, headers: { 'retry-after': '1' }, body: {} }
        : { body: { ok: true } },
    );
    await expect(
      client().getJson(new URL(server.url), signal()),
    ).resolves.toEqual({ ok: true });
    const [first, second] = server.requests;
    expect(second.at - first.at).toBeGreaterThanOrEqual(950);
  });

  it('fails after its attempts on 5xx, with the server message', async () => {
    server = await startReplayServer(() => ({
      status: 500,
      body: { error: { message: 'The server had an error' } },
    }));
    const error: VendorRequestError = await client()
      .getJson(new URL(`${server.url}/v1/organization/costs`), signal())
      .then(() => {
        throw new Error('expected a failure');
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(VendorRequestError);
    expect(error.status).toBe(500);
    expect(error.message).toBe(
      `GET ${server.url}/v1/organization/costs answered HTTP 500 Internal Server Error: The server had an error (after 3 attempts)`,
    );
    expect(server.requests).toHaveLength(3);
  });

  it('fails at once on a wait longer than it accepts', async () => {
    server = await startReplayServer(() => ({
      status: 429,
      headers: { 'retry-after': '600' },
      body: 'slow down',
    }));
    await expect(
      client().getJson(new URL(server.url), signal()),
    ).rejects.toThrow(
      'answered HTTP 429 Too Many Requests: slow down, and asks to retry after 600000 ms, longer than the 5000 ms this source waits',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry other client errors', async () => {
    server = await startReplayServer(() => ({
      status: 401,
      body: { error: { message: 'Incorrect API key provided' } },
    }));
    await expect(
      client().getJson(new URL(server.url), signal()),
    ).rejects.toThrow('answered HTTP 401 Unauthorized: Incorrect API key');
    expect(server.requests).toHaveLength(1);
  });

  it('fails on a timeout and on a body that is not JSON', async () => {
    server = await startReplayServer(request =>
      request.path === '/hang' ? 'hang' : { body: '<html>' },
    );
    await expect(
      client().getJson(new URL(`${server.url}/hang`), signal()),
    ).rejects.toThrow(`GET ${server.url}/hang timed out after 300 ms`);
    await expect(
      client().getJson(new URL(`${server.url}/html`), signal()),
    ).rejects.toThrow('with a body that is not JSON: <html>');
  });

  it('stops waiting when the run is aborted', async () => {
    server = await startReplayServer(() => ({
      status: 503,
      headers: { 'retry-after': '2' },
      body: {},
    }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('shutting down')), 100);
    await expect(
      client().getJson(new URL(server.url), controller.signal),
    ).rejects.toThrow('aborted while waiting to retry: shutting down');
  });

  it('throws the error its options make, and retries 408 and 503 by default', async () => {
    class ExampleRequestError extends VendorRequestError {}
    let calls = 0;
    server = await startReplayServer(() =>
      ++calls < 3
        ? { status: calls === 1 ? 408 : 503, body: {} }
        : { status: 404, body: { detail: 'Not Found' } },
    );
    const error: ExampleRequestError = await new JsonHttpClient({
      headers: {},
      timeoutMs: 300,
      createError: (message, details) =>
        new ExampleRequestError(message, details),
    })
      .getJson(new URL(`${server.url}/v1/x`), signal())
      .then(() => {
        throw new Error('expected a failure');
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ExampleRequestError);
    expect(error.name).toBe('ExampleRequestError');
    expect(error).toMatchObject({ url: `${server.url}/v1/x`, status: 404 });
    expect(error.message).toBe(
      `GET ${server.url}/v1/x answered HTTP 404 Not Found: Not Found (after 3 attempts)`,
    );
    const [first, second, third] = server.requests;
    expect(second.at - first.at).toBeGreaterThanOrEqual(950);
    expect(third.at - second.at).toBeGreaterThanOrEqual(1950);
  }, 10_000);
});
