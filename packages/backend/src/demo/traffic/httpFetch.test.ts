import http from 'node:http';
import { once } from 'node:events';
import { AddressInfo } from 'node:net';
import { replayFetch, replayRequest } from './httpFetch';

describe('calls to the vendor replay', () => {
  let server: http.Server;
  let port: number;
  const seen: Array<{
    host?: string;
    url?: string;
    body: string;
    key?: string;
  }> = [];
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', chunk => (body += chunk));
      request.on('end', () => {
        seen.push({
          host: request.headers.host,
          url: request.url,
          body,
          key: request.headers['x-api-key'] as string | undefined,
        });
        if (request.url === '/slow') return; // never answers
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end('{"ok":true}');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('reaches a vendor host at the replay, with the body and headers given', async () => {
    const answer = await replayRequest({
      host: 'api.openai.com',
      port,
      path: '/v1/chat/completions',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"model":"gpt-4o-mini"}',
    });
    expect(answer.status).toBe(201);
    expect(answer.body.toString('utf8')).toBe('{"ok":true}');
    expect(seen.pop()).toEqual({
      host: `api.openai.com:${port}`,
      url: '/v1/chat/completions',
      body: '{"model":"gpt-4o-mini"}',
      key: undefined,
    });
  });

  it('gives up on a call that is not answered in time', async () => {
    await expect(
      replayRequest({
        host: 'api.anthropic.com',
        port,
        path: '/slow',
        method: 'GET',
        headers: {},
        timeoutMs: 100,
      }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('answers a fetch, adding the extra headers', async () => {
    const fetch = replayFetch(() => ({ 'x-api-key': 'k' }));
    const response = await fetch(
      `http://api.anthropic.com:${port}/v1/messages?beta=true`,
      { method: 'POST', body: '{}' },
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });
    expect(seen.pop()).toMatchObject({
      url: '/v1/messages?beta=true',
      key: 'k',
    });
  });
});
