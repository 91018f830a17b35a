import { startReplayServer } from './startReplayServer';

describe('startReplayServer', () => {
  it('answers as told and records each request', async () => {
    const server = await startReplayServer(request =>
      request.path === '/json'
        ? { status: 201, headers: { 'x-page': '2' }, body: { ok: true } }
        : { body: 'plain' },
    );
    try {
      const json = await fetch(`${server.url}/json?page=2`, {
        headers: { authorization: 'Bearer k' },
      });
      expect(json.status).toBe(201);
      expect(json.headers.get('content-type')).toBe('application/json');
      expect(json.headers.get('x-page')).toBe('2');
      await expect(json.json()).resolves.toEqual({ ok: true });
      const text = await fetch(`${server.url}/text`);
      expect(text.headers.get('content-type')).toBe('text/plain');
      await expect(text.text()).resolves.toBe('plain');
      expect(server.requests.map(r => [r.method, r.path])).toEqual([
        ['GET', '/json'],
        ['GET', '/text'],
      ]);
      expect(server.requests[0].query.get('page')).toBe('2');
      expect(server.requests[0].headers.authorization).toBe('Bearer k');
    } finally {
      await server.close();
    }
  });

  it('leaves a request unanswered on hang, until it closes', async () => {
    const server = await startReplayServer(() => 'hang');
    const answer = fetch(server.url, {
      signal: AbortSignal.timeout(200),
    }).catch(e => e);
    await expect(answer).resolves.toMatchObject({ name: 'TimeoutError' });
    expect(server.requests).toHaveLength(1);
    await server.close();
  });
});
