import { ConfigReader } from '@backstage/config';
import { DayWindow } from '@tollgate/plugin-finops-common';
import {
  ReceivedRequest,
  ReplayAnswer,
  collectCostSourceItems,
  startReplayCostSource,
} from '@tollgate/plugin-finops-node/testUtils';
import { readLiteLlmSourceConfigs } from '../config/readLiteLlmSourceConfigs';
import { LiteLlmCostSource } from '../LiteLlmCostSource';
import { RECORDED_DAY, answerRecorded } from './recordedLiteLlm';

export const RECORDED_WINDOW: DayWindow = {
  from: RECORDED_DAY,
  to: RECORDED_DAY,
};

/** The key the tests' proxy is read with. */
export const MASTER_KEY = 'sk-litellm-master-test';

/** A source reading a local server that answers as given (by default, recorded). */
export function startSource(
  answer: (request: ReceivedRequest) => ReplayAnswer = answerRecorded,
) {
  return startReplayCostSource(answer, (baseUrl, retry) => {
    const [config] = readLiteLlmSourceConfigs(
      new ConfigReader({
        tollgate: {
          sources: {
            litellm: [
              {
                id: 'gateway',
                baseUrl,
                apiKey: MASTER_KEY,
                timeout: { milliseconds: 500 },
              },
            ],
          },
        },
      }),
    );
    return LiteLlmCostSource.fromConfig(config, { retry });
  });
}

/** What a fetch yields, and what it throws. */
export function collect(
  source: LiteLlmCostSource,
  window: DayWindow = RECORDED_WINDOW,
) {
  return collectCostSourceItems(source, window);
}

export const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
