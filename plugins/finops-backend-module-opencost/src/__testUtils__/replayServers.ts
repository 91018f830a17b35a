import {
  OpenCostReplayServer,
  OpenCostReplayServerOptions,
  startOpenCostReplayServer,
} from '../../replay/OpenCostReplayServer';
import { WEBSITE_EXAMPLE, readFixture } from './fixtures';

/**
 * Replay servers for the tests of the enclosing `describe`: `replay` starts one,
 * answering the website example unless told otherwise; those still in `servers` are
 * closed after each test.
 */
export function registerReplayServers() {
  const servers: OpenCostReplayServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(s => s.close()));
  });
  async function replay(
    options: Partial<OpenCostReplayServerOptions> = {},
  ): Promise<OpenCostReplayServer> {
    const server = await startOpenCostReplayServer({
      allocationsFor: () => readFixture(WEBSITE_EXAMPLE).data[0],
      ...options,
    });
    servers.push(server);
    return server;
  }
  return { replay, servers };
}
