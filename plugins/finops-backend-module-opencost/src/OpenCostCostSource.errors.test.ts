import { OpenCostReplayServerOptions } from '../replay/OpenCostReplayServer';
import { OpenCostRequestError } from './client/OpenCostRequestError';
import {
  DAY,
  context,
  sourceFor,
  collect,
} from './__testUtils__/openCostSourceTesting';
import { registerReplayServers } from './__testUtils__/replayServers';

describe('OpenCostCostSource', () => {
  const { replay, servers } = registerReplayServers();

  describe('fails with a clear error', () => {
    const window = '2026-03-01T00:00:00Z,2026-03-02T00:00:00Z';

    async function failure(
      intercept: OpenCostReplayServerOptions['intercept'],
      options: Record<string, unknown> = {},
      signal?: AbortSignal,
    ): Promise<OpenCostRequestError> {
      const server = await replay({ intercept });
      const error = await collect(
        sourceFor(server, options),
        DAY,
        context([], signal),
      ).then(
        () => undefined,
        e => e,
      );
      expect(error).toBeInstanceOf(OpenCostRequestError);
      expect(error.message).toContain(`GET ${server.url}/allocation?window=`);
      expect(decodeURIComponent(error.message)).toContain(window);
      return error;
    }

    it('on HTTP 500', async () => {
      const error = await failure(() => ({
        status: 500,
        body: { code: 500, message: 'Error: Prometheus unreachable' },
      }));
      expect(error.status).toBe(500);
      expect(error.message).toMatch(
        /failed with HTTP 500 Internal Server Error: .*Prometheus unreachable/,
      );
    });

    it('on a timeout', async () => {
      const error = await failure(() => ({ delayMs: 2_000 }), {
        timeout: { milliseconds: 100 },
      });
      expect(error.message).toMatch(/timed out after 100 ms$/);
    });

    it('when the run is aborted', async () => {
      const controller = new AbortController();
      const error = await failure(
        () => {
          controller.abort(new Error('backend shutting down'));
          return { delayMs: 2_000 };
        },
        {},
        controller.signal,
      );
      expect(error.message).toMatch(/was aborted: backend shutting down$/);
    });

    it('on a body that is not JSON', async () => {
      const error = await failure(() => ({
        status: 200,
        body: '<html>login</html>',
        contentType: 'text/html',
      }));
      expect(error.message).toMatch(
        /\(HTTP 200\) is not JSON: <html>login<\/html>$/,
      );
    });

    it('on a malformed body', async () => {
      const error = await failure(() => ({
        body: { code: 200, data: [{ web: { cpuCost: 'NaN', totalCost: 1 } }] },
      }));
      expect(error.message).toMatch(
        /\(HTTP 200\) is malformed: data\[0\]\["web"\]\.cpuCost is "NaN", expected a number$/,
      );
    });

    it('on code 500 in a 200 answer', async () => {
      const error = await failure(() => ({
        body: { code: 500, status: 'error', message: 'ETL not built' },
      }));
      expect(error.message).toMatch(
        /answered HTTP 200 with code 500: ETL not built$/,
      );
    });

    it('on a refused connection', async () => {
      const server = await replay();
      const source = sourceFor(server);
      await server.close();
      servers.splice(servers.indexOf(server), 1);
      await expect(collect(source, DAY, context())).rejects.toThrow(
        /OpenCost request GET .* failed: fetch failed \(.*ECONNREFUSED.*\)$/,
      );
    });
  });
});
