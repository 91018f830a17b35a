import { ConfigReader } from '@backstage/config';
import { DayWindow } from '@tollgate/plugin-finops-common';
import {
  ReceivedRequest,
  ReplayAnswer,
  collectCostSourceItems,
  startReplayCostSource,
} from '@tollgate/plugin-finops-node/testUtils';
import { readAnthropicSourceConfigs } from '../config/readAnthropicSourceConfigs';
import { AnthropicCostSource } from '../AnthropicCostSource';
import { RECORDED_DAY, answerRecorded } from './recordedAnthropic';

export const RECORDED_WINDOW: DayWindow = {
  from: RECORDED_DAY,
  to: RECORDED_DAY,
};

/** A source reading a local server that answers as given (by default, recorded). */
export function startSource(
  answer: (request: ReceivedRequest) => ReplayAnswer = answerRecorded,
) {
  return startReplayCostSource(answer, (baseUrl, retry) => {
    const [config] = readAnthropicSourceConfigs(
      new ConfigReader({
        tollgate: {
          sources: {
            anthropic: [
              {
                id: 'org',
                baseUrl,
                adminKey: 'sk-ant-admin01-test',
                timeout: { milliseconds: 500 },
              },
            ],
          },
        },
      }),
    );
    return AnthropicCostSource.fromConfig(config, { retry });
  });
}

/** What a fetch yields, and what it throws. */
export function collect(
  source: AnthropicCostSource,
  window: DayWindow = RECORDED_WINDOW,
) {
  return collectCostSourceItems(source, window);
}

export const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
