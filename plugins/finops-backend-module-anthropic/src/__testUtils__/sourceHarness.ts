import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { CostRecord, DayWindow } from '@tollgate/plugin-finops-common';
import { CostSourceItem } from '@tollgate/plugin-finops-node';
import { readAnthropicSourceConfigs } from '../config/readAnthropicSourceConfigs';
import { AnthropicCostSource } from '../AnthropicCostSource';
import { RECORDED_DAY, answerRecorded } from './recordedAnthropic';
import {
  ReceivedRequest,
  ReplayAnswer,
  ReplayServer,
  startReplayServer,
} from './startReplayServer';

export const RECORDED_WINDOW: DayWindow = {
  from: RECORDED_DAY,
  to: RECORDED_DAY,
};

/** A source reading a local server that answers as given (by default, recorded). */
export async function startSource(
  answer: (request: ReceivedRequest) => ReplayAnswer = answerRecorded,
): Promise<{ source: AnthropicCostSource; server: ReplayServer }> {
  const server = await startReplayServer(answer);
  const [config] = readAnthropicSourceConfigs(
    new ConfigReader({
      tollgate: {
        sources: {
          anthropic: [
            {
              id: 'org',
              baseUrl: server.url,
              adminKey: 'sk-ant-admin01-test',
              timeout: { milliseconds: 500 },
            },
          ],
        },
      },
    }),
  );
  const source = AnthropicCostSource.fromConfig(config, {
    retry: { attempts: 2, initialDelayMs: 10, maxDelayMs: 5_000 },
  });
  return { source, server };
}

/** What a fetch yields, and what it throws. */
export async function collect(
  source: AnthropicCostSource,
  window: DayWindow = RECORDED_WINDOW,
) {
  const items: CostSourceItem[] = [];
  let error: unknown;
  const context = {
    signal: new AbortController().signal,
    logger: mockServices.logger.mock(),
    entities: async () => [],
    priceBook: {
      priceTokens: () => undefined,
      priceRequests: () => undefined,
      priceOperation: () => undefined,
    },
  };
  try {
    for await (const item of source.fetch(window, context)) {
      items.push(item);
    }
  } catch (e) {
    error = e;
  }
  const records = items.map(item => (item as { record: CostRecord }).record);
  return { items, records, error: error as Error | undefined };
}

export const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
