// the package's own entry point, as the test utilities' users import it
import type { CostSource, RetryPolicy } from '@tollgate/plugin-finops-node';
import {
  ReceivedRequest,
  ReplayAnswer,
  ReplayServer,
  startReplayServer,
} from './startReplayServer';

/**
 * A retry policy for tests: one retry, after a short delay.
 *
 * @public
 */
export const TEST_RETRY_POLICY: RetryPolicy = {
  attempts: 2,
  initialDelayMs: 10,
  maxDelayMs: 5_000,
};

/**
 * Starts a local server answering as given and a source reading it, created from
 * the server's base URL and {@link TEST_RETRY_POLICY}. Close the server when done.
 *
 * @public
 */
export async function startReplayCostSource<S extends CostSource>(
  answer: (request: ReceivedRequest) => ReplayAnswer,
  createSource: (baseUrl: string, retry: RetryPolicy) => S,
): Promise<{ source: S; server: ReplayServer }> {
  const server = await startReplayServer(answer);
  try {
    return { source: createSource(server.url, TEST_RETRY_POLICY), server };
  } catch (error) {
    await server.close();
    throw error;
  }
}
