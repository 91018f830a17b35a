import { addDays, todayUtc } from '@tollgate/plugin-finops-common';
import request from 'supertest';
import { userAuth as auth } from '../__testUtils__/startFinopsTestBackend';
import { startBackend } from './__testUtils__/startHostileInputBackend';

jest.setTimeout(120_000);

describe('hostile input', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  const today = todayUtc();

  beforeAll(async () => {
    backend = await startBackend();
    await backend.run('scripted', today);
  });
  afterAll(() => backend.stop());

  const get = (path: string, query: Record<string, string> = {}) =>
    request(backend.server).get(`/api/finops${path}`).query(query).set(auth);

  it('clips a run to today, refuses one that begins after it, and keeps spend an empty export would erase', async () => {
    const { server, source } = backend;
    const tomorrow = addDays(today, 1);
    const clipped = await request(server)
      .post(
        `/api/finops/v1/sources/scripted/run?from=${today}&to=${addDays(
          today,
          5,
        )}`,
      )
      .set(auth)
      .expect(200);
    expect(clipped.body.window).toEqual({ from: today, to: today });
    const future = await request(server)
      .post(
        `/api/finops/v1/sources/scripted/run?from=${tomorrow}&to=${tomorrow}`,
      )
      .set(auth)
      .expect(400);
    expect(future.body.error.message).toContain('begins after today');

    source.perDay = 0n;
    const empty = await request(server)
      .post(`/api/finops/v1/sources/scripted/run?from=${today}&to=${today}`)
      .set(auth)
      .expect(200);
    source.perDay = 150_000_000n;
    expect(empty.body.status).toBe('failed');
    expect(empty.body.error).toContain('returned no cost records');
    const cost = await get('/v1/entities/component/default/summarizer/cost', {
      from: today,
      to: today,
    }).expect(200);
    expect(cost.body.total).toBe('150.00');
  });

  it('wholly keeps a run window whose last day fails, never mixing two exports', async () => {
    const { server, source } = backend;
    const from = addDays(today, -3);
    const period = { from, to: today };
    await backend.run('scripted', from, today);
    const before = await get(
      '/v1/entities/component/default/summarizer/cost',
      period,
    ).expect(200);
    expect(before.body.total).toBe('600.00');

    source.perDay = 1_000_000n;
    source.failOn = today;
    const failed = await request(server)
      .post(`/api/finops/v1/sources/scripted/run?from=${from}&to=${today}`)
      .set(auth)
      .expect(200);
    source.perDay = 150_000_000n;
    source.failOn = undefined;
    expect(failed.body).toMatchObject({ status: 'failed', daysDone: 0 });
    expect(failed.body.error).toBe(
      `${today}..${today}: export broke at ${today}`,
    );
    const after = await get(
      '/v1/entities/component/default/summarizer/cost',
      period,
    ).expect(200);
    expect(after.body.total).toBe('600.00');
  });

  it('gives up a manual run on a silent source within its timeout, saying so', async () => {
    const { server, source } = backend;
    source.silent = true;
    const started = Date.now();
    const run = await request(server)
      .post(`/api/finops/v1/sources/scripted/run?from=${today}&to=${today}`)
      .set(auth)
      .expect(200);
    source.silent = false;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(run.body.status).toBe('failed');
    expect(run.body.error).toContain('gave up after 1 s');
  });
});
